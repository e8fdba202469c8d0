using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindGroupByQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindGroupByQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindGroupByQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindIncludeQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindIncludeQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindIncludeQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

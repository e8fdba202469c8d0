using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindSelectQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindSelectQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindSelectQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindNavigationsQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindNavigationsQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindNavigationsQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture)
{
}

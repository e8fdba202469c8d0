using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindSetOperationsQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindSetOperationsQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindSetOperationsQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

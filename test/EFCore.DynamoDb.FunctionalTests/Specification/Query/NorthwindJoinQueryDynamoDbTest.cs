using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindJoinQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindJoinQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindJoinQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

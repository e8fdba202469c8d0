using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindChangeTrackingQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindChangeTrackingQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindChangeTrackingQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

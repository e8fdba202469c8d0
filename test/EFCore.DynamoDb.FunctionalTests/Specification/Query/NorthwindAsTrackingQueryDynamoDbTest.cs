using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindAsTrackingQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindAsTrackingQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindAsTrackingQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

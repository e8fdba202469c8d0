using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindIncludeNoTrackingQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindIncludeNoTrackingQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindIncludeNoTrackingQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindAsNoTrackingQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindAsNoTrackingQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindAsNoTrackingQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

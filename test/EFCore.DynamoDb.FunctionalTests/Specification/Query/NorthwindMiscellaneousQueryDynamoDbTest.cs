using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindMiscellaneousQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindMiscellaneousQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindMiscellaneousQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

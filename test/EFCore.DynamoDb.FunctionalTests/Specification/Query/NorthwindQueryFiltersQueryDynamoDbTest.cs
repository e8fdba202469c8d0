using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindQueryFiltersQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindQueryFiltersQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NorthwindQueryFiltersCustomizer> fixture)
    : NorthwindQueryFiltersQueryTestBase<NorthwindQueryDynamoDbFixture<NorthwindQueryFiltersCustomizer>>(fixture);

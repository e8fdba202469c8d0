using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindFunctionsQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindFunctionsQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindFunctionsQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindWhereQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindWhereQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindWhereQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

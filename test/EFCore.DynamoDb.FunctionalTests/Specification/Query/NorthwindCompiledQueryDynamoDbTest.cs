using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindCompiledQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindCompiledQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindCompiledQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

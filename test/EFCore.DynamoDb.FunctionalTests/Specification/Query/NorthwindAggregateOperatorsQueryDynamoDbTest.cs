using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindAggregateOperatorsQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindAggregateOperatorsQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindAggregateOperatorsQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture);

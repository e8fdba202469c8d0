using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="InheritanceQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class InheritanceQueryDynamoDbTest(InheritanceQueryDynamoDbFixture fixture)
    : InheritanceQueryTestBase<InheritanceQueryDynamoDbFixture>(fixture);

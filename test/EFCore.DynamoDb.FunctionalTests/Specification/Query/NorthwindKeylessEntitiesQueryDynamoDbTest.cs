using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindKeylessEntitiesQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindKeylessEntitiesQueryDynamoDbTest(NorthwindKeylessEntitiesQueryDynamoDbFixture fixture)
    : NorthwindKeylessEntitiesQueryTestBase<NorthwindKeylessEntitiesQueryDynamoDbFixture>(fixture);

using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="InheritanceQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class InheritanceQueryDynamoDbTest(InheritanceQueryDynamoDbFixture fixture)
    : InheritanceQueryTestBase<InheritanceQueryDynamoDbFixture>(fixture)
{
    /// <summary>
    /// DynamoDB has no foreign-key constraints (as Cosmos, whose tests say the same): a dependent naming a missing
    /// principal is saved. Declared, so the test does not expect the relational constraint violation, and does not save
    /// an eagle the rest of the class would then read.
    /// </summary>
    protected override bool EnforcesFkConstraints => false;
}

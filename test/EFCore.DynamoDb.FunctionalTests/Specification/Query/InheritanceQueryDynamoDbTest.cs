using Microsoft.EntityFrameworkCore.Query;
using Xunit.Sdk;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="InheritanceQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class InheritanceQueryDynamoDbTest(InheritanceQueryDynamoDbFixture fixture)
    : InheritanceQueryTestBase<InheritanceQueryDynamoDbFixture>(fixture)
{
    /// <summary>
    /// The fixture's model holds the keyless <c>AnimalQuery</c> hierarchy, a relational view with no table here, which
    /// the provider rejects (a keyless type is a view over a keyed type's table), as the rest of this class asserts. This
    /// test expects a translation failure and checks its message, so its own assertion quotes the model error instead.
    /// </summary>
    public override async Task Using_OfType_on_multiple_type_with_no_result(bool async)
    {
        var failure = await Assert.ThrowsAsync<ContainsException>(() => base.Using_OfType_on_multiple_type_with_no_result(async));
        Assert.Contains("The keyless entity type 'AnimalQuery'", failure.Message);
    }
}

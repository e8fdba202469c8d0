using Microsoft.EntityFrameworkCore.Query.Translations.Temporal;
using Microsoft.EntityFrameworkCore.TestModels.BasicTypesModel;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations.Temporal;

/// <summary>EF Core's <see cref="TimeOnlyTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class TimeOnlyTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : TimeOnlyTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture)
{
    // Entities 0, 5 and 6 share the same TimeSpan (zero), so the query's ordering ties between them and they come in
    // the order the store read them: key order in a relational store, hash order in a DynamoDB Scan. The query as
    // written is asserted for its rows; the same ordering with the ties broken by Id is asserted in order.
    /// <inheritdoc />
    public override async Task Order_by_FromTimeSpan()
    {
        await AssertQuery(ss => ss.Set<BasicTypesEntity>().OrderBy(x => TimeOnly.FromTimeSpan(x.TimeSpan)).Select(x => x), elementSorter: e => e.Id);
        await AssertQuery(
            ss => ss.Set<BasicTypesEntity>().OrderBy(x => TimeOnly.FromTimeSpan(x.TimeSpan)).ThenBy(x => x.Id),
            assertOrder: true);
    }
}

using Microsoft.EntityFrameworkCore.Query.Translations.Temporal;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations.Temporal;

/// <summary>EF Core's <see cref="TimeSpanTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class TimeSpanTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : TimeSpanTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

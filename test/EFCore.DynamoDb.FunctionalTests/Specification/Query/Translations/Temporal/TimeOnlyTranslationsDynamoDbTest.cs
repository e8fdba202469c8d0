using Microsoft.EntityFrameworkCore.Query.Translations.Temporal;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations.Temporal;

/// <summary>EF Core's <see cref="TimeOnlyTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class TimeOnlyTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : TimeOnlyTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

using Microsoft.EntityFrameworkCore.Query.Translations.Temporal;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations.Temporal;

/// <summary>EF Core's <see cref="DateOnlyTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class DateOnlyTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : DateOnlyTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

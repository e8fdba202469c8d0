using Microsoft.EntityFrameworkCore.Query.Translations.Operators;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations.Operators;

/// <summary>EF Core's <see cref="MiscellaneousOperatorTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class MiscellaneousOperatorTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : MiscellaneousOperatorTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

using Microsoft.EntityFrameworkCore.Query.Translations;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations;

/// <summary>EF Core's <see cref="StringTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class StringTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : StringTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

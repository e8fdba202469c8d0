using Microsoft.EntityFrameworkCore.Query.Translations;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations;

/// <summary>EF Core's <see cref="EnumTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class EnumTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : EnumTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

using Microsoft.EntityFrameworkCore.Query.Translations;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations;

/// <summary>EF Core's <see cref="MathTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class MathTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : MathTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

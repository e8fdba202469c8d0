using Microsoft.EntityFrameworkCore.Query.Translations;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations;

/// <summary>EF Core's <see cref="GuidTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class GuidTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : GuidTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

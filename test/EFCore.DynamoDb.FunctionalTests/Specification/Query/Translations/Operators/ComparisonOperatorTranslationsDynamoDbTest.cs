using Microsoft.EntityFrameworkCore.Query.Translations.Operators;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations.Operators;

/// <summary>EF Core's <see cref="ComparisonOperatorTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class ComparisonOperatorTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : ComparisonOperatorTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

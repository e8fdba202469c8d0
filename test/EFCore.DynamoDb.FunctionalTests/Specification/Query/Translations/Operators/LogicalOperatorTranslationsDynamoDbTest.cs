using Microsoft.EntityFrameworkCore.Query.Translations.Operators;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations.Operators;

/// <summary>EF Core's <see cref="LogicalOperatorTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class LogicalOperatorTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : LogicalOperatorTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

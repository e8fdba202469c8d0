using Microsoft.EntityFrameworkCore.Query.Translations.Operators;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations.Operators;

/// <summary>EF Core's <see cref="ArithmeticOperatorTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class ArithmeticOperatorTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : ArithmeticOperatorTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

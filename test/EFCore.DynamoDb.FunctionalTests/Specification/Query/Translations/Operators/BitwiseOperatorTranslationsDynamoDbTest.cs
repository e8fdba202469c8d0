using Microsoft.EntityFrameworkCore.Query.Translations.Operators;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations.Operators;

/// <summary>EF Core's <see cref="BitwiseOperatorTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class BitwiseOperatorTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : BitwiseOperatorTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

using Microsoft.EntityFrameworkCore.Query.Translations.Temporal;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations.Temporal;

/// <summary>EF Core's <see cref="DateTimeOffsetTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class DateTimeOffsetTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : DateTimeOffsetTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

using Microsoft.EntityFrameworkCore.Query.Translations;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations;

/// <summary>EF Core's <see cref="ByteArrayTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class ByteArrayTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : ByteArrayTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

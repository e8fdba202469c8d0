using Microsoft.EntityFrameworkCore.Query.Translations;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query.Translations;

/// <summary>EF Core's <see cref="MiscellaneousTranslationsTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class MiscellaneousTranslationsDynamoDbTest(BasicTypesQueryDynamoDbFixture fixture)
    : MiscellaneousTranslationsTestBase<BasicTypesQueryDynamoDbFixture>(fixture);

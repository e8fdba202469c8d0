using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.UniqueIndexes;

/// <summary>An empty Members table and guard table; each test uses keys and values of its own.</summary>
public sealed class UniqueIndexFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<UniqueIndexContext>(server);

using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.ExecuteUpdate;

/// <summary>The <see cref="GameContext" /> tables, empty at first: each test seeds a guild (partition) of its own.</summary>
public sealed class GameFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<GameContext>(server);

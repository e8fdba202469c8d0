using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Concurrency;

/// <summary>Empty Counters and Wallets tables; each test uses keys of its own.</summary>
public sealed class ConcurrencyFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<ConcurrencyContext>(server);

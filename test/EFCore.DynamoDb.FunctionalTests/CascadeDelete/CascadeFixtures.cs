using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.CascadeDelete;

/// <summary>The cascade model's tables, with the foreign-key GSIs; each test writes its own authors.</summary>
public sealed class CascadeFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<CascadeContext>(server);

/// <summary>The cascade model's tables without the foreign-key GSIs.</summary>
public sealed class UnindexedCascadeFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<UnindexedCascadeContext>(server);

using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>Empty tables and key counters; each test writes keys of its own.</summary>
public sealed class ValueGenerationFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<ValueGenerationContext>(server);

using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.ValueGeneration;

/// <summary>Empty Devices and Slots tables; each test writes keys of its own.</summary>
public sealed class ValueGenerationFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<ValueGenerationContext>(server);

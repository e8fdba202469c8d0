using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.BatchWrites;

/// <summary>The batch write tables, empty at the start; each test writes keys of its own.</summary>
public sealed class BatchWritesFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<BatchWritesContext>(server);

using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Timestamps;

/// <summary>The <see cref="EntityTimestampsContext" /> tables, empty at first.</summary>
public sealed class EntityTimestampsFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<EntityTimestampsContext>(server);

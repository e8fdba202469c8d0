using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Timestamps;

/// <summary>The <see cref="TimestampsContext" /> tables, empty at first.</summary>
public sealed class TimestampsFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<TimestampsContext>(server);

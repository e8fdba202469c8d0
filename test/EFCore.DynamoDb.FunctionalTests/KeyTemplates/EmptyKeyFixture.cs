using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.KeyTemplates;

/// <summary>The empty <see cref="EmptyKeyContext" /> table: none of its tests may write anything to it.</summary>
public sealed class EmptyKeyFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<EmptyKeyContext>(server);

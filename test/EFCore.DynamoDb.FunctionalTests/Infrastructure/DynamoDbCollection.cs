namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>
/// The collection every functional test class joins with <c>[Collection(DynamoDbCollection.Name)]</c>, so the
/// whole run starts one DynamoDB Local JVM.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DynamoDbCollection : ICollectionFixture<DynamoDbServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "DynamoDB Local";
}

using Amazon.DynamoDBv2;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// The one <see cref="IAmazonDynamoDB" /> of an options configuration, shared by every context that uses it:
/// SDK clients are thread-safe and expensive to create.
/// </summary>
public interface ISingletonDynamoDbClient
{
    /// <summary>The client.</summary>
    IAmazonDynamoDB Client { get; }
}

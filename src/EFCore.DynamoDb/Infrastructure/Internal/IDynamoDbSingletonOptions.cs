using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>
/// The <see cref="DynamoDbOptionsExtension" /> values that singleton services need, captured once when the
/// internal service provider is built.
/// </summary>
public interface IDynamoDbSingletonOptions : ISingletonOptions
{
    /// <summary>The endpoint, or null for the region's AWS endpoint.</summary>
    string? ServiceUrl { get; }

    /// <summary>The AWS region, or null for the SDK's resolution.</summary>
    string? Region { get; }

    /// <summary>The credentials, or null for the SDK's credential chain.</summary>
    AWSCredentials? Credentials { get; }

    /// <summary>A client supplied by the application, or null.</summary>
    IAmazonDynamoDB? Client { get; }

    /// <summary>Prepended to every table name.</summary>
    string? TableNamePrefix { get; }

    /// <summary>Appended to every table name.</summary>
    string? TableNameSuffix { get; }

    /// <summary>How long to wait for a table to become ACTIVE or to disappear.</summary>
    TimeSpan WaitForActiveTimeout { get; }

    /// <summary>True when queries leave out items whose time to live has passed.</summary>
    bool ExcludeExpiredItems { get; }

    /// <summary>How many write requests an independent write keeps in flight at once.</summary>
    int MaxConcurrentWrites { get; }

    /// <summary>How long establishing a connection may take, and how long <c>CanConnectAsync</c> may take to answer.</summary>
    TimeSpan ConnectTimeout { get; }

    /// <summary>
    /// The full name of an entity type's table: the options' prefix, the model's prefix, the model's table name, the
    /// options' suffix.
    /// </summary>
    string ResolveTableName(IReadOnlyEntityType entityType);

    /// <summary>
    /// The full name of a table of the model given its name in the model (an entity type's table, or a table the
    /// provider keeps for the model, such as the key counters or the unique-index guards): the options' prefix, the
    /// model's prefix, that name, the options' suffix.
    /// </summary>
    string ResolveTableName(IReadOnlyModel model, string? modelTableName);
}

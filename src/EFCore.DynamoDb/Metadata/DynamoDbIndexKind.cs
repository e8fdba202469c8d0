// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata;

/// <summary>The kinds of DynamoDB secondary index.</summary>
public enum DynamoDbIndexKind
{
    /// <summary>A global secondary index: its own partition key (and optional sort key), created with or after the table.</summary>
    Global,

    /// <summary>A local secondary index: the table's partition key with another sort key, created with the table only.</summary>
    Local,
}

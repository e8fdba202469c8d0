// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata;

/// <summary>Which attributes a secondary index holds besides the keys.</summary>
public enum DynamoDbIndexProjection
{
    /// <summary>ALL: every attribute; any query can be answered from the index.</summary>
    All,

    /// <summary>KEYS_ONLY: the table's and the index's key attributes only.</summary>
    KeysOnly,

    /// <summary>INCLUDE: the keys plus the named attributes.</summary>
    Include,
}

using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Gives an EF index (<c>HasIndex</c>) a DynamoDB meaning.</summary>
public static class DynamoDbIndexBuilderExtensions
{
    /// <summary>
    /// Makes the index a global secondary index: its first property is the index's partition key, its second (if
    /// any) the sort key. Without this call, DynamoDB has no use for an EF index and ignores it with the
    /// <c>DynamoDbEventId.IndexIgnored</c> warning.
    /// </summary>
    public static IndexBuilder IsGlobalSecondaryIndex(this IndexBuilder indexBuilder)
    {
        ArgumentNullException.ThrowIfNull(indexBuilder);
        indexBuilder.Metadata.SetSecondaryIndexKind(DynamoDbIndexKind.Global);
        return indexBuilder;
    }

    /// <inheritdoc cref="IsGlobalSecondaryIndex(IndexBuilder)" />
    public static IndexBuilder<TEntity> IsGlobalSecondaryIndex<TEntity>(this IndexBuilder<TEntity> indexBuilder)
        => (IndexBuilder<TEntity>)IsGlobalSecondaryIndex((IndexBuilder)indexBuilder);
}

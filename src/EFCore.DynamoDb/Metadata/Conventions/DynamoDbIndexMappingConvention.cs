using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// <c>MapIndexesToGlobalSecondaryIndexes()</c>: makes every EF index of a table-mapped entity type that has no
/// DynamoDB kind a global secondary index — its first property the partition key, the others its sort key — and
/// names the unnamed ones. Runs when the model is finalized, so it sees the foreign-key indexes EF created.
/// </summary>
public class DynamoDbIndexMappingConvention : IModelFinalizingConvention
{
    /// <inheritdoc />
    public virtual void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        if (modelBuilder.Metadata[DynamoDbAnnotationNames.MapIndexesToGlobalSecondaryIndexes] is not true)
        {
            return;
        }

        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            // Owned types live inside their owner's item and keyless types are read-only views: neither has a table
            // whose items an index could hold.
            if (entityType.IsOwned() || entityType.FindPrimaryKey() is null)
            {
                continue;
            }

            foreach (var index in entityType.GetDeclaredIndexes().Where(i => i.GetSecondaryIndexKind() is null).ToList())
            {
                index.SetAnnotation(DynamoDbAnnotationNames.IndexKind, DynamoDbIndexKind.Global);

                // More than two properties: one partition key attribute and a multi-attribute sort key.
                if (index.Properties.Count > 2)
                {
                    index.SetAnnotation(DynamoDbAnnotationNames.IndexPartitionKeyCount, 1);
                }

                if (index.GetSecondaryIndexName() is null)
                {
                    index.SetAnnotation(DynamoDbAnnotationNames.DefaultIndexName, CreateDefaultName(entityType, index));
                }
            }
        }
    }

    // EF's relational naming (IX_Type_Property…), kept to the characters and length DynamoDB allows.
    private static string CreateDefaultName(IReadOnlyEntityType entityType, IReadOnlyIndex index)
    {
        var name = string.Concat(
            ("IX_" + entityType.ShortName() + "_" + string.Join("_", index.Properties.Select(p => p.Name)))
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_'));
        return name.Length > 255 ? name[..255] : name;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// Single-table design: when a table holds more than one entity type (several types mapped with <c>ToTable</c> to
/// one table, or an inheritance hierarchy), every item carries a discriminator attribute, <c>$type</c>, holding
/// its entity type's short name, so queries on one type read only its items. A table with a single type carries
/// none. An explicit <c>HasDiscriminator</c> wins. A keyless entity type mapped onto a table is a view of its items,
/// not a kind of item: it neither needs nor gets a discriminator.
/// </summary>
public class DynamoDbDiscriminatorConvention : IModelFinalizingConvention
{
    /// <summary>The default discriminator property and attribute name.</summary>
    public const string DiscriminatorName = "$type";

    /// <inheritdoc />
    public virtual void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var tables = modelBuilder.Metadata.GetEntityTypes()
            .Where(e => e.BaseType is null && !e.IsOwned() && !e.IsKeyless && e.GetTableName() is not null)
            .GroupBy(e => e.GetTableName());
        foreach (var table in tables)
        {
            var roots = table.ToList();
            if (roots.Count == 1 && !roots[0].GetDirectlyDerivedTypes().Any())
            {
                continue;
            }

            foreach (var root in roots)
            {
                if (root.Builder.HasDiscriminator(DiscriminatorName, typeof(string)) is not { } discriminator)
                {
                    // The user configured a discriminator of their own.
                    continue;
                }

                foreach (var entityType in root.GetDerivedTypesInclusive())
                {
                    if (entityType.GetDiscriminatorValue() is null)
                    {
                        discriminator.HasValue(entityType, entityType.ShortName());
                    }
                }
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// Gives each entity type with timestamps enabled its <c>CreatedAt</c> and <c>UpdatedAt</c> properties: the
/// entity's own when it declares them, else shadow <see cref="DateTime" /> properties.
/// </summary>
public class DynamoDbTimestampsConvention : IModelFinalizingConvention
{
    /// <inheritdoc />
    public virtual void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().Where(e => e.BaseType is null && e.AreTimestampsEnabled()))
        {
            foreach (var name in new[] { DynamoDbEntityTypeExtensions.CreatedAtPropertyName, DynamoDbEntityTypeExtensions.UpdatedAtPropertyName })
            {
                if (entityType.FindProperty(name) is null)
                {
                    entityType.Builder.Property(typeof(DateTime), name);
                }
            }
        }
    }
}

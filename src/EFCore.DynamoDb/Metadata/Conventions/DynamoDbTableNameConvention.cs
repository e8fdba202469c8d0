using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// Names each root entity type's table after the DbSet property that exposes it, else after the CLR type, as
/// table-per-model libraries do. Explicit <c>ToTable</c> calls win over this convention.
/// </summary>
public class DynamoDbTableNameConvention : IEntityTypeAddedConvention, IEntityTypeBaseTypeChangedConvention
{
    private readonly Dictionary<Type, string> _dbSetNames = [];

    /// <summary>Creates the convention, reading the context's DbSet properties once.</summary>
    public DynamoDbTableNameConvention(ProviderConventionSetBuilderDependencies dependencies)
    {
        foreach (var set in dependencies.SetFinder.FindSets(dependencies.ContextType))
        {
            // A type exposed by two DbSets keeps the first name; a table name must be stable.
            _dbSetNames.TryAdd(set.Type, set.Name);
        }
    }

    /// <inheritdoc />
    public virtual void ProcessEntityTypeAdded(IConventionEntityTypeBuilder entityTypeBuilder, IConventionContext<IConventionEntityTypeBuilder> context)
        => SetDefaultName(entityTypeBuilder.Metadata);

    /// <inheritdoc />
    public virtual void ProcessEntityTypeBaseTypeChanged(
        IConventionEntityTypeBuilder entityTypeBuilder,
        IConventionEntityType? newBaseType,
        IConventionEntityType? oldBaseType,
        IConventionContext<IConventionEntityType> context)
    {
        if (newBaseType is null)
        {
            SetDefaultName(entityTypeBuilder.Metadata);
        }
        else
        {
            // A derived type is stored in its hierarchy's table.
            entityTypeBuilder.Metadata.SetTableName(null);
        }
    }

    private void SetDefaultName(IConventionEntityType entityType)
    {
        if (entityType.BaseType is not null || entityType.HasSharedClrType)
        {
            return;
        }

        entityType.SetTableName(_dbSetNames.TryGetValue(entityType.ClrType, out var name) ? name : entityType.ShortName());
    }
}

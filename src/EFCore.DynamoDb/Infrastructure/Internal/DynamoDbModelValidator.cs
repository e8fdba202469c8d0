using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>
/// EF's model validation plus DynamoDB's rules: every stored entity type has a key of one or two properties that
/// DynamoDB can key on, explicit partition/sort keys agree with it, attribute names are unique, and entity types
/// that share a table agree on its key. Relationships stay allowed: foreign keys are ordinary attributes.
/// </summary>
public class DynamoDbModelValidator(ModelValidatorDependencies dependencies) : ModelValidator(dependencies)
{
    /// <inheritdoc />
    public override void Validate(IModel model, IDiagnosticsLogger<DbLoggerCategory.Model.Validation> logger)
    {
        base.Validate(model, logger);

        ValidateNoEmbeddedTypes(model);
        ValidateKeys(model);
        ValidateSecondaryIndexes(model, logger);
        ValidateKeyPrefixes(model);
        ValidateAttributeNames(model);
        ValidateSharedTables(model);
    }

    /// <summary>
    /// EF requires a primary key; an entity type given only a sort key (<c>HasSortKey</c> before any key existed)
    /// has none, and is told to add the partition key rather than EF's generic missing-key message.
    /// </summary>
    protected override void ValidateNonNullPrimaryKeys(IModel model, IDiagnosticsLogger<DbLoggerCategory.Model.Validation> logger)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            if (entityType.FindPrimaryKey() is null
                && entityType.GetPartitionKeyPropertyName() is null
                && entityType.GetSortKeyPropertyName() is { } sortKeyName)
            {
                throw new InvalidOperationException(DynamoDbStrings.SortKeyWithoutPartitionKey(entityType.DisplayName(), sortKeyName));
            }
        }

        base.ValidateNonNullPrimaryKeys(model, logger);
    }

    /// <summary>
    /// Complex properties are stored as nested maps; owned types and complex collections are a later increment and
    /// are rejected until then.
    /// </summary>
    protected virtual void ValidateNoEmbeddedTypes(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            if (entityType.IsOwned())
            {
                throw new InvalidOperationException(DynamoDbStrings.EmbeddedTypeNotSupported(
                    entityType.DisplayName(), entityType.FindOwnership()!.PrincipalEntityType.DisplayName()));
            }

            foreach (var complexProperty in entityType.GetComplexProperties().Where(p => p.IsCollection))
            {
                throw new InvalidOperationException(DynamoDbStrings.EmbeddedTypeNotSupported(
                    complexProperty.ComplexType.DisplayName(), entityType.DisplayName()));
            }
        }
    }

    /// <summary>Each root entity type has a key DynamoDB can use as its primary key.</summary>
    protected virtual void ValidateKeys(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes().Where(e => e.BaseType is null))
        {
            var key = entityType.FindPrimaryKey()
                ?? throw new InvalidOperationException(DynamoDbStrings.NoKey(entityType.DisplayName()));
            if (key.Properties.Count > 2)
            {
                throw new InvalidOperationException(DynamoDbStrings.TooManyKeyProperties(
                    entityType.DisplayName(), key.Properties.Count + " properties (" + key.Properties.Format() + ")"));
            }

            foreach (var property in key.Properties)
            {
                if (!IsKeyType(property))
                {
                    throw new InvalidOperationException(DynamoDbStrings.InvalidKeyType(
                        entityType.DisplayName(), property.Name, property.ClrType.ShortDisplayName()));
                }
            }

            if (entityType.GetBillingMode() == DynamoDbBillingMode.Provisioned && entityType.GetProvisionedThroughput() is null)
            {
                throw new InvalidOperationException(DynamoDbStrings.ProvisionedWithoutThroughput(entityType.DisplayName()));
            }

            if (entityType.GetTimeToLiveProperty() is { } timeToLive
                && timeToLive.IsPrimaryKey())
            {
                throw new InvalidOperationException(DynamoDbStrings.TimeToLiveOnKey(entityType.DisplayName(), timeToLive.Name));
            }

            var partitionKeyName = entityType.GetPartitionKeyPropertyName();
            var sortKeyName = entityType.GetSortKeyPropertyName();
            if (sortKeyName is not null && partitionKeyName is null)
            {
                throw new InvalidOperationException(DynamoDbStrings.SortKeyWithoutPartitionKey(entityType.DisplayName(), sortKeyName));
            }

            if (partitionKeyName is not null)
            {
                string[] expected = sortKeyName is null ? [partitionKeyName] : [partitionKeyName, sortKeyName];
                var actual = key.Properties.Select(p => p.Name).ToArray();
                if (!expected.SequenceEqual(actual))
                {
                    throw new InvalidOperationException(DynamoDbStrings.KeyDoesNotMatchPrimaryKey(
                        entityType.DisplayName(), string.Join(", ", expected), string.Join(", ", actual)));
                }
            }
        }
    }

    /// <summary>
    /// Secondary indexes have one or two valid key properties and a projection of existing properties; a local
    /// index needs a table sort key. EF indexes that are not secondary indexes are ignored with a warning, unless
    /// a convention (such as foreign-key indexes) created them.
    /// </summary>
    protected virtual void ValidateSecondaryIndexes(IModel model, IDiagnosticsLogger<DbLoggerCategory.Model.Validation> logger)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            foreach (var index in entityType.GetDeclaredIndexes())
            {
                var kind = index.GetSecondaryIndexKind();
                if (kind is null)
                {
                    if (index is IConventionIndex conventionIndex && conventionIndex.GetConfigurationSource() != ConfigurationSource.Convention)
                    {
                        logger.IndexIgnored(entityType.DisplayName(), index.Properties.Format());
                    }

                    continue;
                }

                if (index.Name is not { } name)
                {
                    throw new InvalidOperationException(DynamoDbStrings.UnnamedSecondaryIndex(entityType.DisplayName(), index.Properties.Format()));
                }

                if (name.Length is < 3 or > 255 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                {
                    throw new InvalidOperationException(DynamoDbStrings.InvalidIndexName(name, entityType.DisplayName()));
                }

                if (kind == DynamoDbIndexKind.Local ? index.Properties.Count != 1 : index.Properties.Count > 2)
                {
                    throw new InvalidOperationException(DynamoDbStrings.InvalidIndexProperties(
                        name, entityType.DisplayName(), kind == DynamoDbIndexKind.Local ? "local" : "global", index.Properties.Count));
                }

                if (kind == DynamoDbIndexKind.Local && entityType.GetRootType().GetSortKeyProperty() is null)
                {
                    throw new InvalidOperationException(DynamoDbStrings.LocalIndexWithoutTableSortKey(name, entityType.DisplayName()));
                }

                foreach (var property in index.Properties)
                {
                    if (!IsKeyType(property))
                    {
                        throw new InvalidOperationException(DynamoDbStrings.InvalidIndexKeyType(
                            name, entityType.DisplayName(), property.Name, property.ClrType.ShortDisplayName()));
                    }
                }

                if (index.GetProvisionedThroughput() is not null && entityType.GetBillingMode() != DynamoDbBillingMode.Provisioned)
                {
                    throw new InvalidOperationException(DynamoDbStrings.IndexThroughputOnDemandTable(name, entityType.DisplayName()));
                }

                foreach (var included in index.GetIncludedPropertyNames())
                {
                    if (entityType.FindProperty(included) is null)
                    {
                        throw new InvalidOperationException(DynamoDbStrings.IndexIncludesMissingProperty(name, entityType.DisplayName(), included));
                    }
                }
            }
        }
    }

    /// <summary>Key templates (<c>HasKeyPrefix</c>) belong on text or number properties of a table or index key.</summary>
    protected virtual void ValidateKeyPrefixes(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties().Where(p => p.GetKeyPrefix() is not null))
            {
                if (!property.IsTableOrIndexKey() || ((DynamoDbTypeMapping)property.GetTypeMapping()).ProviderClrType != typeof(string))
                {
                    throw new InvalidOperationException(DynamoDbStrings.InvalidKeyPrefix(entityType.DisplayName(), property.Name));
                }
            }
        }
    }

    /// <summary>No two properties of an entity type are stored in the same attribute.</summary>
    protected virtual void ValidateAttributeNames(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            var seen = new Dictionary<string, IProperty>(StringComparer.Ordinal);
            foreach (var property in entityType.GetProperties())
            {
                if (seen.TryGetValue(property.GetAttributeName(), out var other))
                {
                    throw new InvalidOperationException(DynamoDbStrings.DuplicateAttributeName(
                        entityType.DisplayName(), other.Name, property.Name, property.GetAttributeName()));
                }

                seen.Add(property.GetAttributeName(), property);
            }
        }
    }

    /// <summary>
    /// Entity types stored in one table (single-table design) agree on its key attributes, tell their items apart
    /// with one discriminator attribute, and use distinct discriminator values.
    /// </summary>
    protected virtual void ValidateSharedTables(IModel model)
    {
        foreach (var table in model.GetEntityTypes().Where(e => e.BaseType is null).GroupBy(e => e.GetTableName()))
        {
            var entityTypes = table.ToList();
            if (entityTypes.Count < 2)
            {
                continue;
            }

            var first = entityTypes[0];
            var firstKey = DescribeKey(first);
            foreach (var other in entityTypes.Skip(1))
            {
                var otherKey = DescribeKey(other);
                if (otherKey != firstKey)
                {
                    throw new InvalidOperationException(DynamoDbStrings.SharedTableKeyMismatch(
                        table.Key ?? "", first.DisplayName(), firstKey, other.DisplayName(), otherKey));
                }
            }

            var discriminators = entityTypes.Select(e => e.FindDiscriminatorProperty()?.GetAttributeName()).Distinct().ToList();
            if (discriminators is not [{ } discriminatorName])
            {
                throw new InvalidOperationException(DynamoDbStrings.SharedTableDiscriminatorMismatch(
                    table.Key ?? "", string.Join(", ", entityTypes.Select(e => $"'{e.DisplayName()}' ({e.FindDiscriminatorProperty()?.GetAttributeName() ?? "none"})"))));
            }

            var owners = new Dictionary<object, IEntityType>();
            foreach (var entityType in entityTypes.SelectMany(e => e.GetDerivedTypesInclusive()).Where(e => !e.IsAbstract()))
            {
                var value = entityType.GetDiscriminatorValue()!;
                if (!owners.TryAdd(value, entityType))
                {
                    throw new InvalidOperationException(DynamoDbStrings.SharedTableDuplicateDiscriminator(
                        table.Key ?? "", owners[value].DisplayName(), entityType.DisplayName(), value.ToString()!, discriminatorName));
                }
            }
        }
    }

    private static bool IsKeyType(IProperty property)
        => property.GetTypeMapping() is DynamoDbTypeMapping
        {
            AttributeType: DynamoDbAttributeType.String or DynamoDbAttributeType.Number or DynamoDbAttributeType.Binary,
        };

    private static string DescribeKey(IEntityType entityType)
        => string.Join(", ", entityType.FindPrimaryKey()!.Properties.Select(p =>
            $"{p.GetAttributeName()} {CreateTableRequestFactory.ToScalarType(p).Value}"));
}

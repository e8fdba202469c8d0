using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.CompositeKeys;
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
    // The most partition, and the most sort, attributes a global secondary index key may have.
    private const int MaxKeyAttributes = 4;

    /// <inheritdoc />
    public override void Validate(IModel model, IDiagnosticsLogger<DbLoggerCategory.Model.Validation> logger)
    {
        base.Validate(model, logger);

        ValidateEmbeddedTypes(model);
        ValidateKeys(model);
        ValidateSecondaryIndexes(model, logger);
        ValidateKeyPrefixes(model);
        ValidateAttributeNames(model);
        ValidateSharedTables(model);
        ValidateKeyAttributeTypes(model);
        ValidateRowVersions(model);
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
    /// Complex properties and owned references are stored as nested maps, complex and owned collections as lists of
    /// maps. An owned type lives inside its owner's item, so it cannot have a secondary index of its own, and a
    /// complex collection must be a type EF can add to.
    /// </summary>
    protected virtual void ValidateEmbeddedTypes(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            if (entityType.IsOwned() && entityType.GetDeclaredIndexes().FirstOrDefault(i => i.GetSecondaryIndexKind() is not null) is { } index)
            {
                throw new InvalidOperationException(DynamoDbStrings.SecondaryIndexOnOwnedType(
                    index.Name ?? index.Properties.Format(), entityType.DisplayName(), entityType.FindOwnership()!.PrincipalEntityType.DisplayName()));
            }

            ValidateComplexCollectionTypes(entityType);
        }
    }

    // EF's change tracker adds to a complex collection when it snapshots it, which an array cannot do.
    private static void ValidateComplexCollectionTypes(ITypeBase type)
    {
        foreach (var complexProperty in type.GetComplexProperties())
        {
            if (complexProperty.IsCollection && complexProperty.ClrType.IsArray)
            {
                throw new InvalidOperationException(DynamoDbStrings.ComplexCollectionArray(
                    type.DisplayName(), complexProperty.Name, complexProperty.ComplexType.ClrType.ShortDisplayName()));
            }

            ValidateComplexCollectionTypes(complexProperty.ComplexType);
        }
    }

    /// <summary>
    /// The provider generates row versions by incrementing them, so a row version must be an integer. A concurrency
    /// token of an owned reference is conditioned on its path in the owner's item; inside an owned collection, whose
    /// list is written whole and whose positions move, it has no stable path.
    /// </summary>
    protected virtual void ValidateRowVersions(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties().Where(p => p.IsRowVersion()))
            {
                if (!RowVersionExtensions.IsIncrementable(property.ClrType) || property.GetValueConverter() is not null)
                {
                    throw new InvalidOperationException(DynamoDbStrings.RowVersionNotInteger(entityType.DisplayName(), property.Name, property.ClrType.ShortDisplayName()));
                }
            }

            if (entityType.IsInOwnedCollection()
                && entityType.GetDeclaredProperties().FirstOrDefault(p => p.IsConcurrencyToken) is { } token)
            {
                throw new InvalidOperationException(DynamoDbStrings.ConcurrencyTokenInOwnedCollection(
                    entityType.DisplayName(), token.Name, entityType.FindOwnership()!.PrincipalToDependent!.Name));
            }
        }
    }

    /// <summary>
    /// Each root entity type has a key DynamoDB can use as its primary key; a keyless entity type (<c>HasNoKey</c>) is a
    /// read-only view over the items of a table that a keyed entity type of the model stores.
    /// </summary>
    protected virtual void ValidateKeys(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()))
        {
            if (entityType.FindPrimaryKey() is null)
            {
                if (!model.GetEntityTypes().Any(e => e.BaseType is null && !e.IsOwned() && e.FindPrimaryKey() is not null && e.GetTableName() == entityType.GetTableName()))
                {
                    throw new InvalidOperationException(DynamoDbStrings.KeylessTypeWithoutTable(entityType.DisplayName(), entityType.GetTableName() ?? ""));
                }

                continue;
            }

            var key = entityType.FindPrimaryKey()!;
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

            foreach (var derived in entityType.GetDerivedTypes().Where(d => d.FindAnnotation(DynamoDbAnnotationNames.TimeToLiveProperty) is not null))
            {
                throw new InvalidOperationException(DynamoDbStrings.TimeToLiveOnDerivedType(derived.DisplayName(), entityType.DisplayName()));
            }

            if (entityType.AreTimestampsEnabled())
            {
                foreach (var name in new[] { DynamoDbEntityTypeExtensions.CreatedAtPropertyName, DynamoDbEntityTypeExtensions.UpdatedAtPropertyName })
                {
                    var timestamp = entityType.FindProperty(name)!;
                    var type = Nullable.GetUnderlyingType(timestamp.ClrType) ?? timestamp.ClrType;
                    if (type != typeof(DateTime) && type != typeof(DateTimeOffset))
                    {
                        throw new InvalidOperationException(DynamoDbStrings.InvalidTimestampType(entityType.DisplayName(), name, timestamp.ClrType.ShortDisplayName()));
                    }
                }
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

            if (key.Properties.Count > 2)
            {
                ValidateCompositeKey(entityType, key, partitionKeyName, sortKeyName);
            }
            else if (partitionKeyName is not null)
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
    /// A key of three or more properties is stored as a partition key and one composite sort-key attribute that encodes
    /// the other parts in key order: <c>HasPartitionKey</c> may name any of its properties, <c>HasSortKey</c> has no
    /// single property to name, each part must be of a type the encoding keeps in order, and the composite attribute
    /// must not be an attribute a property of the table already stores.
    /// </summary>
    private static void ValidateCompositeKey(IEntityType entityType, IKey key, string? partitionKeyName, string? sortKeyName)
    {
        var mapping = DescribeCompositeKey(entityType);
        if (partitionKeyName is not null && key.Properties.All(p => p.Name != partitionKeyName))
        {
            throw new InvalidOperationException(DynamoDbStrings.CompositeKeyPartitionKeyNotInKey(entityType.DisplayName(), partitionKeyName, key.Properties.Format()));
        }

        if (sortKeyName is not null)
        {
            throw new InvalidOperationException(DynamoDbStrings.CompositeKeyWithSortKey(entityType.DisplayName(), sortKeyName, mapping));
        }

        foreach (var part in entityType.GetCompositeSortKeyProperties())
        {
            var mappingOfPart = (DynamoDbTypeMapping)part.GetTypeMapping();
            var storedType = mappingOfPart.Converter?.ProviderClrType ?? part.ClrType;
            if (!CompositeSortKeyEncoder.CanEncode(storedType))
            {
                throw new InvalidOperationException(DynamoDbStrings.CompositeKeyPartNotSortable(
                    entityType.DisplayName(), part.Name, storedType.ShortDisplayName(), mapping));
            }
        }

        var attributeName = entityType.GetCompositeSortKeyAttributeName()!;
        var clash = entityType.Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.GetRootType().GetTableName() == entityType.GetTableName())
            .SelectMany(e => e.GetDeclaredProperties())
            .FirstOrDefault(p => p.GetAttributeName() == attributeName);
        if (clash is not null)
        {
            throw new InvalidOperationException(DynamoDbStrings.CompositeSortKeyAttributeTaken(
                entityType.DisplayName(), attributeName, clash.DeclaringType.DisplayName() + "." + clash.Name, mapping));
        }
    }

    // "partition key 'UserId' (attribute UserId), sort key attribute 'LoginProvider#Name' (S) encoding LoginProvider, Name".
    private static string DescribeCompositeKey(IEntityType entityType)
        => DynamoDbStrings.CompositeKeyMapping(
            entityType.GetPartitionKeyProperty()!.Name,
            entityType.GetPartitionKeyProperty()!.GetAttributeName(),
            entityType.GetCompositeSortKeyAttributeName()!,
            string.Join(", ", entityType.GetCompositeSortKeyProperties().Select(p => "'" + p.Name + "'")));

    /// <summary>
    /// Secondary indexes have one or two valid key properties and a projection of existing properties; a local
    /// index needs a table sort key. EF indexes that are neither secondary nor unique are ignored with a warning, unless
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
                    // A unique index is enforced with guard items, so it is not ignored.
                    if (!index.IsUnique && index is IConventionIndex conventionIndex && conventionIndex.GetConfigurationSource() != ConfigurationSource.Convention)
                    {
                        logger.IndexIgnored(entityType.DisplayName(), index.Properties.Format());
                    }

                    continue;
                }

                if (index.GetSecondaryIndexName() is not { } name)
                {
                    throw new InvalidOperationException(DynamoDbStrings.UnnamedSecondaryIndex(entityType.DisplayName(), index.Properties.Format()));
                }

                if (name.Length is < 3 or > 255 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                {
                    throw new InvalidOperationException(DynamoDbStrings.InvalidIndexName(name, entityType.DisplayName()));
                }

                if (kind == DynamoDbIndexKind.Global && index.HasDeclaredKeyAttributes())
                {
                    ValidateMultiAttributeKey(index, name, entityType);
                }
                else if (kind == DynamoDbIndexKind.Local ? index.Properties.Count != 1 : index.Properties.Count > 2)
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

                if (index.GetProvisionedThroughput() is not null && GetTableCapacitySource(entityType).GetBillingMode() != DynamoDbBillingMode.Provisioned)
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

    // DynamoDB keys a global index on one to four partition attributes and up to four sort attributes.
    private static void ValidateMultiAttributeKey(IIndex index, string name, IEntityType entityType)
    {
        var partitionCount = index.GetIndexPartitionKeyProperties().Count;
        var sortCount = index.GetIndexSortKeyProperties().Count;
        if (partitionCount is < 1 or > MaxKeyAttributes)
        {
            throw new InvalidOperationException(DynamoDbStrings.TooManyIndexKeyAttributes(name, entityType.DisplayName(), "partition", partitionCount));
        }

        if (sortCount > MaxKeyAttributes)
        {
            throw new InvalidOperationException(DynamoDbStrings.TooManyIndexKeyAttributes(name, entityType.DisplayName(), "sort", sortCount));
        }
    }

    /// <summary>
    /// A table defines each key attribute once, with one type (CreateTable's AttributeDefinitions), and each index
    /// once. So across the entity types that share a table: every property stored in one key attribute (of the table
    /// or of any part of an index key) stores the same attribute type, which a key prefix (<c>HasKeyPrefix</c>,
    /// stored as text) on one of them and not on another breaks for a number — the key-prefix clash; and an index
    /// declared by several of them has the same key attributes, in the same order, with the same partition/sort split.
    /// </summary>
    protected virtual void ValidateKeyAttributeTypes(IModel model)
    {
        foreach (var table in model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()).GroupBy(e => e.GetTableName()))
        {
            var keyAttributes = new Dictionary<string, IProperty>(StringComparer.Ordinal);
            var indexes = new Dictionary<string, IIndex>(StringComparer.Ordinal);
            foreach (var entityType in table)
            {
                var tableKey = entityType.FindPrimaryKey()?.Properties ?? [];
                foreach (var index in entityType.GetSecondaryIndexesOfDerivedTypesInclusive())
                {
                    if (index.GetSecondaryIndexName() is { } name && !indexes.TryAdd(name, index) && DescribeIndexKey(indexes[name]) != DescribeIndexKey(index))
                    {
                        throw new InvalidOperationException(DynamoDbStrings.SharedIndexKeyMismatch(
                            name, table.Key ?? "", indexes[name].DeclaringEntityType.DisplayName(), DescribeIndexKey(indexes[name]),
                            index.DeclaringEntityType.DisplayName(), DescribeIndexKey(index)));
                    }
                }

                foreach (var property in tableKey.Concat(entityType.GetSecondaryIndexesOfDerivedTypesInclusive().SelectMany(i => i.GetIndexKeyProperties())))
                {
                    if (!IsKeyType(property))
                    {
                        continue;
                    }

                    if (!keyAttributes.TryAdd(property.GetAttributeName(), property)
                        && keyAttributes[property.GetAttributeName()] is var first
                        && CreateTableRequestFactory.ToScalarType(first) != CreateTableRequestFactory.ToScalarType(property))
                    {
                        throw new InvalidOperationException(DynamoDbStrings.KeyAttributeTypeClash(
                            property.GetAttributeName(), table.Key ?? "", DescribeKeyProperty(first), DescribeKeyProperty(property)));
                    }
                }
            }
        }
    }

    private static string DescribeIndexKey(IIndex index)
        => "HASH (" + string.Join(", ", index.GetIndexPartitionKeyProperties().Select(p => p.GetAttributeName())) + ")"
            + (index.GetIndexSortKeyProperties() is { Count: > 0 } sortKey ? " RANGE (" + string.Join(", ", sortKey.Select(p => p.GetAttributeName())) + ")" : "");

    private static string DescribeKeyProperty(IProperty property)
        => $"'{property.DeclaringType.DisplayName()}.{property.Name}' ({CreateTableRequestFactory.ToScalarType(property).Value}"
            + (property.GetKeyPrefix() is { } prefix ? $", key prefix '{prefix}'" : ", no key prefix") + ")";

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

    /// <summary>
    /// No two properties, complex properties or owned navigations of an entity type are stored in the same
    /// attribute, nor two members of a complex or owned type in the same attribute of its nested map.
    /// </summary>
    protected virtual void ValidateAttributeNames(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            ValidateAttributeNames(entityType);
        }
    }

    private static void ValidateAttributeNames(ITypeBase type)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = type.GetProperties().Where(p => !p.IsOwnershipKey()).Select(p => (p.Name, Attribute: p.GetAttributeName()))
            .Concat(type.GetComplexProperties().Select(c => (c.Name, Attribute: c.GetAttributeName())))
            .Concat(type is IEntityType entityType
                ? entityType.GetOwnedNavigations().Select(n => (n.Name, Attribute: n.TargetEntityType.GetContainingAttributeName()))
                : []);
        foreach (var (name, attribute) in members)
        {
            if (!seen.TryAdd(attribute, name))
            {
                throw new InvalidOperationException(DynamoDbStrings.DuplicateAttributeName(type.DisplayName(), seen[attribute], name, attribute));
            }
        }

        foreach (var complexProperty in type.GetComplexProperties())
        {
            ValidateAttributeNames(complexProperty.ComplexType);
        }
    }

    /// <summary>
    /// Entity types stored in one table (single-table design) agree on its key attributes, on its capacity and its
    /// time-to-live attribute where more than one configures them, tell their items apart with one discriminator
    /// attribute, and use distinct discriminator values.
    /// </summary>
    protected virtual void ValidateSharedTables(IModel model)
    {
        foreach (var table in model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned() && e.FindPrimaryKey() is not null).GroupBy(e => e.GetTableName()))
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

            var timeToLiveTypes = entityTypes.Where(e => e.GetTimeToLiveProperty() is not null).ToList();
            foreach (var other in timeToLiveTypes.Skip(1))
            {
                var firstAttribute = timeToLiveTypes[0].GetTimeToLiveProperty()!.GetAttributeName();
                var otherAttribute = other.GetTimeToLiveProperty()!.GetAttributeName();
                if (otherAttribute != firstAttribute)
                {
                    throw new InvalidOperationException(DynamoDbStrings.SharedTableTimeToLiveMismatch(
                        table.Key ?? "", timeToLiveTypes[0].DisplayName(), firstAttribute, other.DisplayName(), otherAttribute));
                }
            }

            var capacityTypes = entityTypes.Where(e => e[DynamoDbAnnotationNames.BillingMode] is not null).ToList();
            foreach (var other in capacityTypes.Skip(1))
            {
                if (DescribeCapacity(other) != DescribeCapacity(capacityTypes[0]))
                {
                    throw new InvalidOperationException(DynamoDbStrings.SharedTableCapacityMismatch(
                        table.Key ?? "", capacityTypes[0].DisplayName(), DescribeCapacity(capacityTypes[0]), other.DisplayName(), DescribeCapacity(other)));
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

    // The type that configures the capacity of the entity type's table, which other types may share.
    private static IReadOnlyEntityType GetTableCapacitySource(IEntityType entityType)
        => CreateTableRequestFactory.GetCapacitySource(entityType.Model.GetEntityTypes()
            .Where(e => e.BaseType is null && e.GetTableName() == entityType.GetTableName())
            .ToList());

    private static string DescribeCapacity(IEntityType entityType)
        => entityType.GetBillingMode() == DynamoDbBillingMode.Provisioned && entityType.GetProvisionedThroughput() is var (read, write)
            ? $"PROVISIONED ({read}, {write})"
            : "PAY_PER_REQUEST";

    private static bool IsKeyType(IProperty property)
        => property.GetTypeMapping() is DynamoDbTypeMapping
        {
            AttributeType: DynamoDbAttributeType.String or DynamoDbAttributeType.Number or DynamoDbAttributeType.Binary,
        };

    private static string DescribeKey(IEntityType entityType)
        => entityType.GetCompositeSortKeyAttributeName() is { } composite
            ? $"{entityType.GetPartitionKeyProperty()!.GetAttributeName()} {CreateTableRequestFactory.ToScalarType(entityType.GetPartitionKeyProperty()!).Value}, {composite} S"
            : string.Join(", ", entityType.FindPrimaryKey()!.Properties.Select(p =>
                $"{p.GetAttributeName()} {CreateTableRequestFactory.ToScalarType(p).Value}"));
}

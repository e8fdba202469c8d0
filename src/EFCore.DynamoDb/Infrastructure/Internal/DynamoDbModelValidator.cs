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
        ValidateAttributeNames(model);
        ValidateSharedTables(model);
    }

    /// <summary>Owned and complex types are stored embedded in a later increment; until then they are rejected.</summary>
    protected virtual void ValidateNoEmbeddedTypes(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            if (entityType.IsOwned())
            {
                throw new InvalidOperationException(DynamoDbStrings.EmbeddedTypeNotSupported(
                    entityType.DisplayName(), entityType.FindOwnership()!.PrincipalEntityType.DisplayName()));
            }

            foreach (var complexProperty in entityType.GetComplexProperties())
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
                if (property.GetTypeMapping() is not DynamoDbTypeMapping { AttributeType: DynamoDbAttributeType.String or DynamoDbAttributeType.Number or DynamoDbAttributeType.Binary })
                {
                    throw new InvalidOperationException(DynamoDbStrings.InvalidKeyType(
                        entityType.DisplayName(), property.Name, property.ClrType.ShortDisplayName()));
                }
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

    /// <summary>Entity types stored in one table agree on its key; sharing itself waits for discriminators.</summary>
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

            throw new InvalidOperationException(DynamoDbStrings.SharedTableNotSupported(
                table.Key ?? "", string.Join(", ", entityTypes.Select(e => "'" + e.DisplayName() + "'"))));
        }
    }

    private static string DescribeKey(IEntityType entityType)
        => string.Join(", ", entityType.FindPrimaryKey()!.Properties.Select(p =>
            $"{p.GetAttributeName()} {CreateTableRequestFactory.ToScalarType(p).Value}"));
}

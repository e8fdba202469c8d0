using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Update.Internal.UniqueIndexes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// The CreateTable request of each table in the model: the key schema of the entity types stored there (model
/// validation guarantees they agree), on-demand billing; last, the guard table of the unique indexes
/// (<see cref="UniqueIndexGuardTable" />) when the model has any.
/// </summary>
public class CreateTableRequestFactory(IDynamoDbSingletonOptions options)
{
    /// <summary>One request per table, in model order, then the key counters table and the unique-index guard table when the model needs them.</summary>
    public virtual IReadOnlyList<CreateTableRequest> Create(IModel model)
    {
        var requests = model.GetEntityTypes()
            .Where(e => e.BaseType is null && !e.IsOwned() && e.FindPrimaryKey() is not null)
            .GroupBy(options.ResolveTableName)
            .Select(table => Create(table.Key, table.ToList()))
            .ToList();
        if (model.HasKeyCounters())
        {
            // One item per counter (a table and its generated key attribute), holding the highest value reserved.
            requests.Add(CreateProviderTable(options.ResolveTableName(model, model.GetKeyCountersTableName()), KeyCounterExtensions.CounterNameAttribute));
        }

        if (UniqueIndexGuardTable.IsNeeded(model))
        {
            requests.Add(CreateProviderTable(UniqueIndexGuardTable.Name(options, model), UniqueIndexGuardTable.KeyAttribute));
        }

        return requests;
    }

    /// <summary>
    /// A table the provider keeps for the model (key counters, unique-index guards): keyed by one string attribute,
    /// on-demand, as it sees only small writes beside the entity tables' own.
    /// </summary>
    public static CreateTableRequest CreateProviderTable(string tableName, string keyAttribute)
        => new()
        {
            TableName = tableName,
            KeySchema = [new KeySchemaElement(keyAttribute, KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition(keyAttribute, ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        };

    // The entity types of one table agree on its keys (model validation checks it); each may declare indexes.
    private static CreateTableRequest Create(string tableName, IReadOnlyList<IEntityType> entityTypes)
    {
        var entityType = entityTypes[0];
        var attributeDefinitions = new List<AttributeDefinition>();
        var request = new CreateTableRequest
        {
            TableName = tableName,
            KeySchema = CreateKeySchema([entityType.GetPartitionKeyProperty()!], entityType.GetSortKeyProperty() is { } sortKey ? [sortKey] : [], attributeDefinitions),
            AttributeDefinitions = attributeDefinitions,
        };
        if (entityType.GetCompositeSortKeyAttributeName() is { } compositeSortKey)
        {
            // A key of three or more properties: its other parts are encoded into one string attribute, the sort key.
            request.KeySchema.Add(new KeySchemaElement(compositeSortKey, KeyType.RANGE));
            attributeDefinitions.Add(new AttributeDefinition(compositeSortKey, ScalarAttributeType.S));
        }

        var capacitySource = GetCapacitySource(entityTypes);
        var tableThroughput = capacitySource.GetProvisionedThroughput();
        if (capacitySource.GetBillingMode() == DynamoDbBillingMode.Provisioned && tableThroughput is var (read, write))
        {
            request.BillingMode = BillingMode.PROVISIONED;
            request.ProvisionedThroughput = new ProvisionedThroughput { ReadCapacityUnits = read, WriteCapacityUnits = write };
        }
        else
        {
            request.BillingMode = BillingMode.PAY_PER_REQUEST;
            tableThroughput = null;
        }

        if (entityTypes.Select(e => e.GetTableClass()).FirstOrDefault(c => c is not null) is { } tableClass)
        {
            request.TableClass = tableClass == DynamoDbTableClass.StandardInfrequentAccess ? TableClass.STANDARD_INFREQUENT_ACCESS : TableClass.STANDARD;
        }

        if (entityTypes.Any(e => e.IsDeletionProtected()))
        {
            request.DeletionProtectionEnabled = true;
        }

        foreach (var index in entityTypes.SelectMany(e => e.GetSecondaryIndexesOfDerivedTypesInclusive()).DistinctBy(i => i.GetSecondaryIndexName()))
        {
            var keySchema = CreateKeySchema(index.GetIndexPartitionKeyProperties(), index.GetIndexSortKeyProperties(), attributeDefinitions);
            var projection = CreateProjection(index);
            if (index.GetSecondaryIndexKind() == DynamoDbIndexKind.Local)
            {
                (request.LocalSecondaryIndexes ??= []).Add(
                    new LocalSecondaryIndex { IndexName = index.GetSecondaryIndexName(), KeySchema = keySchema, Projection = projection });
            }
            else
            {
                (request.GlobalSecondaryIndexes ??= []).Add(CreateGlobalSecondaryIndex(index, keySchema, projection, tableThroughput));
            }
        }

        return request;
    }

    /// <summary>
    /// The entity type whose billing mode and throughput a table uses, among the root entity types stored in it: the
    /// first that configures them (any type sharing a table may; model validation checks that those which do agree),
    /// else the first.
    /// </summary>
    public static IReadOnlyEntityType GetCapacitySource(IReadOnlyList<IReadOnlyEntityType> tableEntityTypes)
        => tableEntityTypes.FirstOrDefault(e => e[DynamoDbAnnotationNames.BillingMode] is not null) ?? tableEntityTypes[0];

    /// <summary>
    /// The definition of a global secondary index. On a provisioned table it has its own throughput, else the
    /// table's; on an on-demand table it has none (model validation rejects one).
    /// </summary>
    public static GlobalSecondaryIndex CreateGlobalSecondaryIndex(
        IIndex index,
        List<KeySchemaElement> keySchema,
        Projection projection,
        (long ReadCapacityUnits, long WriteCapacityUnits)? tableThroughput)
        => new()
        {
            IndexName = index.GetSecondaryIndexName(),
            KeySchema = keySchema,
            Projection = projection,
            ProvisionedThroughput = tableThroughput is null
                ? null
                : (index.GetProvisionedThroughput() ?? tableThroughput) is var (read, write)
                    ? new ProvisionedThroughput { ReadCapacityUnits = read, WriteCapacityUnits = write }
                    : null,
        };

    private static Projection CreateProjection(IIndex index)
        => index.GetProjection() switch
        {
            DynamoDbIndexProjection.KeysOnly => new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
            DynamoDbIndexProjection.Include => new Projection
            {
                ProjectionType = ProjectionType.INCLUDE,
                // The parts of a composite sort key are attributes of their own, outside the table's key: an index
                // that includes attributes includes them too, so that entities read from it have their whole key.
                NonKeyAttributes = index.GetIncludedPropertyNames()
                    .Select(name => index.DeclaringEntityType.FindProperty(name)!.GetAttributeName())
                    .Concat(index.DeclaringEntityType.GetRootType().GetCompositeSortKeyProperties().Select(p => p.GetAttributeName()))
                    .Distinct()
                    .ToList(),
            },
            _ => new Projection { ProjectionType = ProjectionType.ALL },
        };

    // The HASH elements, then the RANGE elements, of a table or index key, in key order: a multi-attribute index key
    // has several of each, and DynamoDB reads their order from the list. Each key attribute is defined once.
    private static List<KeySchemaElement> CreateKeySchema(
        IReadOnlyList<IProperty> partitionKey,
        IReadOnlyList<IProperty> sortKey,
        List<AttributeDefinition> attributeDefinitions)
        => partitionKey.Select(p => CreateKeyElement(p, KeyType.HASH, attributeDefinitions))
            .Concat(sortKey.Select(p => CreateKeyElement(p, KeyType.RANGE, attributeDefinitions)))
            .ToList();

    private static KeySchemaElement CreateKeyElement(IProperty property, KeyType keyType, List<AttributeDefinition> attributeDefinitions)
    {
        var attributeName = property.GetAttributeName();
        if (!attributeDefinitions.Exists(d => d.AttributeName == attributeName))
        {
            attributeDefinitions.Add(new AttributeDefinition(attributeName, ToScalarType(property)));
        }

        return new KeySchemaElement(attributeName, keyType);
    }

    /// <summary>The key attribute type of a property (validated to be S, N or B).</summary>
    public static ScalarAttributeType ToScalarType(IReadOnlyProperty property)
        => ((DynamoDbTypeMapping)property.GetTypeMapping()).AttributeType switch
        {
            DynamoDbAttributeType.Number => ScalarAttributeType.N,
            DynamoDbAttributeType.Binary => ScalarAttributeType.B,
            _ => ScalarAttributeType.S,
        };
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// The CreateTable request of each table in the model: the key schema of the entity types stored there (model
/// validation guarantees they agree), on-demand billing.
/// </summary>
public class CreateTableRequestFactory(IDynamoDbSingletonOptions options)
{
    /// <summary>One request per table, in model order.</summary>
    public virtual IReadOnlyList<CreateTableRequest> Create(IModel model)
        => model.GetEntityTypes()
            .Where(e => e.BaseType is null && !e.IsOwned() && e.FindPrimaryKey() is not null)
            .GroupBy(options.ResolveTableName)
            .Select(table => Create(table.Key, table.First()))
            .ToList();

    private static CreateTableRequest Create(string tableName, IEntityType entityType)
    {
        var keySchema = new List<KeySchemaElement>();
        var attributeDefinitions = new List<AttributeDefinition>();
        AddKey(entityType.GetPartitionKeyProperty()!, KeyType.HASH, keySchema, attributeDefinitions);
        if (entityType.GetSortKeyProperty() is { } sortKey)
        {
            AddKey(sortKey, KeyType.RANGE, keySchema, attributeDefinitions);
        }

        return new CreateTableRequest
        {
            TableName = tableName,
            KeySchema = keySchema,
            AttributeDefinitions = attributeDefinitions,
            BillingMode = BillingMode.PAY_PER_REQUEST,
        };
    }

    private static void AddKey(IProperty property, KeyType keyType, List<KeySchemaElement> keySchema, List<AttributeDefinition> attributeDefinitions)
    {
        var attributeName = property.GetAttributeName();
        keySchema.Add(new KeySchemaElement(attributeName, keyType));
        attributeDefinitions.Add(new AttributeDefinition(attributeName, ToScalarType(property)));
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

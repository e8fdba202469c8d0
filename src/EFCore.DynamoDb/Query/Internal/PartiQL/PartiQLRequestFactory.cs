using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal.PartiQL;

/// <summary>
/// Builds the ExecuteStatement requests of a <c>FromPartiQL</c> query from each execution's values: each value becomes
/// a parameter, written as the provider writes a value of its CLR type (so it matches what SaveChanges stored), and
/// the statement text never changes.
/// </summary>
public sealed class PartiQLRequestFactory(PartiQLStatement statement, ITypeMappingSource typeMappingSource, bool consistentRead)
{
    /// <summary>The statement.</summary>
    public PartiQLStatement Statement => statement;

    /// <summary>One ExecuteStatement page: at most <paramref name="limit" /> items, continuing at <paramref name="nextToken" />.</summary>
    public ExecuteStatementRequest Create(QueryContext queryContext, int? limit, string? nextToken)
    {
        var values = (object?[]?)statement.Arguments.GetValue(queryContext) ?? [];
        var request = new ExecuteStatementRequest
        {
            Statement = statement.Text,
            Parameters = statement.ArgumentIndexes.Count == 0 ? null : statement.ArgumentIndexes.Select(i => ToAttributeValue(values, i)).ToList(),
            NextToken = nextToken,
        };
        if (limit is { } items)
        {
            request.Limit = items;
        }

        if (consistentRead)
        {
            request.ConsistentRead = true;
        }

        return request;
    }

    private AttributeValue ToAttributeValue(object?[] values, int index)
    {
        if (index >= values.Length)
        {
            throw new InvalidOperationException(DynamoDbStrings.PartiQLMissingValue(statement.Text, index, values.Length));
        }

        return values[index] switch
        {
            null => new AttributeValue { NULL = true },
            AttributeValue attributeValue => attributeValue,
            var value => typeMappingSource.FindMapping(value.GetType()) is DynamoDbTypeMapping mapping
                ? mapping.CreateAttributeValue(value)
                : throw new InvalidOperationException(DynamoDbStrings.PartiQLUnsupportedValue(index, value.GetType().Name)),
        };
    }
}

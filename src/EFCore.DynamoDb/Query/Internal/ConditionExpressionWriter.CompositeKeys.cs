using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal.CompositeKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The key condition of a Query on a table whose key has three or more properties: the partition key equality and one
/// condition on the composite sort-key attribute. The encoding (<see cref="CompositeSortKeyEncoder" />) joins parts
/// with a separator that sorts below every character of an encoded part, and no encoded key ends in a lone escape
/// character, so with P the encoded leading run and its separator, and U the run followed by the escape character:
/// the run alone is <c>begins_with(P)</c>; <c>part &gt;= v</c> (or <c>&gt;</c>) is <c>BETWEEN P+v AND U</c>;
/// <c>part &lt;= v</c> (or <c>&lt;</c>) is <c>BETWEEN P AND P+v+escape</c>; a BETWEEN on the part, both at once;
/// a StartsWith, <c>begins_with(P+prefix)</c>. A bound may hold keys the strict operator excludes: the filter checks
/// the part's own attribute.
/// </summary>
public sealed partial class ConditionExpressionWriter
{
    /// <summary>
    /// Renders the key condition of a Query by composite sort key; null when a key value is null, which no item has.
    /// </summary>
    public string? WriteCompositeKeyCondition(
        ItemKeySchema keySchema,
        ComparisonCondition partitionKey,
        IReadOnlyList<ComparisonCondition> leadingParts,
        DynamoDbCondition? nextPart)
    {
        if (partitionKey.Value.Evaluate(queryContext, partitionKey.Property.ClrType) is not { } partitionKeyValue)
        {
            return null;
        }

        var leading = new List<object>(leadingParts.Count);
        foreach (var part in leadingParts)
        {
            if (part.Value.Evaluate(queryContext, part.Property.ClrType) is not { } value)
            {
                return null;
            }

            leading.Add(value);
        }

        var builder = new StringBuilder(Name(partitionKey.Property)).Append(" = ").Append(Value(partitionKey.Property, partitionKeyValue));
        if (nextPart is null && leading.Count == 0)
        {
            return builder.ToString();
        }

        var name = Placeholder(keySchema.CompositeAttributeName!);
        var prefix = keySchema.EncodePrefix(leading);
        // Every key that starts with the run's prefix sorts below the run followed by the escape character.
        var runEnd = leading.Count == 0 ? null : prefix[..^1] + CompositeSortKeyEncoder.Escape;
        string? low = leading.Count == 0 ? null : prefix, high = runEnd;
        switch (nextPart)
        {
            case null:
                builder.Append(" AND begins_with(").Append(name).Append(", ").Append(Text(prefix)).Append(')');
                return builder.ToString();
            case ComparisonCondition comparison:
                if (comparison.Value.Evaluate(queryContext, comparison.Property.ClrType) is not { } bound)
                {
                    return null;
                }

                if (comparison.Operator is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual)
                {
                    low = keySchema.EncodePrefix(leading, bound);
                }
                else
                {
                    high = keySchema.EncodePrefix(leading, bound) + CompositeSortKeyEncoder.Escape;
                }

                break;
            case BetweenCondition between:
                if (between.Low.Evaluate(queryContext, between.Property.ClrType) is not { } lowValue
                    || between.High.Evaluate(queryContext, between.Property.ClrType) is not { } highValue)
                {
                    return null;
                }

                low = keySchema.EncodePrefix(leading, lowValue);
                high = keySchema.EncodePrefix(leading, highValue) + CompositeSortKeyEncoder.Escape;
                if (string.CompareOrdinal(low, high) > 0)
                {
                    // An empty range: DynamoDB refuses a BETWEEN whose bounds are reversed.
                    return null;
                }

                break;
            case FunctionCondition { Function: DynamoDbConditionFunction.BeginsWith } beginsWith:
                if (beginsWith.Argument!.Evaluate(queryContext, beginsWith.Property.ClrType) is not { } start)
                {
                    return null;
                }

                builder.Append(" AND begins_with(").Append(name).Append(", ").Append(Text(keySchema.EncodePrefix(leading, start))).Append(')');
                return builder.ToString();
            default:
                throw new InvalidOperationException($"Unknown composite sort-key condition '{nextPart.GetType().Name}'.");
        }

        builder.Append(" AND ").Append(name);
        _ = (low, high) switch
        {
            ({ } from, { } to) => builder.Append(" BETWEEN ").Append(Text(from)).Append(" AND ").Append(Text(to)),
            ({ } from, null) => builder.Append(" >= ").Append(Text(from)),
            (null, { } to) => builder.Append(" <= ").Append(Text(to)),
            _ => builder,
        };
        return builder.ToString();
    }

    private string Text(string value) => WriteValue(new AttributeValue { S = value });
}

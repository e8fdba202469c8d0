using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Renders conditions as DynamoDB expression text for one execution: every attribute name becomes a <c>#n</c>
/// placeholder and every value a <c>:v</c> placeholder, so reserved words just work and no user value is ever
/// spliced into an expression. Null values get C#'s semantics: <c>== null</c> matches a missing or NULL
/// attribute, and an ordering comparison with null matches nothing.
/// </summary>
public sealed class ConditionExpressionWriter(QueryContext queryContext, IProperty alwaysPresentProperty)
{
    private const string NullTypePlaceholder = ":null";
    private readonly Dictionary<string, string> _placeholders = [];

    /// <summary>The ExpressionAttributeNames collected so far.</summary>
    public Dictionary<string, string> Names { get; } = [];

    /// <summary>The ExpressionAttributeValues collected so far.</summary>
    public Dictionary<string, AttributeValue> Values { get; } = [];

    /// <summary>Renders a filter or condition expression.</summary>
    public string Write(DynamoDbCondition condition)
    {
        var builder = new StringBuilder();
        Append(builder, condition);
        return builder.ToString();
    }

    /// <summary>
    /// Renders a key condition: the partition key equality and an optional sort key comparison. Returns null when a
    /// key value is null, which no item can match.
    /// </summary>
    public string? WriteKeyCondition(ComparisonCondition partitionKey, ComparisonCondition? sortKey)
    {
        var builder = new StringBuilder();
        if (!TryAppendKeyComparison(builder, partitionKey))
        {
            return null;
        }

        if (sortKey is not null)
        {
            builder.Append(" AND ");
            if (!TryAppendKeyComparison(builder, sortKey))
            {
                return null;
            }
        }

        return builder.ToString();
    }

    private bool TryAppendKeyComparison(StringBuilder builder, ComparisonCondition comparison)
    {
        var value = comparison.Value.Evaluate(queryContext, comparison.Property.ClrType);
        if (value is null)
        {
            return false;
        }

        builder.Append(Name(comparison.Property)).Append(' ').Append(Symbol(comparison.Operator)).Append(' ').Append(Value(comparison.Property, value));
        return true;
    }

    private void Append(StringBuilder builder, DynamoDbCondition condition)
    {
        switch (condition)
        {
            case LogicalCondition logical:
                builder.Append('(');
                Append(builder, logical.Left);
                builder.Append(logical.IsAnd ? " AND " : " OR ");
                Append(builder, logical.Right);
                builder.Append(')');
                break;
            case NotCondition not:
                builder.Append("(NOT ");
                Append(builder, not.Operand);
                builder.Append(')');
                break;
            case ComparisonCondition comparison:
                AppendComparison(builder, comparison);
                break;
            default:
                throw new InvalidOperationException($"Unknown condition node '{condition.GetType().Name}'.");
        }
    }

    private void AppendComparison(StringBuilder builder, ComparisonCondition comparison)
    {
        var property = comparison.Property;
        var name = Name(property);
        var value = comparison.Value.Evaluate(queryContext, property.ClrType);
        if (value is null)
        {
            switch (comparison.Operator)
            {
                case ComparisonOperator.Equal:
                    builder.Append("(attribute_not_exists(").Append(name).Append(") OR attribute_type(").Append(name).Append(", ").Append(NullType()).Append("))");
                    break;
                case ComparisonOperator.NotEqual:
                    builder.Append("(attribute_exists(").Append(name).Append(") AND NOT attribute_type(").Append(name).Append(", ").Append(NullType()).Append("))");
                    break;
                default:
                    // `x < null` is false for every item in C#; the partition key exists on every item.
                    builder.Append("attribute_not_exists(").Append(Name(alwaysPresentProperty)).Append(')');
                    break;
            }

            return;
        }

        var placeholder = Value(property, value);
        if (comparison.Operator == ComparisonOperator.NotEqual && property.IsNullable)
        {
            // `e.X != v` holds for items without X in C#; say so explicitly rather than rely on DynamoDB's rule for
            // comparisons with missing attributes.
            builder.Append("(attribute_not_exists(").Append(name).Append(") OR ").Append(name).Append(" <> ").Append(placeholder).Append(')');
            return;
        }

        builder.Append(name).Append(' ').Append(Symbol(comparison.Operator)).Append(' ').Append(placeholder);
    }

    private string Name(IProperty property)
    {
        var attributeName = property.GetAttributeName();
        if (!_placeholders.TryGetValue(attributeName, out var placeholder))
        {
            placeholder = "#n" + _placeholders.Count;
            _placeholders.Add(attributeName, placeholder);
            Names.Add(placeholder, attributeName);
        }

        return placeholder;
    }

    private string Value(IProperty property, object value)
    {
        var placeholder = ":v" + Values.Count;
        Values.Add(placeholder, ((DynamoDbTypeMapping)property.GetTypeMapping()).CreateAttributeValue(value));
        return placeholder;
    }

    private string NullType()
    {
        Values.TryAdd(NullTypePlaceholder, new AttributeValue { S = "NULL" });
        return NullTypePlaceholder;
    }

    private static string Symbol(ComparisonOperator op)
        => op switch
        {
            ComparisonOperator.Equal => "=",
            ComparisonOperator.NotEqual => "<>",
            ComparisonOperator.LessThan => "<",
            ComparisonOperator.LessThanOrEqual => "<=",
            ComparisonOperator.GreaterThan => ">",
            ComparisonOperator.GreaterThanOrEqual => ">=",
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
}

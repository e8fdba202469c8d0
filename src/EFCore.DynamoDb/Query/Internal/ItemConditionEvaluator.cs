using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Evaluates a condition on a returned item with DynamoDB's own rules (strings by UTF-8 bytes, numbers by value,
/// binaries by bytes, a missing attribute failing every comparison), for the conditions on a Query's own key
/// attributes that DynamoDB accepts neither in the key condition (one condition per key) nor in the filter: a
/// half-open sort key range, a <c>!=</c> on the sort key, a key inside an OR. The Query has already narrowed the
/// items to the partition, so this checks only what DynamoDB would have checked there.
/// </summary>
public sealed class ItemConditionEvaluator(QueryContext queryContext)
{
    /// <summary>True when the item satisfies the condition.</summary>
    public bool Matches(DynamoDbCondition condition, Dictionary<string, AttributeValue> item)
        => condition switch
        {
            LogicalCondition { IsAnd: true } and => Matches(and.Left, item) && Matches(and.Right, item),
            LogicalCondition or => Matches(or.Left, item) || Matches(or.Right, item),
            NotCondition not => !Matches(not.Operand, item),
            ComparisonCondition comparison => MatchesComparison(comparison, item),
            SizeComparisonCondition size => MatchesSize(size, item),
            BetweenCondition between => MatchesBetween(between, item),
            InCondition @in => MatchesIn(@in, item),
            FunctionCondition function => MatchesFunction(function, item),
            _ => throw new InvalidOperationException($"Unknown condition node '{condition.GetType().Name}'."),
        };

    private bool MatchesComparison(ComparisonCondition comparison, Dictionary<string, AttributeValue> item)
    {
        var attribute = Find(item, comparison.Property);
        var value = comparison.Value.Evaluate(queryContext, comparison.Property.ClrType);
        if (value is null)
        {
            // C# null semantics, as the filter expression renders them.
            return comparison.Operator switch
            {
                ComparisonOperator.Equal => attribute is null,
                ComparisonOperator.NotEqual => attribute is not null,
                _ => false,
            };
        }

        if (attribute is null)
        {
            return comparison.Operator == ComparisonOperator.NotEqual;
        }

        // Values of different types are unequal and unordered.
        return Compare(attribute, ToAttributeValue(comparison.Property, value)) is { } order
            ? comparison.Operator.Holds(order)
            : comparison.Operator == ComparisonOperator.NotEqual;
    }

    // A set or map without its attribute reads back empty, so its size is 0; any other missing attribute has none.
    private bool MatchesSize(SizeComparisonCondition size, Dictionary<string, AttributeValue> item)
        => size.Value.Evaluate(queryContext, typeof(int)) is int length
            && (Find(item, size.Property) is { } attribute
                ? size.Operator.Holds(SizeOf(attribute).CompareTo(length))
                : size.Property.GetTypeMapping() is DynamoDbCollectionTypeMapping { ReadsMissingAsEmpty: true }
                    && size.Operator.Holds(0.CompareTo(length)));

    private bool MatchesBetween(BetweenCondition between, Dictionary<string, AttributeValue> item)
    {
        var low = between.Low.Evaluate(queryContext, between.Property.ClrType);
        var high = between.High.Evaluate(queryContext, between.Property.ClrType);
        return Find(item, between.Property) is { } attribute
            && low is not null
            && high is not null
            && Compare(attribute, ToAttributeValue(between.Property, low)) >= 0
            && Compare(attribute, ToAttributeValue(between.Property, high)) <= 0;
    }

    private bool MatchesIn(InCondition @in, Dictionary<string, AttributeValue> item)
    {
        var attribute = Find(item, @in.Property);
        foreach (var value in @in.Evaluate(queryContext))
        {
            if (value is null ? attribute is null : attribute is not null && Compare(attribute, ToAttributeValue(@in.Property, value)) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesFunction(FunctionCondition function, Dictionary<string, AttributeValue> item)
    {
        item.TryGetValue(function.Property.GetAttributeName(), out var raw);
        var attribute = Find(item, function.Property);
        switch (function.Function)
        {
            case DynamoDbConditionFunction.AttributeExists:
                return raw is not null;
            case DynamoDbConditionFunction.AttributeNotExists:
                return raw is null;
            case DynamoDbConditionFunction.AttributeType:
                return raw is not null && AttributeValueReader.DescribeType(raw) == function.Argument!.GetValue(queryContext) as string;
        }

        var argument = function.Argument!.GetValue(queryContext);
        if (attribute is null || argument is null)
        {
            return false;
        }

        if (function.Function == DynamoDbConditionFunction.BeginsWith)
        {
            // The stored text of a key template starts with its constant prefix, and so does the prefix it is tested with.
            return attribute.S is { } text && argument is string prefix
                ? text.StartsWith(function.Property.GetKeyPrefix() + prefix, StringComparison.Ordinal)
                : attribute.B is { } bytes && ToAttributeValue(function.Property, argument).B is { } prefixBytes
                    && bytes.ToArray().AsSpan().StartsWith(prefixBytes.ToArray());
        }

        return attribute.S is { } haystack && argument is string needle && haystack.Contains(needle, StringComparison.Ordinal);
    }

    private static AttributeValue? Find(Dictionary<string, AttributeValue> item, IProperty property)
        => AttributeValueReader.Find(item, property.GetAttributeName());

    private static AttributeValue ToAttributeValue(IProperty property, object value)
        => ((DynamoDbTypeMapping)property.GetTypeMapping()).CreateAttributeValue(value);

    // DynamoDB orders S by UTF-8 bytes, N by numeric value, B by bytes; values of different types never compare.
    private static int? Compare(AttributeValue left, AttributeValue right)
    {
        if (left.S is { } leftText && right.S is { } rightText)
        {
            return Encoding.UTF8.GetBytes(leftText).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(rightText));
        }

        if (left.N is { } leftNumber && right.N is { } rightNumber)
        {
            return decimal.TryParse(leftNumber, NumberStyles.Float, CultureInfo.InvariantCulture, out var leftDecimal)
                && decimal.TryParse(rightNumber, NumberStyles.Float, CultureInfo.InvariantCulture, out var rightDecimal)
                    ? leftDecimal.CompareTo(rightDecimal)
                    : double.Parse(leftNumber, CultureInfo.InvariantCulture).CompareTo(double.Parse(rightNumber, CultureInfo.InvariantCulture));
        }

        if (left.B is { } leftBytes && right.B is { } rightBytes)
        {
            return leftBytes.ToArray().AsSpan().SequenceCompareTo(rightBytes.ToArray());
        }

        if (left.BOOL is { } leftFlag && right.BOOL is { } rightFlag)
        {
            return leftFlag == rightFlag ? 0 : null;
        }

        return null;
    }

    private static int SizeOf(AttributeValue value)
        => value switch
        {
            { S: { } text } => Encoding.UTF8.GetByteCount(text),
            { B: { } bytes } => (int)bytes.Length,
            { L: { } list } => list.Count,
            { M: { } map } => map.Count,
            { SS: { } strings } => strings.Count,
            { NS: { } numbers } => numbers.Count,
            { BS: { } binaries } => binaries.Count,
            _ => 0,
        };
}

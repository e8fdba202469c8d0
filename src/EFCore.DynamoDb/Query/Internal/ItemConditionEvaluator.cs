using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.ClientEvaluation;
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
/// items to the partition, so this checks only what DynamoDB would have checked there. The parts DynamoDB cannot
/// express at all (<see cref="ClientPredicateCondition" />), and the ORs and NOTs around them, are checked here too,
/// those parts with C# semantics.
/// </summary>
public sealed class ItemConditionEvaluator(QueryContext queryContext)
{
    // What each condition node compares items with, read from the query's parameters once: the evaluator lives
    // for one enumeration, whose parameter values do not change.
    private readonly Dictionary<DynamoDbCondition, object?> _operands = new(ReferenceEqualityComparer.Instance);

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
            ClientPredicateCondition client => client.Matches(queryContext, item),
            _ => throw new InvalidOperationException($"Unknown condition node '{condition.GetType().Name}'."),
        };

    private bool MatchesComparison(ComparisonCondition comparison, Dictionary<string, AttributeValue> item)
    {
        var attribute = Find(item, comparison.Property);
        var value = OperandOf(comparison, comparison.Value.IsComputed, static (queryContext, c) => Operand.Of(c.Property, c.Value.Evaluate(queryContext, c.Property.ClrType)));
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

        if (value.Range is var (low, high))
        {
            // A value with several stored forms matches by its range of them, as the filter expression renders it.
            return comparison.Operator switch
            {
                ComparisonOperator.Equal => Compare(attribute, low) >= 0 && Compare(attribute, high) <= 0,
                ComparisonOperator.NotEqual => !(Compare(attribute, low) >= 0 && Compare(attribute, high) <= 0),
                ComparisonOperator.LessThan or ComparisonOperator.GreaterThanOrEqual => Compare(attribute, low) is { } lowOrder && comparison.Operator.Holds(lowOrder),
                _ => Compare(attribute, high) is { } highOrder && comparison.Operator.Holds(highOrder),
            };
        }

        // Values of different types are unequal and unordered.
        return Compare(attribute, value) is { } order
            ? comparison.Operator.Holds(order)
            : comparison.Operator == ComparisonOperator.NotEqual;
    }

    // A set or map without its attribute reads back empty, so its size is 0; any other missing attribute has none.
    private bool MatchesSize(SizeComparisonCondition size, Dictionary<string, AttributeValue> item)
        => OperandOf(size, size.Value.IsComputed, static (queryContext, s) => s.Value.Evaluate(queryContext, typeof(int))) is int length
            && (Find(item, size.Property) is { } attribute
                ? size.Operator.Holds(SizeOf(attribute).CompareTo(length))
                : size.Property.GetTypeMapping() is DynamoDbCollectionTypeMapping { ReadsMissingAsEmpty: true }
                    && size.Operator.Holds(0.CompareTo(length)));

    private bool MatchesBetween(BetweenCondition between, Dictionary<string, AttributeValue> item)
    {
        var (low, high) = OperandOf(
            between,
            between.Low.IsComputed || between.High.IsComputed,
            static (queryContext, b) => (Low: Operand.Of(b.Property, b.Low.Evaluate(queryContext, b.Property.ClrType)), High: Operand.Of(b.Property, b.High.Evaluate(queryContext, b.Property.ClrType))));
        return Find(item, between.Property) is { } attribute
            && low is not null
            && high is not null
            && Compare(attribute, low.Range?.Low ?? low) >= 0
            && Compare(attribute, high.Range?.High ?? high) <= 0;
    }

    private bool MatchesIn(InCondition @in, Dictionary<string, AttributeValue> item)
    {
        var attribute = Find(item, @in.Property);
        foreach (var value in OperandOf(@in, @in.Values.IsComputed, static (queryContext, i) => i.Evaluate(queryContext).Select(v => Operand.Of(i.Property, v)).ToList()))
        {
            if (value is null
                ? attribute is null
                : attribute is not null && (value.Range is var (low, high) ? Compare(attribute, low) >= 0 && Compare(attribute, high) <= 0 : Compare(attribute, value) == 0))
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
                return raw is not null && AttributeValueReader.DescribeType(raw) == ArgumentOf(function)?.Value as string;
        }

        var argument = ArgumentOf(function);
        if (attribute is null || argument is null)
        {
            return false;
        }

        if (function.Function == DynamoDbConditionFunction.BeginsWith)
        {
            // The stored text of a key template starts with its constant prefix, and so does the prefix it is tested with.
            return attribute.S is { } text && argument.Value is string prefix
                ? text.StartsWith(function.Property.GetKeyPrefix() + prefix, StringComparison.Ordinal)
                : attribute.B is { } bytes && argument.AttributeValue.B is not null
                    && bytes.ToArray().AsSpan().StartsWith(argument.Binary);
        }

        return attribute.S is { } haystack && argument.Value is string needle && haystack.Contains(needle, StringComparison.Ordinal);
    }

    private Operand? ArgumentOf(FunctionCondition function)
        => OperandOf(function, function.Argument!.IsComputed, static (queryContext, f) => Operand.Of(f.Property, f.Argument!.GetValue(queryContext)));

    // The node's operands for this enumeration: evaluated the first time an item needs them, and kept unless
    // computed anew at each read (the current time), which each item is then checked against as it is read.
    private T OperandOf<TCondition, T>(TCondition condition, bool isComputed, Func<QueryContext, TCondition, T> evaluate)
        where TCondition : DynamoDbCondition
    {
        if (_operands.TryGetValue(condition, out var cached))
        {
            return (T)cached!;
        }

        var operand = evaluate(queryContext, condition);
        if (!isComputed)
        {
            _operands.Add(condition, operand);
        }

        return operand;
    }

    private static AttributeValue? Find(Dictionary<string, AttributeValue> item, IProperty property)
        => AttributeValueReader.Find(item, property.GetAttributeName());

    // DynamoDB orders S by UTF-8 bytes, N by numeric value, B by bytes; values of different types never compare.
    private static int? Compare(AttributeValue left, Operand right)
    {
        var rightValue = right.AttributeValue;
        if (left.S is { } leftText && rightValue.S is not null)
        {
            return Encoding.UTF8.GetBytes(leftText).AsSpan().SequenceCompareTo(right.Utf8);
        }

        if (left.N is { } leftNumber && rightValue.N is { } rightNumber)
        {
            return decimal.TryParse(leftNumber, NumberStyles.Float, CultureInfo.InvariantCulture, out var leftDecimal)
                && right.Decimal is { } rightDecimal
                    ? leftDecimal.CompareTo(rightDecimal)
                    : double.Parse(leftNumber, CultureInfo.InvariantCulture).CompareTo(double.Parse(rightNumber, CultureInfo.InvariantCulture));
        }

        if (left.B is { } leftBytes && rightValue.B is not null)
        {
            return leftBytes.ToArray().AsSpan().SequenceCompareTo(right.Binary);
        }

        if (left.BOOL is { } leftFlag && rightValue.BOOL is { } rightFlag)
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

    // A value items are compared with, converted in the property's mapping, and further (to the UTF-8 bytes of a
    // string, the bytes of a binary, the number of a number) only when an item first needs it.
    private sealed class Operand(IProperty property, object value, AttributeValue? attributeValue = null)
    {
        private AttributeValue? _attributeValue = attributeValue;
        private (Operand Low, Operand High)? _range;
        private bool _rangeCreated;
        private byte[]? _utf8;
        private byte[]? _binary;
        private decimal? _decimal;
        private bool _decimalParsed;

        public object Value => value;

        public AttributeValue AttributeValue => _attributeValue ??= ((DynamoDbTypeMapping)property.GetTypeMapping()).CreateAttributeValue(value);

        public byte[] Utf8 => _utf8 ??= Encoding.UTF8.GetBytes(AttributeValue.S);

        public byte[] Binary => _binary ??= AttributeValue.B.ToArray();

        // Null when the number does not fit a decimal, which is then compared as a double.
        public decimal? Decimal
        {
            get
            {
                if (!_decimalParsed)
                {
                    _decimal = decimal.TryParse(AttributeValue.N, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
                    _decimalParsed = true;
                }

                return _decimal;
            }
        }

        // The lowest and highest stored forms of a value that has several (see DynamoDbTypeMapping.CreateEqualRange).
        public (Operand Low, Operand High)? Range
        {
            get
            {
                if (!_rangeCreated)
                {
                    _range = ((DynamoDbTypeMapping)property.GetTypeMapping()).CreateEqualRange(value) is var (low, high)
                        ? (new Operand(property, value, low), new Operand(property, value, high))
                        : null;
                    _rangeCreated = true;
                }

                return _range;
            }
        }

        public static Operand? Of(IProperty property, object? value) => value is null ? null : new Operand(property, value);
    }
}

using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
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
public sealed partial class ConditionExpressionWriter(QueryContext queryContext)
{
    private const string NullTypePlaceholder = ":null";
    private const int MaxInOperands = 100;
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
    /// Renders a key condition: the partition key equality, the equalities on the other attributes of a
    /// multi-attribute index key (its other partition attributes, then a leading run of its sort attributes), and an
    /// optional comparison, BETWEEN or begins_with on the next sort attribute. Returns null when a key value is null,
    /// which no item can match.
    /// </summary>
    public string? WriteKeyCondition(ComparisonCondition partitionKey, IReadOnlyList<ComparisonCondition> keyEqualities, DynamoDbCondition? sortKey)
    {
        var builder = new StringBuilder();
        // Only the last condition may be a range (DynamoDB takes `=` on the partition attributes and on every sort
        // attribute before the last one), so only it may match a value's several stored forms.
        foreach (var condition in new DynamoDbCondition?[] { partitionKey }.Concat(keyEqualities).Append(sortKey))
        {
            if (condition is null)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(" AND ");
            }

            if (!TryAppendKeyCondition(builder, condition, exactOnly: !ReferenceEquals(condition, sortKey)))
            {
                return null;
            }
        }

        return builder.ToString();
    }

    /// <summary>A ProjectionExpression of these properties' attributes, and of one more top-level attribute when given.</summary>
    public string WriteProjection(IEnumerable<IProperty> properties, string? attributeName = null)
        => string.Join(", ", attributeName is null ? properties.Select(Name) : properties.Select(Name).Append(Placeholder(attributeName)));

    /// <summary>
    /// The document path of a property's attribute (<c>#n0.#n1</c> inside a complex value), sharing this writer's
    /// placeholders: an update expression and its condition go in one request.
    /// </summary>
    public string WritePath(IProperty property) => Name(property);

    /// <summary>Adds a value placeholder for an attribute value built by the caller.</summary>
    public string WriteValue(AttributeValue value)
    {
        var placeholder = ":v" + Values.Count;
        Values.Add(placeholder, value);
        return placeholder;
    }

    // A key attribute DynamoDB takes only `=` on is matched exactly; the last sort key condition, on a value with several
    // stored forms, matches all of them.
    private bool TryAppendKeyCondition(StringBuilder builder, DynamoDbCondition condition, bool exactOnly)
    {
        switch (condition)
        {
            case ComparisonCondition comparison when comparison.Value.Evaluate(queryContext, comparison.Property.ClrType) is { } value:
                if (!exactOnly && Mapping(comparison.Property).CreateEqualRange(value) is { } range)
                {
                    AppendRangeComparison(builder, Name(comparison.Property), comparison.Operator, range, nullable: false);
                    return true;
                }

                builder.Append(Name(comparison.Property)).Append(' ').Append(Symbol(comparison.Operator)).Append(' ').Append(Value(comparison.Property, value));
                return true;
            case BetweenCondition between
                when between.Low.Evaluate(queryContext, between.Property.ClrType) is { } low
                && between.High.Evaluate(queryContext, between.Property.ClrType) is { } high:
                AppendBetween(builder, between.Property, low, high);
                return true;
            case FunctionCondition { Function: DynamoDbConditionFunction.BeginsWith } beginsWith
                when beginsWith.Argument!.Evaluate(queryContext, beginsWith.Property.ClrType) is { } prefix:
                builder.Append("begins_with(").Append(Name(beginsWith.Property)).Append(", ").Append(Value(beginsWith.Property, prefix)).Append(')');
                return true;
            default:
                return false;
        }
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
            case SizeComparisonCondition size:
                AppendSizeComparison(builder, size);
                break;
            case FunctionCondition function:
                AppendFunction(builder, function);
                break;
            case BetweenCondition between:
                AppendBetween(builder, between);
                break;
            case InCondition @in:
                AppendIn(builder, @in);
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
                    // `x < null` is false for every item in C#.
                    AppendFalse(builder, property);
                    break;
            }

            return;
        }

        if (Mapping(property).CreateEqualRange(value) is { } range)
        {
            AppendRangeComparison(builder, name, comparison.Operator, range, property.IsNullable);
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

    // A comparison with a value whose equal values have several stored forms, against the range that holds them all:
    // `==` is inside it, `<` below its low end, `>` above its high end.
    private void AppendRangeComparison(
        StringBuilder builder, string name, ComparisonOperator op, (AttributeValue Low, AttributeValue High) range, bool nullable)
    {
        switch (op)
        {
            case ComparisonOperator.Equal:
                builder.Append(Between(name, range.Low, range.High));
                break;
            case ComparisonOperator.NotEqual:
                builder.Append(nullable ? "(attribute_not_exists(" + name + ") OR NOT " : "(NOT ").Append(Between(name, range.Low, range.High)).Append(')');
                break;
            default:
                var bound = op is ComparisonOperator.LessThan or ComparisonOperator.GreaterThanOrEqual ? range.Low : range.High;
                builder.Append(name).Append(' ').Append(Symbol(op)).Append(' ').Append(WriteValue(bound));
                break;
        }
    }

    private void AppendSizeComparison(StringBuilder builder, SizeComparisonCondition size)
    {
        if (size.Value.Evaluate(queryContext, typeof(int)) is not { } length)
        {
            AppendFalse(builder, size.Property);
            return;
        }

        var placeholder = WriteValue(AttributeValueWriter.Write(length));
        var name = Name(size.Property);
        var sizeComparison = "size(" + name + ") " + Symbol(size.Operator) + " " + placeholder;

        // A set or map without its attribute reads back empty (DynamoDB has no empty set): where the comparison holds
        // for an empty collection, it holds for such an item too, although size() of a missing attribute is false.
        if (size.Property.GetTypeMapping() is DynamoDbCollectionTypeMapping { ReadsMissingAsEmpty: true }
            && size.Operator.Holds(0L.CompareTo(Convert.ToInt64(length, CultureInfo.InvariantCulture))))
        {
            builder.Append('(').Append(sizeComparison)
                .Append(" OR attribute_not_exists(").Append(name).Append(") OR attribute_type(").Append(name).Append(", ").Append(NullType()).Append("))");
            return;
        }

        builder.Append(sizeComparison);
    }

    private void AppendFunction(StringBuilder builder, FunctionCondition function)
    {
        var name = Name(function.Property);
        switch (function.Function)
        {
            case DynamoDbConditionFunction.AttributeExists:
                builder.Append("attribute_exists(").Append(name).Append(')');
                return;
            case DynamoDbConditionFunction.AttributeNotExists:
                builder.Append("attribute_not_exists(").Append(name).Append(')');
                return;
            case DynamoDbConditionFunction.AttributeType:
                var typeName = function.Argument!.GetValue(queryContext) as string;
                builder.Append("attribute_type(").Append(name).Append(", ").Append(WriteValue(new AttributeValue { S = typeName })).Append(')');
                return;
        }

        // begins_with and contains: a null prefix or operand matches nothing, as string.StartsWith(null) never returns
        // true; except that a list stores a null element as NULL, which `list.Contains(null)` looks for.
        var argument = function.Argument!.GetValue(queryContext);
        if (argument is null)
        {
            if (function.Function == DynamoDbConditionFunction.Contains
                && function.Property.GetTypeMapping() is DynamoDbCollectionTypeMapping { Kind: DynamoDbCollectionKind.List })
            {
                builder.Append("contains(").Append(name).Append(", ").Append(WriteValue(new AttributeValue { NULL = true })).Append(')');
                return;
            }

            AppendFalse(builder, function.Property);
            return;
        }

        builder.Append(function.Function == DynamoDbConditionFunction.BeginsWith ? "begins_with(" : "contains(")
            .Append(name).Append(", ").Append(WriteValue(ArgumentValue(function, argument))).Append(')');
    }

    private void AppendBetween(StringBuilder builder, BetweenCondition between)
    {
        var low = between.Low.Evaluate(queryContext, between.Property.ClrType);
        var high = between.High.Evaluate(queryContext, between.Property.ClrType);
        if (low is null || high is null)
        {
            AppendFalse(builder, between.Property);
            return;
        }

        AppendBetween(builder, between.Property, low, high);
    }

    // Each bound includes every stored form of its value.
    private void AppendBetween(StringBuilder builder, IProperty property, object low, object high)
    {
        var mapping = Mapping(property);
        builder.Append(Between(
            Name(property),
            mapping.CreateEqualRange(low)?.Low ?? mapping.CreateAttributeValue(low),
            mapping.CreateEqualRange(high)?.High ?? mapping.CreateAttributeValue(high)));
    }

    private string Between(string name, AttributeValue low, AttributeValue high)
        => name + " BETWEEN " + WriteValue(low) + " AND " + WriteValue(high);

    // DynamoDB's IN takes at most 100 operands: longer lists become INs joined by OR. Null elements match items
    // without the attribute, as `values.Contains(e.X)` does in C#.
    private void AppendIn(StringBuilder builder, InCondition @in)
    {
        var values = @in.Evaluate(queryContext, distinct: true).ToList();
        var name = Name(@in.Property);
        var nonNull = values.Where(v => v is not null).ToList();
        var hasNull = values.Contains(null);
        var parts = new List<string>();
        var mapping = Mapping(@in.Property);
        if (nonNull.Count > 0 && mapping.CreateEqualRange(nonNull[0]!) is not null)
        {
            // Values with several stored forms each match the range of their forms.
            parts.AddRange(nonNull.Select(v => mapping.CreateEqualRange(v!)!.Value).Select(range => Between(name, range.Low, range.High)));
        }
        else
        {
            for (var start = 0; start < nonNull.Count; start += MaxInOperands)
            {
                parts.Add(name + " IN (" + string.Join(", ", nonNull.Skip(start).Take(MaxInOperands).Select(v => Value(@in.Property, v!))) + ")");
            }
        }

        if (hasNull)
        {
            parts.Add("attribute_not_exists(" + name + ") OR attribute_type(" + name + ", " + NullType() + ")");
        }

        if (parts.Count == 0)
        {
            AppendFalse(builder, @in.Property);
            return;
        }

        // Only a lone IN needs no parentheses: the null check is an OR, which AND and NOT around it would split.
        builder.Append(parts.Count == 1 && !hasNull ? parts[0] : "(" + string.Join(" OR ", parts) + ")");
    }

    // DynamoDB has no literal false; no attribute both exists and does not. It names the attribute the condition
    // tests: a Query's filter may name no key attribute, and every name sent must be used.
    private void AppendFalse(StringBuilder builder, IProperty property)
    {
        var name = Name(property);
        builder.Append("(attribute_exists(").Append(name).Append(") AND attribute_not_exists(").Append(name).Append("))");
    }

    // contains() on a string attribute takes a substring; on a set or list, an element, in the element's mapping;
    // begins_with takes a prefix of the attribute's own type, after the key template's prefix when it has one.
    private static AttributeValue ArgumentValue(FunctionCondition function, object argument)
    {
        var mapping = (DynamoDbTypeMapping)function.Property.GetTypeMapping();
        return mapping.DynamoDbElementMapping is { } elementMapping
            ? elementMapping.CreateAttributeValue(argument)
            : argument is string text
                ? new AttributeValue { S = function.Function == DynamoDbConditionFunction.BeginsWith ? function.Property.GetKeyPrefix() + text : text }
                : mapping.CreateAttributeValue(argument);
    }

    // Each attribute name of the property's path gets its own placeholder: `#n0.#n1` for Address.City.
    private string Name(IProperty property)
    {
        var path = AttributePath.Of(property);
        return path.Count == 1 ? Placeholder(path[0]) : string.Join('.', path.Select(Placeholder));
    }

    private string Placeholder(string attributeName)
    {
        if (!_placeholders.TryGetValue(attributeName, out var placeholder))
        {
            placeholder = "#n" + _placeholders.Count;
            _placeholders.Add(attributeName, placeholder);
            Names.Add(placeholder, attributeName);
        }

        return placeholder;
    }

    private string Value(IProperty property, object value)
        => WriteValue(Mapping(property).CreateAttributeValue(value));

    private static DynamoDbTypeMapping Mapping(IProperty property) => (DynamoDbTypeMapping)property.GetTypeMapping();

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

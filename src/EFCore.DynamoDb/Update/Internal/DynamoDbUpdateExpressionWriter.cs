using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// Renders the actions of an <c>ExecuteUpdate</c> as one DynamoDB UpdateExpression for one execution:
/// <c>SET … REMOVE … ADD … DELETE …</c>, each value through its property's type mapping (value converters
/// included). A SET of null, or of a value stored as no attribute (an empty set), becomes a REMOVE; an ADD or
/// DELETE of no elements is left out, as DynamoDB has no empty set to send.
/// </summary>
public sealed class DynamoDbUpdateExpressionWriter(IEntityType entityType, IReadOnlyList<DynamoDbUpdateAction> actions)
{
    /// <summary>
    /// False when applying the update twice differs from applying it once: a SET computed from an attribute the same
    /// update writes (<c>Count = Count + 1</c>, <c>list_append</c>). SETs of values or of other attributes, REMOVE, and
    /// ADD/DELETE of set elements give the same item however often they are applied; so does, for what it is used
    /// for, the row version's increment (a version written twice fails the same concurrency checks as one written
    /// once).
    /// </summary>
    public bool IsIdempotent { get; } = IsIdempotentUpdate(actions);

    private static bool IsIdempotentUpdate(IReadOnlyList<DynamoDbUpdateAction> actions)
    {
        var userActions = actions.Where(a => !a.Property.IsRowVersion()).ToList();
        var written = userActions.Select(a => a.Property).ToHashSet();
        return !userActions.Any(a => a.Kind == DynamoDbUpdateActionKind.Set && ReadsAny(a.Operand, written));
    }

    private static bool ReadsAny(UpdateOperand? operand, HashSet<IProperty> properties)
        => operand switch
        {
            UpdatePathOperand path => properties.Contains(path.Property),
            UpdateFunctionOperand function => ReadsAny(function.First, properties) || ReadsAny(function.Second, properties),
            _ => false,
        };

    /// <summary>
    /// The update expression, with its names and values added to <paramref name="writer" />; null when every action
    /// was left out. <paramref name="lastAssignment" />, when given, is added to the SET clause, last.
    /// </summary>
    public string? Write(ConditionExpressionWriter writer, QueryContext queryContext, string? lastAssignment = null)
    {
        var set = new List<string>();
        var remove = new List<string>();
        var add = new List<string>();
        var delete = new List<string>();
        foreach (var action in actions)
        {
            switch (action.Kind)
            {
                case DynamoDbUpdateActionKind.Remove:
                    remove.Add(writer.WritePath(action.Property));
                    break;

                case DynamoDbUpdateActionKind.Set when action.Operand is UpdateValueOperand value:
                    if (CreateAttributeValue(value, queryContext) is { } attributeValue)
                    {
                        set.Add(writer.WritePath(action.Property) + " = " + writer.WriteValue(attributeValue));
                    }
                    else
                    {
                        remove.Add(writer.WritePath(action.Property));
                    }

                    break;

                case DynamoDbUpdateActionKind.Set:
                    set.Add(writer.WritePath(action.Property) + " = " + WriteOperand(action.Property, action.Operand!, writer, queryContext));
                    break;

                default:
                    if (CreateAttributeValue((UpdateValueOperand)action.Operand!, queryContext) is { } elements)
                    {
                        (action.Kind == DynamoDbUpdateActionKind.Add ? add : delete).Add(writer.WritePath(action.Property) + " " + writer.WriteValue(elements));
                    }

                    break;
            }
        }

        if (lastAssignment is not null && set.Count > 0)
        {
            set.Add(lastAssignment);
        }

        var clauses = new[] { ("SET ", set), ("REMOVE ", remove), ("ADD ", add), ("DELETE ", delete) }
            .Where(c => c.Item2.Count > 0)
            .Select(c => c.Item1 + string.Join(", ", c.Item2))
            .ToList();
        return clauses.Count == 0 ? null : string.Join(" ", clauses);
    }

    private string WriteOperand(IProperty target, UpdateOperand operand, ConditionExpressionWriter writer, QueryContext queryContext)
        => operand switch
        {
            UpdatePathOperand path => writer.WritePath(path.Property),
            UpdateValueOperand value => writer.WriteValue(
                CreateAttributeValue(value, queryContext)
                ?? throw new InvalidOperationException(DynamoDbStrings.SetterOperandNull(entityType.DisplayName(), target.Name))),
            UpdateFunctionOperand { Function: UpdateFunction.IfNotExists } function
                => "if_not_exists(" + WriteOperand(target, function.First, writer, queryContext) + ", " + WriteOperand(target, function.Second, writer, queryContext) + ")",
            UpdateFunctionOperand { Function: UpdateFunction.ListAppend } function
                => "list_append(" + WriteOperand(target, function.First, writer, queryContext) + ", " + WriteOperand(target, function.Second, writer, queryContext) + ")",
            UpdateFunctionOperand function
                => WriteOperand(target, function.First, writer, queryContext)
                    + (function.Function == UpdateFunction.Plus ? " + " : " - ")
                    + WriteOperand(target, function.Second, writer, queryContext),
            _ => throw new InvalidOperationException($"Unknown update operand '{operand.GetType().Name}'."),
        };

    // The value as its property stores it, or null for a value stored as no attribute (null, an empty set). A
    // collection value goes to the collection mapping as it is (any enumerable of the elements); a scalar is first
    // coerced to the property's type, as C# widened or converted it in the setter.
    private AttributeValue? CreateAttributeValue(UpdateValueOperand operand, QueryContext queryContext)
    {
        var property = operand.Property;
        var mapping = (DynamoDbTypeMapping)property.GetTypeMapping();
        AttributeValue attributeValue;
        try
        {
            var value = mapping is DynamoDbCollectionTypeMapping ? operand.Value.GetValue(queryContext) : operand.Value.Evaluate(queryContext, property.ClrType);
            if (value is null || mapping.IsStoredAsMissing(value))
            {
                return null;
            }

            attributeValue = mapping.CreateAttributeValue(value);
        }
        catch (Exception exception) when (exception is InvalidOperationException or InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidOperationException(DynamoDbStrings.SetterValueNotStorable(entityType.DisplayName(), property.Name, exception.Message), exception);
        }

        // DynamoDB refuses an empty string or binary in an index key attribute; say which entity and property.
        if ((attributeValue.S is { Length: 0 } || attributeValue.B is { Length: 0 }) && property.IsTableOrIndexKey())
        {
            throw new InvalidOperationException(DynamoDbStrings.EmptyKeyValue(entityType.DisplayName(), property.Name));
        }

        return attributeValue;
    }
}

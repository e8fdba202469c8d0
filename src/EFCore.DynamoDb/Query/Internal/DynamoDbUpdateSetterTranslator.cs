using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Translates one <c>ExecuteUpdate</c> setter into an action of a DynamoDB update expression: a value, another
/// property of the item, <c>e.X + v</c> / <c>e.X - v</c>, <c>EF.Functions.IfNotExists</c> and
/// <c>EF.Functions.ListAppend</c> (or <c>Concat</c>) become SET; null and <c>EF.Functions.Remove</c> become REMOVE;
/// <c>EF.Functions.SetAdd</c>/<c>SetRemove</c> become ADD/DELETE. Anything else, and any setter DynamoDB cannot
/// honour (a key property, a whole nested map), yields null and a reason naming the entity and the property.
/// </summary>
public class DynamoDbUpdateSetterTranslator(IEntityType entityType, DynamoDbPredicateTranslator propertyTranslator)
{
    /// <summary>The reason the last translation failed.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>
    /// Translates a setter whose property selector body is <paramref name="target" /> and whose value is
    /// <paramref name="value" />, both with the entity parameter replaced by the query's shaper.
    /// </summary>
    public virtual DynamoDbUpdateAction? Translate(Expression target, Expression value)
    {
        FailureReason = null;
        var property = propertyTranslator.TranslateProperty(target);
        if (property is null)
        {
            return Fail(StructuralMemberName(target) is { } member
                ? DynamoDbStrings.SetterTargetWholeStructure(entityType.DisplayName(), member)
                : propertyTranslator.FailureReason ?? DynamoDbStrings.SetterTargetNotProperty(entityType.DisplayName(), Print(target)));
        }

        if (property.IsPrimaryKey())
        {
            return Fail(DynamoDbStrings.SetterTargetIsKey(entityType.DisplayName(), property.Name));
        }

        value = StripConvert(value);
        if (value is MethodCallExpression call && call.Method.DeclaringType == typeof(DynamoDbDbFunctionsExtensions))
        {
            switch (call.Method.Name)
            {
                case nameof(DynamoDbDbFunctionsExtensions.Remove):
                    return NamesTarget(call, property) ? new DynamoDbUpdateAction(DynamoDbUpdateActionKind.Remove, property, null) : null;
                case nameof(DynamoDbDbFunctionsExtensions.SetAdd) or nameof(DynamoDbDbFunctionsExtensions.SetRemove):
                    return TranslateSetFunction(call, property);
            }
        }

        if (DynamoDbPredicateTranslator.TranslateValue(value) is { } constantOrParameter)
        {
            return constantOrParameter is { ParameterName: null, Constant: null }
                ? new DynamoDbUpdateAction(DynamoDbUpdateActionKind.Remove, property, null)
                : CheckStorable(property, constantOrParameter)
                    ? new DynamoDbUpdateAction(DynamoDbUpdateActionKind.Set, property, new UpdateValueOperand(property, constantOrParameter))
                    : null;
        }

        var operand = TranslateOperand(value, property);
        return operand is null
            ? FailureReason is null ? Fail(DynamoDbStrings.SetterValueNotTranslatable(entityType.DisplayName(), property.Name, Print(value))) : null
            : new DynamoDbUpdateAction(DynamoDbUpdateActionKind.Set, property, operand);
    }

    // What the SET of `target` can assign: another attribute of the item, if_not_exists, list_append, or `+`/`-`.
    private UpdateOperand? TranslateOperand(Expression expression, IProperty target)
    {
        expression = StripConvert(expression);
        switch (expression)
        {
            // Numbers only: `+` on strings is string.Concat, which DynamoDB has no form for; decimal's `+` is its
            // operator method.
            case BinaryExpression { NodeType: ExpressionType.Add or ExpressionType.Subtract or ExpressionType.AddChecked or ExpressionType.SubtractChecked } arithmetic
                when arithmetic.Method is null || arithmetic.Method.DeclaringType == typeof(decimal):
                if (!IsPlainNumber(target))
                {
                    return FailOperand(DynamoDbStrings.SetterArithmeticNeedsNumber(entityType.DisplayName(), target.Name));
                }

                var left = TranslateArithmeticOperand(arithmetic.Left, target);
                var right = left is null ? null : TranslateArithmeticOperand(arithmetic.Right, target);
                return right is null
                    ? null
                    : new UpdateFunctionOperand(
                        arithmetic.NodeType is ExpressionType.Add or ExpressionType.AddChecked ? UpdateFunction.Plus : UpdateFunction.Minus,
                        left!,
                        right);

            case MethodCallExpression call when call.Method.DeclaringType == typeof(DynamoDbDbFunctionsExtensions):
                return call.Method.Name switch
                {
                    nameof(DynamoDbDbFunctionsExtensions.IfNotExists) => TranslateIfNotExists(call, target),
                    nameof(DynamoDbDbFunctionsExtensions.ListAppend) => TranslateListAppend(call.Arguments[1], call.Arguments[2], target),
                    _ => null,
                };

            // `e.Tags.Concat(values).ToList()` (or ToArray) appends as list_append does.
            case MethodCallExpression { Method.Name: nameof(Enumerable.ToList) or nameof(Enumerable.ToArray), Arguments: [MethodCallExpression { Method.Name: nameof(Enumerable.Concat) } concat] } materialize
                when materialize.Method.DeclaringType == typeof(Enumerable) && concat.Method.DeclaringType == typeof(Enumerable):
                return TranslateListAppend(concat.Arguments[0], concat.Arguments[1], target);

            default:
                return TranslatePath(expression, target);
        }
    }

    // DynamoDB's `+` and `-` take a path, a value or if_not_exists on either side, not another `+`.
    private UpdateOperand? TranslateArithmeticOperand(Expression expression, IProperty target)
    {
        if (DynamoDbPredicateTranslator.TranslateValue(expression) is { } value)
        {
            return CheckStorable(target, value) ? new UpdateValueOperand(target, value) : null;
        }

        expression = StripConvert(expression);
        return expression is MethodCallExpression { Method.Name: nameof(DynamoDbDbFunctionsExtensions.IfNotExists) } call
            && call.Method.DeclaringType == typeof(DynamoDbDbFunctionsExtensions)
                ? TranslateIfNotExists(call, target)
                : TranslatePath(expression, target);
    }

    private UpdateOperand? TranslateIfNotExists(MethodCallExpression call, IProperty target)
    {
        if (TranslatePath(call.Arguments[1], target) is not { } path)
        {
            return null;
        }

        var fallback = DynamoDbPredicateTranslator.TranslateValue(call.Arguments[2]) is { } value
            ? CheckStorable(target, value) ? new UpdateValueOperand(target, value) : null
            : TranslatePath(call.Arguments[2], target);
        return fallback is null ? null : new UpdateFunctionOperand(UpdateFunction.IfNotExists, path, fallback);
    }

    private UpdateOperand? TranslateListAppend(Expression first, Expression second, IProperty target)
    {
        if (target.GetTypeMapping() is not DynamoDbCollectionTypeMapping { Kind: DynamoDbCollectionKind.List })
        {
            return FailOperand(DynamoDbStrings.SetterListAppendNeedsList(entityType.DisplayName(), target.Name));
        }

        var firstOperand = TranslateListOperand(first, target);
        var secondOperand = firstOperand is null ? null : TranslateListOperand(second, target);
        return secondOperand is null ? null : new UpdateFunctionOperand(UpdateFunction.ListAppend, firstOperand!, secondOperand);
    }

    private UpdateOperand? TranslateListOperand(Expression expression, IProperty target)
        => DynamoDbPredicateTranslator.TranslateValue(expression) is { } value
            ? new UpdateValueOperand(target, value)
            : TranslatePath(expression, target);

    // Another attribute of the same item, stored the same way as the target, so the copied value reads back.
    private UpdateOperand? TranslatePath(Expression expression, IProperty target)
    {
        if (propertyTranslator.TranslateProperty(expression) is not { } source)
        {
            return FailOperand(propertyTranslator.FailureReason ?? DynamoDbStrings.SetterValueNotTranslatable(entityType.DisplayName(), target.Name, Print(expression)));
        }

        var sourceMapping = (DynamoDbTypeMapping)source.GetTypeMapping();
        var targetMapping = (DynamoDbTypeMapping)target.GetTypeMapping();
        return source == target
            || (sourceMapping.GetType() == targetMapping.GetType()
                && (Nullable.GetUnderlyingType(source.ClrType) ?? source.ClrType) == (Nullable.GetUnderlyingType(target.ClrType) ?? target.ClrType)
                && sourceMapping.Converter?.GetType() == targetMapping.Converter?.GetType()
                && source.GetKeyPrefix() == target.GetKeyPrefix())
                ? new UpdatePathOperand(source)
                : FailOperand(DynamoDbStrings.SetterCopiesDifferentType(entityType.DisplayName(), target.Name, source.Name));
    }

    private DynamoDbUpdateAction? TranslateSetFunction(MethodCallExpression call, IProperty target)
    {
        var function = call.Method.Name;
        if (target.GetTypeMapping() is not DynamoDbCollectionTypeMapping { Kind: DynamoDbCollectionKind.Set })
        {
            return Fail(DynamoDbStrings.SetterSetFunctionNeedsSet(entityType.DisplayName(), target.Name, function));
        }

        if (!NamesTarget(call, target))
        {
            return null;
        }

        if (DynamoDbPredicateTranslator.TranslateValue(call.Arguments[2]) is not { } values)
        {
            return Fail(DynamoDbStrings.SetterValueNotTranslatable(entityType.DisplayName(), target.Name, Print(call)));
        }

        return new DynamoDbUpdateAction(
            function == nameof(DynamoDbDbFunctionsExtensions.SetAdd) ? DynamoDbUpdateActionKind.Add : DynamoDbUpdateActionKind.Delete,
            target,
            new UpdateValueOperand(target, values));
    }

    // ADD, DELETE and REMOVE change the attribute they name, which must be the setter's own.
    private bool NamesTarget(MethodCallExpression call, IProperty target)
    {
        if (propertyTranslator.TranslateProperty(call.Arguments[1]) == target)
        {
            return true;
        }

        Fail(DynamoDbStrings.SetterFunctionOnOtherProperty(entityType.DisplayName(), target.Name, call.Method.Name));
        return false;
    }

    // A constant is checked now, so a value DynamoDB cannot store (NaN, a number out of its range, an empty key)
    // fails translation; a parameter is checked when the update runs.
    private bool CheckStorable(IProperty property, QueryValue value)
    {
        if (value.ParameterName is not null || value.Constant is null)
        {
            return true;
        }

        try
        {
            var mapping = (DynamoDbTypeMapping)property.GetTypeMapping();
            var converted = QueryValue.Coerce(value.Constant, property.ClrType)!;
            if (!mapping.IsStoredAsMissing(converted))
            {
                mapping.CreateAttributeValue(converted);
            }

            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or InvalidCastException or FormatException or OverflowException)
        {
            Fail(DynamoDbStrings.SetterValueNotStorable(entityType.DisplayName(), property.Name, exception.Message));
            return false;
        }
    }

    // A number DynamoDB can add to: stored as N with no converter in between (an enum's number or a key template
    // would not add up to the value the entity reads).
    private static bool IsPlainNumber(IProperty property)
        => property.GetTypeMapping() is DynamoDbTypeMapping { AttributeType: DynamoDbAttributeType.Number, Converter: null } and not DynamoDbCollectionTypeMapping;

    // The complex property or owned navigation a target names as a whole, for the reason it cannot be set.
    private string? StructuralMemberName(Expression target)
        => StripConvert(target) is MemberExpression { Expression: { } instance } member
            && StripConvert(instance) is StructuralTypeShaperExpression
            && (entityType.FindComplexProperty(member.Member.Name) is not null
                || entityType.FindNavigation(member.Member.Name) is { ForeignKey.IsOwnership: true })
                ? member.Member.Name
                : null;

    private static Expression StripConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    // The value as the user wrote it: the entity as `e` rather than EF's internal shaper.
    private static string Print(Expression expression) => new EntityParameterRestorer().Visit(expression).Print();

    private sealed class EntityParameterRestorer : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
            => node is StructuralTypeShaperExpression ? Expression.Parameter(node.Type, "e") : base.VisitExtension(node);
    }

    private DynamoDbUpdateAction? Fail(string reason)
    {
        FailureReason ??= reason;
        return null;
    }

    private UpdateOperand? FailOperand(string reason)
    {
        FailureReason ??= reason;
        return null;
    }
}

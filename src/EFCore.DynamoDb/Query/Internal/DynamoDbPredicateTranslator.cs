using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Translates a C# predicate over one entity into a <see cref="DynamoDbCondition" />: comparisons of a property
/// with a constant or parameter, joined by <c>&amp;&amp;</c>, <c>||</c> and <c>!</c>. Anything else yields null and
/// a reason, which EF reports in its standard "could not be translated" error.
/// </summary>
public class DynamoDbPredicateTranslator
{
    private readonly IEntityType _entityType;

    /// <summary>Creates a translator for predicates over <paramref name="entityType" />.</summary>
    public DynamoDbPredicateTranslator(IEntityType entityType) => _entityType = entityType;

    /// <summary>The reason the last translation failed.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>Translates the body of a predicate whose parameter was replaced by the entity shaper.</summary>
    public virtual DynamoDbCondition? Translate(Expression predicate)
    {
        FailureReason = null;
        return TranslateCondition(predicate);
    }

    private DynamoDbCondition? TranslateCondition(Expression expression)
    {
        switch (expression)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } logical:
                var left = TranslateCondition(logical.Left);
                var right = left is null ? null : TranslateCondition(logical.Right);
                return right is null ? null : new LogicalCondition(logical.NodeType == ExpressionType.AndAlso, left!, right);

            case UnaryExpression { NodeType: ExpressionType.Not } not:
                // `!e.Flag` reads as `Flag = false`, which also holds on the items that store false; NOT(...) otherwise.
                if (TryGetProperty(not.Operand, out var negatedFlag) && IsBoolean(negatedFlag))
                {
                    return new ComparisonCondition(negatedFlag, ComparisonOperator.Equal, QueryValue.FromConstant(false));
                }

                var operand = TranslateCondition(not.Operand);
                return operand is null ? null : new NotCondition(operand);

            case BinaryExpression binary when ToComparisonOperator(binary.NodeType) is { } op:
                return TranslateComparison(binary, op);

            case ConstantExpression { Value: true }:
                return null;

            default:
                if (TryGetProperty(expression, out var flag) && IsBoolean(flag))
                {
                    return new ComparisonCondition(flag, ComparisonOperator.Equal, QueryValue.FromConstant(true));
                }

                return Fail(DynamoDbStrings.PredicateNotSupported(expression.Print()));
        }
    }

    private DynamoDbCondition? TranslateComparison(BinaryExpression binary, ComparisonOperator op)
    {
        if (TryGetProperty(binary.Left, out var property) && TryGetValue(binary.Right, out var value))
        {
            return new ComparisonCondition(property, op, value);
        }

        if (TryGetProperty(binary.Right, out property) && TryGetValue(binary.Left, out value))
        {
            return new ComparisonCondition(property, Mirror(op), value);
        }

        return FailureReason is null ? Fail(DynamoDbStrings.ComparisonNeedsAttributeAndValue(binary.Print())) : null;
    }

    private bool TryGetProperty(Expression expression, out IProperty property)
    {
        expression = StripConvert(expression);
        string? name = expression switch
        {
            MemberExpression { Expression: { } instance } member when IsEntity(instance) => member.Member.Name,
            MethodCallExpression call when call.Method.DeclaringType == typeof(EF)
                && call.Method.Name == nameof(EF.Property)
                && IsEntity(call.Arguments[0])
                && call.Arguments[1] is ConstantExpression { Value: string propertyName } => propertyName,
            _ => null,
        };

        if (name is not null)
        {
            if (_entityType.FindProperty(name) is { } found)
            {
                property = found;
                return true;
            }

            Fail(DynamoDbStrings.MemberNotMapped(name, _entityType.DisplayName()));
        }

        property = null!;
        return false;
    }

    private static bool TryGetValue(Expression expression, out QueryValue value)
    {
        switch (StripConvert(expression))
        {
            case ConstantExpression constant:
                value = QueryValue.FromConstant(constant.Value);
                return true;
            case QueryParameterExpression parameter:
                value = QueryValue.FromParameter(parameter.Name);
                return true;
            default:
                value = null!;
                return false;
        }
    }

    private static bool IsEntity(Expression expression)
        => StripConvert(expression) is StructuralTypeShaperExpression;

    private static bool IsBoolean(IProperty property) => property.ClrType == typeof(bool) || property.ClrType == typeof(bool?);

    private static Expression StripConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    private static ComparisonOperator? ToComparisonOperator(ExpressionType nodeType)
        => nodeType switch
        {
            ExpressionType.Equal => ComparisonOperator.Equal,
            ExpressionType.NotEqual => ComparisonOperator.NotEqual,
            ExpressionType.LessThan => ComparisonOperator.LessThan,
            ExpressionType.LessThanOrEqual => ComparisonOperator.LessThanOrEqual,
            ExpressionType.GreaterThan => ComparisonOperator.GreaterThan,
            ExpressionType.GreaterThanOrEqual => ComparisonOperator.GreaterThanOrEqual,
            _ => null,
        };

    // `5 < e.X` is `e.X > 5`.
    private static ComparisonOperator Mirror(ComparisonOperator op)
        => op switch
        {
            ComparisonOperator.LessThan => ComparisonOperator.GreaterThan,
            ComparisonOperator.LessThanOrEqual => ComparisonOperator.GreaterThanOrEqual,
            ComparisonOperator.GreaterThan => ComparisonOperator.LessThan,
            ComparisonOperator.GreaterThanOrEqual => ComparisonOperator.LessThanOrEqual,
            _ => op,
        };

    private DynamoDbCondition? Fail(string reason)
    {
        FailureReason ??= reason;
        return null;
    }
}

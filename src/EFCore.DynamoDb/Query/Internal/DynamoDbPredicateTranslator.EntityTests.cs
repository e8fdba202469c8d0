using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.ClientEvaluation;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbPredicateTranslator
{
    /// <summary>
    /// The concrete types of the query's entity type (itself and those below it) an item passes <c>e is T</c> as, or
    /// (<paramref name="exact" />) <c>e.GetType() == typeof(T)</c> as.
    /// </summary>
    public static IReadOnlyList<IEntityType> MatchingTypes(IEntityType entityType, Type clrType, bool exact)
        => entityType.GetConcreteDerivedTypesInclusive()
            .Where(t => exact ? t.ClrType == clrType : clrType.IsAssignableFrom(t.ClrType))
            .ToList();

    /// <summary>
    /// The complex collection an expression reads (<c>o.Lines</c>, <c>o.Address.Lines</c>), or null when it reads
    /// something else.
    /// </summary>
    public static IComplexProperty? FindComplexCollection(IEntityType entityType, Expression expression)
        => MemberRead(StripConvert(expression)) is var (instance, name)
            && FindStructuralType(entityType, StripConvert(instance))?.FindComplexProperty(name) is { IsCollection: true } collection
                ? collection
                : null;

    // `e is T` and `e.GetType() == typeof(T)` test the discriminator: the item's type is T or below it, or T alone. The
    // query reads only its own type's items already, so a test every one of them passes (or none) needs no
    // attribute: it is the partition key's existence (or absence).
    private DynamoDbCondition TranslateTypeTest(Type clrType, bool exact)
    {
        var matching = MatchingTypes(_entityType, clrType, exact);
        if (matching.Count == 0 || matching.Count == _entityType.GetConcreteDerivedTypesInclusive().Count())
        {
            return new FunctionCondition(
                matching.Count == 0 ? DynamoDbConditionFunction.AttributeNotExists : DynamoDbConditionFunction.AttributeExists,
                _entityType.GetPartitionKeyProperty()!,
                null);
        }

        var discriminator = _entityType.FindDiscriminatorProperty()!;
        var values = matching.Select(t => t.GetDiscriminatorValue()).ToList();
        return values.Count == 1
            ? new ComparisonCondition(discriminator, ComparisonOperator.Equal, QueryValue.FromConstant(values[0]))
            : new InCondition(discriminator, QueryValue.FromConstant(values));
    }

    // `e.GetType() == typeof(T)`, either way round.
    private static bool TryGetTypeTest(Expression left, Expression right, out Type type)
    {
        if (StripConvert(right) is MethodCallExpression { Method.Name: nameof(GetType), Object: { } instance, Arguments.Count: 0 } && IsEntity(instance))
        {
            (left, right) = (right, left);
        }

        type = (StripConvert(right) as ConstantExpression)?.Value as Type ?? null!;
        return type is not null
            && StripConvert(left) is MethodCallExpression { Method.Name: nameof(GetType), Object: { } target, Arguments.Count: 0 }
            && IsEntity(target);
    }

    // `e.Equals(other)` with an entity from outside the query compares the primary key, as EF does; a null entity
    // matches nothing (no item lacks its key).
    private DynamoDbCondition? TranslateEntityEquality(Expression other)
    {
        var key = _entityType.FindPrimaryKey()!.Properties;
        if (key.Any(p => p.PropertyInfo is null) || !_entityType.ClrType.IsAssignableFrom(other.Type) && !other.Type.IsAssignableFrom(_entityType.ClrType))
        {
            return Fail(DynamoDbStrings.PredicateNotSupported(Print(other)));
        }

        var entity = Expression.Convert(other, _entityType.ClrType);
        return DynamoDbCondition.And(key.Select(p => new ComparisonCondition(
            p,
            ComparisonOperator.Equal,
            CreateComputedValue(Expression.Condition(
                Expression.Equal(entity, Expression.Constant(null, _entityType.ClrType)),
                Expression.Constant(null, typeof(object)),
                Expression.Convert(Expression.Property(entity, p.PropertyInfo!), typeof(object)))))));
    }
}

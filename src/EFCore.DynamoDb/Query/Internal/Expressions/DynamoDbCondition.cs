using EFCore.DynamoDb.Query.Internal.ClientEvaluation;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// A node of a translated predicate: the DynamoDB condition-expression tree (comparisons joined by AND, OR and
/// NOT) that the access-path chooser splits into key condition and filter, and the request builder renders with
/// placeholders for every name and value.
/// </summary>
public abstract class DynamoDbCondition
{
    /// <summary>Splits a condition into the operands of its top-level ANDs.</summary>
    public static IEnumerable<DynamoDbCondition> Conjuncts(DynamoDbCondition condition)
        => condition is LogicalCondition { IsAnd: true } and
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : [condition];

    /// <summary>Joins conditions with AND; null for none.</summary>
    public static DynamoDbCondition? And(IEnumerable<DynamoDbCondition> conditions)
        => conditions.Aggregate((DynamoDbCondition?)null, (left, right) => left is null ? right : new LogicalCondition(true, left, right));

    /// <summary>Every property a condition tests.</summary>
    public static IEnumerable<IProperty> Properties(DynamoDbCondition condition)
        => condition switch
        {
            LogicalCondition logical => Properties(logical.Left).Concat(Properties(logical.Right)),
            NotCondition not => Properties(not.Operand),
            ComparisonCondition comparison => [comparison.Property],
            SizeComparisonCondition size => [size.Property],
            FunctionCondition function => [function.Property],
            BetweenCondition between => [between.Property],
            InCondition @in => [@in.Property],
            ClientPredicateCondition client => client.ReadProperties,
            _ => [],
        };
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// The query being translated, as DynamoDB sees it: one entity type's table, the predicate, the number of items
/// the LINQ result needs, and (after the access-path chooser ran) the operation with its key condition and
/// filter. The queryable-method translator changes it operator by operator.
/// </summary>
public sealed class DynamoDbQueryExpression(IEntityType entityType) : Expression, IPrintableExpression
{
    /// <summary>The entity type the query reads.</summary>
    public IEntityType EntityType { get; } = entityType;

    /// <summary>The whole translated predicate, before the access-path chooser splits it.</summary>
    public DynamoDbCondition? Predicate { get; private set; }

    /// <summary>How many matching items the result needs at most (First: 1, Single: 2), or null for all.</summary>
    public int? Limit { get; private set; }

    /// <summary>The chosen operation.</summary>
    public DynamoDbAccessPath AccessPath { get; private set; }

    /// <summary>The partition key equality of a GetItem or Query.</summary>
    public ComparisonCondition? PartitionKeyCondition { get; private set; }

    /// <summary>The sort key condition of a GetItem (equality) or Query (any comparison).</summary>
    public ComparisonCondition? SortKeyCondition { get; private set; }

    /// <summary>What the key condition does not cover: the FilterExpression of a Query or Scan.</summary>
    public DynamoDbCondition? Filter { get; private set; }

    /// <inheritdoc />
    public override Type Type => typeof(object);

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <summary>Adds a predicate, ANDed with any earlier one.</summary>
    public void ApplyPredicate(DynamoDbCondition predicate)
        => Predicate = Predicate is null ? predicate : new LogicalCondition(true, Predicate, predicate);

    /// <summary>Lowers the number of items the result needs.</summary>
    public void ApplyLimit(int limit) => Limit = Limit is { } current ? Math.Min(current, limit) : limit;

    /// <summary>Records the access-path chooser's decision.</summary>
    public void SetAccessPath(
        DynamoDbAccessPath accessPath,
        ComparisonCondition? partitionKeyCondition,
        ComparisonCondition? sortKeyCondition,
        DynamoDbCondition? filter)
    {
        AccessPath = accessPath;
        PartitionKeyCondition = partitionKeyCondition;
        SortKeyCondition = sortKeyCondition;
        Filter = filter;
    }

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    /// <inheritdoc />
    public void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append($"DynamoDb {AccessPath} {EntityType.DisplayName()}");
        if (PartitionKeyCondition is not null)
        {
            expressionPrinter.Append($" KEY {PartitionKeyCondition}");
            if (SortKeyCondition is not null)
            {
                expressionPrinter.Append($" AND {SortKeyCondition}");
            }
        }

        if ((AccessPath == DynamoDbAccessPath.Undecided ? Predicate : Filter) is { } filter)
        {
            expressionPrinter.Append($" FILTER {filter}");
        }

        if (Limit is { } limit)
        {
            expressionPrinter.Append($" LIMIT {limit}");
        }
    }
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// A translated <c>ExecuteUpdate</c> or <c>ExecuteDelete</c>: the query that selects the items, and for an update
/// the actions of its update expression. Once the post-processor ran it knows how the items are found: by the one
/// whole primary key the predicate names (no read: one conditional write), or by running the query for the keys.
/// Either way each write is conditioned on <see cref="WriteCondition" /> and on the item existing.
/// </summary>
public sealed class DynamoDbBulkWriteExpression(DynamoDbQueryExpression query, IReadOnlyList<DynamoDbUpdateAction>? updates)
    : Expression, IPrintableExpression
{
    /// <summary>The query that selects the items.</summary>
    public DynamoDbQueryExpression Query { get; } = query;

    /// <summary>The update expression's actions; null for a delete.</summary>
    public IReadOnlyList<DynamoDbUpdateAction>? Updates { get; } = updates;

    /// <summary>True for <c>ExecuteDelete</c>.</summary>
    public bool IsDelete => Updates is null;

    /// <summary>
    /// The equalities on every key property of a write by whole key (the partition key first), or empty when the query
    /// finds the keys.
    /// </summary>
    public IReadOnlyList<ComparisonCondition> KeyConditions { get; private set; } = [];

    /// <summary>
    /// What each write checks besides the item's existence: the predicate's conditions that do not only test the
    /// item's own primary key (which a matched key satisfies for good), so a change between read and write is not
    /// overwritten, and the type test of a shared table.
    /// </summary>
    public DynamoDbCondition? WriteCondition { get; private set; }

    /// <summary>True when the predicate names one whole primary key: nothing is read.</summary>
    public bool IsByKey => KeyConditions.Count > 0;

    /// <summary>Records that the predicate names one whole key: one write, conditioned on the rest.</summary>
    public void SetByKey(IReadOnlyList<ComparisonCondition> keyConditions, DynamoDbCondition? rest)
    {
        KeyConditions = keyConditions;
        WriteCondition = rest;
    }

    /// <summary>Records that the query finds the keys, and what each write checks.</summary>
    public void SetReadsKeys(DynamoDbCondition? writeCondition) => WriteCondition = writeCondition;

    /// <inheritdoc />
    public override Type Type => typeof(int);

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    /// <inheritdoc />
    public void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append(IsDelete ? "DELETE" : "UPDATE " + string.Join(", ", Updates!));
        expressionPrinter.Append(IsByKey ? " BY KEY " + string.Join(" AND ", KeyConditions) : " FROM ");
        if (!IsByKey)
        {
            expressionPrinter.Visit(Query);
        }

        if (WriteCondition is not null)
        {
            expressionPrinter.Append($" IF {WriteCondition}");
        }
    }
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.ClientEvaluation;

/// <summary>
/// A part of a predicate that DynamoDB's expression language cannot say (<c>e.Name.ToUpper() == "A"</c>,
/// <c>e.Total * 2 &gt; e.Limit</c>, <c>e.Tags.Any(t =&gt; t.StartsWith("x"))</c>): never sent, but checked with C#
/// semantics on each item the request returns, by a delegate compiled once per query shape that reads the
/// attributes it needs straight from the item.
/// </summary>
public sealed class ClientPredicateCondition(
    string description,
    IReadOnlyList<IProperty> properties,
    bool readsWholeItem,
    Func<QueryContext, Dictionary<string, AttributeValue>, bool> matches)
    : DynamoDbCondition
{
    /// <summary>The predicate part as the user wrote it, for messages and <c>ToQueryString()</c>.</summary>
    public string Description { get; } = description;

    /// <summary>The properties the check reads: a projection must fetch them, an index must hold them.</summary>
    public IReadOnlyList<IProperty> ReadProperties { get; } = properties;

    /// <summary>
    /// True when the check reads more than <see cref="ReadProperties" /> (the elements of a complex collection): the
    /// request then reads whole items.
    /// </summary>
    public bool ReadsWholeItem { get; } = readsWholeItem;

    /// <summary>True when the item satisfies the predicate part, with this execution's parameter values.</summary>
    public bool Matches(QueryContext queryContext, Dictionary<string, AttributeValue> item) => matches(queryContext, item);

    /// <summary>True when <paramref name="condition" /> holds a part that only the client can check.</summary>
    public static bool IsIn(DynamoDbCondition condition)
        => condition switch
        {
            ClientPredicateCondition => true,
            LogicalCondition logical => IsIn(logical.Left) || IsIn(logical.Right),
            NotCondition not => IsIn(not.Operand),
            _ => false,
        };

    /// <summary>The parts of <paramref name="condition" /> that only the client can check, in order.</summary>
    public static IEnumerable<ClientPredicateCondition> FindAll(DynamoDbCondition condition)
        => condition switch
        {
            ClientPredicateCondition client => [client],
            LogicalCondition logical => FindAll(logical.Left).Concat(FindAll(logical.Right)),
            NotCondition not => FindAll(not.Operand),
            _ => [],
        };

    /// <inheritdoc />
    public override string ToString() => "client(" + Description + ")";
}

using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal.Lookups;

/// <summary>
/// A read of an item collection that sends no request of its own: its items are those of the partition's one Query
/// (<see cref="ItemCollectionRead" />) that satisfy what the read would have asked DynamoDB for (its key condition,
/// filter and type; for the dependents, the lookup's keys), checked with DynamoDB's rules; ordering, Skip/Take,
/// shaping and tracking are the read's own. The principal's read shows the Query in <c>ToQueryString</c>; the
/// dependents' read says where its items come from.
/// </summary>
public sealed class ItemCollectionQueryingEnumerable<T>(
    DynamoDbQueryContext queryContext,
    CompiledDynamoDbQuery<T> compiledQuery,
    ItemCollectionRead partition,
    DynamoDbCondition? condition,
    bool sendsTheQuery)
    : DynamoDbQueryingEnumerable<T>(queryContext, compiledQuery)
{
    /// <inheritdoc />
    protected override IEnumerable<AmazonWebServiceRequest> CreateFirstRequests(RowWindow window)
        => sendsTheQuery && partition.CreateRequest() is { } request ? [request] : [];

    /// <inheritdoc />
    public override string ToQueryString()
        => sendsTheQuery
            ? base.ToQueryString()
            : "-- No request of its own: an item collection, these items come back from the Query of the partition above (told apart by type).";

    /// <inheritdoc />
    protected override async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        RowWindow window,
        Dictionary<string, AttributeValue>? startKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (window.ItemsNeeded == 0)
        {
            yield break;
        }

        var evaluator = condition is null ? null : new ItemConditionEvaluator(QueryContext);
        foreach (var item in await partition.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (evaluator is null || evaluator.Matches(condition!, item))
            {
                yield return item;
            }
        }
    }
}

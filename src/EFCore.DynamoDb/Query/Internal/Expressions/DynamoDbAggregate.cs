namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>The terminating operator that reduces a query's results to one value.</summary>
public enum DynamoDbAggregate
{
    /// <summary>Count: Select=COUNT over every page when nothing else needs the items.</summary>
    Count,

    /// <summary>LongCount: as Count.</summary>
    LongCount,

    /// <summary>Any: stops at the first matching item.</summary>
    Any,

    /// <summary>All(predicate): no item matches the negated predicate.</summary>
    All,

    /// <summary>Min of the projected values.</summary>
    Min,

    /// <summary>Max of the projected values.</summary>
    Max,

    /// <summary>Sum of the projected values.</summary>
    Sum,

    /// <summary>Average of the projected values.</summary>
    Average,
}

using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The rows of the result one execution returns: skip <see cref="Offset" /> results, then return at most
/// <see cref="Limit" /> (all when null). Folded from the query's Skip/Take operations with this execution's
/// parameter values, with LINQ's rules (negative counts act as zero).
/// </summary>
public readonly record struct RowWindow(int Offset, int? Limit)
{
    /// <summary>The window of a query for one execution: empty for a query that matches nothing.</summary>
    public static RowWindow Evaluate(DynamoDbQueryExpression query, QueryContext queryContext)
        => query.MatchesNothing ? new RowWindow(0, 0) : Evaluate(query.RowLimits, queryContext);

    /// <summary>The window of a query's row limits for one execution.</summary>
    public static RowWindow Evaluate(IReadOnlyList<RowLimit> rowLimits, QueryContext queryContext)
    {
        var offset = 0;
        int? limit = null;
        foreach (var rowLimit in rowLimits)
        {
            var count = Math.Max(0, Convert.ToInt32(rowLimit.Count.GetValue(queryContext), System.Globalization.CultureInfo.InvariantCulture));
            if (rowLimit.IsSkip)
            {
                offset += count;
                limit = limit is { } current ? Math.Max(0, current - count) : null;
            }
            else
            {
                limit = limit is { } current ? Math.Min(current, count) : count;
            }
        }

        return new RowWindow(offset, limit);
    }

    /// <summary>How many items must be read before the window is complete, or null for all.</summary>
    public int? ItemsNeeded => Limit is { } limit ? Offset + limit : null;
}

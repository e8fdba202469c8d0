using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.Lookups;

/// <summary>
/// A compiled <see cref="ClientLookup" />: before its read is sent, the keys are computed from the results of the
/// reads before it and handed to the read as the value of its query parameter; no keys, no request.
/// </summary>
public sealed class LookupStage(string parameterName, Func<QueryContext, object[], List<object>> keys, string description)
{
    /// <summary>
    /// Puts this execution's keys into the query context; false when there are none, so the read is not sent (it
    /// would find nothing).
    /// </summary>
    public bool PrepareRead(QueryContext queryContext, object[] earlierResults)
    {
        var values = keys(queryContext, earlierResults);
        queryContext.Parameters[parameterName] = values;
        return values.Count > 0;
    }

    /// <summary>
    /// The comment ToQueryString puts before the read's requests. Before the query runs the keys are not known: the
    /// requests are shown for no keys, marked as the lookup they are.
    /// </summary>
    public string Describe(QueryContext queryContext)
    {
        queryContext.Parameters.TryAdd(parameterName, new List<object>());
        return "-- Lookup, by the keys the reads above return: " + description;
    }
}

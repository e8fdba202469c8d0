using System.Reflection;

namespace EFCore.DynamoDb.Query.Internal.Lookups;

/// <summary>The keys a lookup sends: each value once, in the order the outer rows give them, nulls left out.</summary>
public static class LookupKeys
{
    /// <summary>The method <see cref="Distinct{TKey}" />.</summary>
    public static readonly MethodInfo DistinctMethod = typeof(LookupKeys).GetMethod(nameof(Distinct))!;

    /// <summary>
    /// The distinct non-null keys. A null key joins nothing (EF's join semantics), so it is never looked up; a key
    /// several rows share is looked up once.
    /// </summary>
    public static List<object> Distinct<TKey>(IEnumerable<TKey> keys)
    {
        var seen = new HashSet<TKey>();
        var distinct = new List<object>();
        foreach (var key in keys)
        {
            if (key is not null && seen.Add(key))
            {
                distinct.Add(key);
            }
        }

        return distinct;
    }
}

using System.Reflection;

namespace EFCore.DynamoDb.Query.Internal.Lookups;

/// <summary>
/// The rows of a correlated subquery (<c>c.Orders</c>, <c>DbSet&lt;Order&gt;().Where(o => o.CustomerID == c.CustomerID)</c>)
/// for every outer row at once: the inner read's results grouped by their join key, so each outer row takes its own in
/// constant time. A null key correlates with nothing, on either side (EF's semantics).
/// </summary>
public sealed class CorrelatedRows<TKey, TInner>
{
    /// <summary>The method <see cref="Create" />.</summary>
    public static readonly MethodInfo CreateMethod = typeof(CorrelatedRows<TKey, TInner>).GetMethod(nameof(Create))!;

    /// <summary>The method <see cref="For" />.</summary>
    public static readonly MethodInfo ForMethod = typeof(CorrelatedRows<TKey, TInner>).GetMethod(nameof(For))!;

    private readonly ILookup<TKey, TInner> _rows;

    private CorrelatedRows(ILookup<TKey, TInner> rows) => _rows = rows;

    /// <summary>Groups the inner rows by their key, in the order read; rows with a null key are left out.</summary>
    public static CorrelatedRows<TKey, TInner> Create(IEnumerable<TInner> rows, Func<TInner, TKey> key)
        => new(rows.Select(r => (Key: key(r), Row: r)).Where(r => r.Key is not null).ToLookup(r => r.Key, r => r.Row));

    /// <summary>The inner rows whose key is <paramref name="key" />: none for a null key.</summary>
    public IEnumerable<TInner> For(TKey key) => key is null ? [] : _rows[key];
}

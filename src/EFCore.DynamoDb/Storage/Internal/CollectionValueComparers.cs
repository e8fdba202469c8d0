using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Value comparers for collection properties, so change tracking notices in-place changes (<c>order.Tags.Add("x")</c>):
/// the snapshot is a copy, and equality compares the elements (in order for lists, as sets for sets, by key for
/// maps) with the elements' own comparer.
/// </summary>
/// <remarks>
/// EF compiles these expressions into its snapshot and change-detection delegates: a lambda nested inside one (a
/// <c>Select</c> or <c>Aggregate</c> selector) would become a delegate created on every call, so each body is one call of
/// a method here.
/// </remarks>
public static class CollectionValueComparers
{
    /// <summary>The comparer for a collection of the given kind and CLR type.</summary>
    public static ValueComparer Create(Type collectionType, DynamoDbCollectionKind kind, Type elementType, ValueComparer elementComparer)
        => (ValueComparer)typeof(CollectionValueComparers)
            .GetMethod(kind switch
                {
                    DynamoDbCollectionKind.List => nameof(CreateList),
                    DynamoDbCollectionKind.Set => nameof(CreateSet),
                    _ => nameof(CreateMap),
                }, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(collectionType, elementType)
            .Invoke(null, [elementComparer])!;

    private static ValueComparer<TCollection> CreateList<TCollection, TElement>(ValueComparer elementComparer)
        where TCollection : class, IEnumerable<TElement>
    {
        var comparer = ToEqualityComparer<TElement>(elementComparer);
        return new ValueComparer<TCollection>(
            (a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b, comparer)),
            v => ListHashCode(v, comparer),
            v => CopyList<TCollection, TElement>(v, elementComparer));
    }

    private static ValueComparer<TCollection> CreateSet<TCollection, TElement>(ValueComparer elementComparer)
        where TCollection : class, IEnumerable<TElement>
    {
        var comparer = ToEqualityComparer<TElement>(elementComparer);
        return new ValueComparer<TCollection>(
            (a, b) => ReferenceEquals(a, b) || (a != null && b != null && new HashSet<TElement>(a, comparer).SetEquals(b)),
            v => SetHashCode(v, comparer),
            v => CopySet<TCollection, TElement>(v, elementComparer, comparer));
    }

    private static ValueComparer<TCollection> CreateMap<TCollection, TValue>(ValueComparer elementComparer)
        where TCollection : class, IEnumerable<KeyValuePair<string, TValue>>
    {
        var comparer = ToEqualityComparer<TValue>(elementComparer);
        return new ValueComparer<TCollection>(
            (a, b) => ReferenceEquals(a, b) || (a != null && b != null && MapsEqual(a, b, comparer)),
            v => MapHashCode(v, comparer),
            v => CopyMap<TCollection, TValue>(v, elementComparer));
    }

    private static bool MapsEqual<TValue>(IEnumerable<KeyValuePair<string, TValue>> a, IEnumerable<KeyValuePair<string, TValue>> b, IEqualityComparer<TValue> comparer)
    {
        var left = a.ToDictionary(p => p.Key, p => p.Value);
        var right = b.ToDictionary(p => p.Key, p => p.Value);
        return left.Count == right.Count
            && left.All(p => right.TryGetValue(p.Key, out var other) && (p.Value == null ? other == null : other != null && comparer.Equals(p.Value, other)));
    }

    private static int ListHashCode<TElement>(IEnumerable<TElement> list, IEqualityComparer<TElement> comparer)
    {
        var hash = 0;
        foreach (var element in list)
        {
            hash = HashCode.Combine(hash, element == null ? 0 : comparer.GetHashCode(element));
        }

        return hash;
    }

    private static int SetHashCode<TElement>(IEnumerable<TElement> set, IEqualityComparer<TElement> comparer)
    {
        var hash = 0;
        foreach (var element in set)
        {
            hash ^= element == null ? 0 : comparer.GetHashCode(element);
        }

        return hash;
    }

    private static int MapHashCode<TValue>(IEnumerable<KeyValuePair<string, TValue>> map, IEqualityComparer<TValue> comparer)
    {
        var hash = 0;
        foreach (var (key, value) in map)
        {
            hash ^= HashCode.Combine(key, value == null ? 0 : comparer.GetHashCode(value));
        }

        return hash;
    }

    private static TCollection CopySet<TCollection, TElement>(TCollection source, ValueComparer elementComparer, IEqualityComparer<TElement> comparer)
        where TCollection : class, IEnumerable<TElement>
    {
        var copy = new HashSet<TElement>(comparer);
        foreach (var element in source)
        {
            copy.Add((TElement)elementComparer.Snapshot(element)!);
        }

        return (TCollection)(object)copy;
    }

    private static TCollection CopyMap<TCollection, TValue>(TCollection source, ValueComparer elementComparer)
        where TCollection : class, IEnumerable<KeyValuePair<string, TValue>>
    {
        var copy = new Dictionary<string, TValue>();
        foreach (var (key, value) in source)
        {
            copy.Add(key, (TValue)elementComparer.Snapshot(value)!);
        }

        return (TCollection)(object)copy;
    }

    // Arrays copy into arrays; every other list type (List<T>, IList<T>, IReadOnlyList<T>…) into a List<T>.
    private static TCollection CopyList<TCollection, TElement>(TCollection source, ValueComparer elementComparer)
        where TCollection : class, IEnumerable<TElement>
    {
        var copy = source.TryGetNonEnumeratedCount(out var count) ? new List<TElement>(count) : [];
        foreach (var element in source)
        {
            copy.Add(element == null ? element : (TElement)elementComparer.Snapshot(element)!);
        }

        return typeof(TCollection).IsArray ? (TCollection)(object)copy.ToArray() : (TCollection)(object)copy;
    }

    private static IEqualityComparer<T> ToEqualityComparer<T>(ValueComparer comparer)
        => EqualityComparer<T>.Create((x, y) => comparer.Equals(x, y), x => x == null ? 0 : comparer.GetHashCode(x));
}

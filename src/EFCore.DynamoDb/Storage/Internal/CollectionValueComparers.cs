using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Value comparers for collection properties, so change tracking notices in-place changes (<c>order.Tags.Add("x")</c>):
/// the snapshot is a copy, and equality compares the elements (in order for lists, as sets for sets, by key for
/// maps) with the elements' own comparer.
/// </summary>
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
            v => v.Aggregate(0, (hash, element) => HashCode.Combine(hash, element == null ? 0 : comparer.GetHashCode(element))),
            v => CopyList<TCollection, TElement>(v, elementComparer));
    }

    private static ValueComparer<TCollection> CreateSet<TCollection, TElement>(ValueComparer elementComparer)
        where TCollection : class, IEnumerable<TElement>
    {
        var comparer = ToEqualityComparer<TElement>(elementComparer);
        return new ValueComparer<TCollection>(
            (a, b) => ReferenceEquals(a, b) || (a != null && b != null && new HashSet<TElement>(a, comparer).SetEquals(b)),
            v => v.Aggregate(0, (hash, element) => hash ^ (element == null ? 0 : comparer.GetHashCode(element))),
            v => (TCollection)(object)new HashSet<TElement>(v.Select(e => (TElement)elementComparer.Snapshot(e)!), comparer));
    }

    private static ValueComparer<TCollection> CreateMap<TCollection, TValue>(ValueComparer elementComparer)
        where TCollection : class, IEnumerable<KeyValuePair<string, TValue>>
    {
        var comparer = ToEqualityComparer<TValue>(elementComparer);
        return new ValueComparer<TCollection>(
            (a, b) => ReferenceEquals(a, b) || (a != null && b != null && MapsEqual(a, b, comparer)),
            v => v.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value == null ? 0 : comparer.GetHashCode(pair.Value))),
            v => (TCollection)(object)v.ToDictionary(p => p.Key, p => (TValue)elementComparer.Snapshot(p.Value)!));
    }

    private static bool MapsEqual<TValue>(IEnumerable<KeyValuePair<string, TValue>> a, IEnumerable<KeyValuePair<string, TValue>> b, IEqualityComparer<TValue> comparer)
    {
        var left = a.ToDictionary(p => p.Key, p => p.Value);
        var right = b.ToDictionary(p => p.Key, p => p.Value);
        return left.Count == right.Count
            && left.All(p => right.TryGetValue(p.Key, out var other) && (p.Value == null ? other == null : other != null && comparer.Equals(p.Value, other)));
    }

    // Arrays copy into arrays; every other list type (List<T>, IList<T>, IReadOnlyList<T>…) into a List<T>.
    private static TCollection CopyList<TCollection, TElement>(TCollection source, ValueComparer elementComparer)
        where TCollection : class, IEnumerable<TElement>
    {
        var copy = source.Select(e => e == null ? e : (TElement)elementComparer.Snapshot(e)!);
        return typeof(TCollection).IsArray ? (TCollection)(object)copy.ToArray() : (TCollection)(object)copy.ToList();
    }

    private static IEqualityComparer<T> ToEqualityComparer<T>(ValueComparer comparer)
        => EqualityComparer<T>.Create((x, y) => comparer.Equals(x, y), x => x == null ? 0 : comparer.GetHashCode(x));
}

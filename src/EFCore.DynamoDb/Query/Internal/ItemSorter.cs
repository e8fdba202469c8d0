using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Orders raw items by a query's OrderBy/ThenBy keys on the client, when DynamoDB cannot: each key is read with
/// its property's own typed reader and compared with <see cref="Comparer{T}.Default" />, the comparison LINQ to
/// Objects uses, so results match what the same LINQ over objects returns.
/// </summary>
public sealed class ItemSorter
{
    private readonly SortKey[] _keys;

    /// <summary>Creates the sorter for these orderings, compiling one typed reader per key.</summary>
    public ItemSorter(IEnumerable<DynamoDbOrdering> orderings)
        => _keys = orderings.Select(CreateKey).ToArray();

    /// <summary>
    /// The items in order: a stable sort, as LINQ's OrderBy is. An item's key is read (numbers and dates parsed)
    /// the first time the sort compares the item on it, and kept for its later comparisons.
    /// </summary>
    public List<Dictionary<string, AttributeValue>> Sort(List<Dictionary<string, AttributeValue>> items)
    {
        var comparisons = Array.ConvertAll(_keys, key => key.CreateComparison(items));
        var order = Enumerable.Range(0, items.Count)
            .Order(Comparer<int>.Create((x, y) =>
            {
                foreach (var comparison in comparisons)
                {
                    var result = comparison(x, y);
                    if (result != 0)
                    {
                        return result;
                    }
                }

                return 0;
            }))
            .ToList();
        return order.ConvertAll(position => items[position]);
    }

    private static SortKey CreateKey(DynamoDbOrdering ordering)
        => (SortKey)typeof(ItemSorter)
            .GetMethod(nameof(CreateTypedKey), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(ordering.Property.ClrType)
            .Invoke(null, [ordering])!;

    private static SortKey<T> CreateTypedKey<T>(DynamoDbOrdering ordering)
    {
        var item = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");
        var read = Expression.Lambda<Func<Dictionary<string, AttributeValue>, T>>(
                AttributePath.CreateReadExpression(item, ordering.Property, typeof(T)),
                item)
            .Compile();
        return new SortKey<T>(read, ordering.Ascending);
    }

    private abstract class SortKey
    {
        // Compares two items, given by their positions in the list, on this key.
        public abstract Comparison<int> CreateComparison(List<Dictionary<string, AttributeValue>> items);
    }

    private sealed class SortKey<T>(Func<Dictionary<string, AttributeValue>, T> read, bool ascending) : SortKey
    {
        public override Comparison<int> CreateComparison(List<Dictionary<string, AttributeValue>> items)
        {
            var keys = new T[items.Count];
            var isRead = new bool[items.Count];
            var comparer = Comparer<T>.Default;

            T Key(int position)
            {
                if (!isRead[position])
                {
                    keys[position] = read(items[position]);
                    isRead[position] = true;
                }

                return keys[position];
            }

            return ascending
                ? (x, y) => comparer.Compare(Key(x), Key(y))
                : (x, y) => comparer.Compare(Key(y), Key(x));
        }
    }
}

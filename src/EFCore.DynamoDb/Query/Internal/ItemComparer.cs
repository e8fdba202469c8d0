using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Orders raw items by a query's OrderBy/ThenBy keys on the client, when DynamoDB cannot: each key is read with
/// its property's own typed reader and compared with <see cref="Comparer{T}.Default" />, the comparison LINQ to
/// Objects uses, so results match what the same LINQ over objects returns.
/// </summary>
public sealed class ItemComparer : IComparer<Dictionary<string, AttributeValue>>
{
    private readonly Comparison<Dictionary<string, AttributeValue>>[] _keys;

    /// <summary>Creates the comparer for these orderings, compiling one typed reader per key.</summary>
    public ItemComparer(IEnumerable<DynamoDbOrdering> orderings)
        => _keys = orderings.Select(CreateKeyComparison).ToArray();

    /// <inheritdoc />
    public int Compare(Dictionary<string, AttributeValue>? x, Dictionary<string, AttributeValue>? y)
    {
        foreach (var key in _keys)
        {
            var result = key(x!, y!);
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }

    private static Comparison<Dictionary<string, AttributeValue>> CreateKeyComparison(DynamoDbOrdering ordering)
        => (Comparison<Dictionary<string, AttributeValue>>)typeof(ItemComparer)
            .GetMethod(nameof(CreateTypedKeyComparison), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(ordering.Property.ClrType)
            .Invoke(null, [ordering])!;

    private static Comparison<Dictionary<string, AttributeValue>> CreateTypedKeyComparison<T>(DynamoDbOrdering ordering)
    {
        var item = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");
        var property = ordering.Property;
        var read = Expression.Lambda<Func<Dictionary<string, AttributeValue>, T>>(
                AttributePath.CreateReadExpression(item, property, typeof(T)),
                item)
            .Compile();
        var comparer = Comparer<T>.Default;
        return ordering.Ascending
            ? (x, y) => comparer.Compare(read(x), read(y))
            : (x, y) => comparer.Compare(read(y), read(x));
    }
}

using System.Globalization;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The client-side sort (<see cref="ItemSorter" />) of the items a query reads when DynamoDB cannot give the
/// requested order: the order LINQ to Objects gives, each key read once per item.
/// </summary>
public sealed class DynamoDbClientOrderingTests : IDisposable
{
    private readonly ShopContext _db = TestContexts.Shop();

    public void Dispose() => _db.Dispose();

    private IProperty OrderProperty(string name) => _db.Model.FindEntityType(typeof(Order))!.FindProperty(name)!;

    private static Dictionary<string, AttributeValue> OrderItem(string orderId, int? quantity, string? note)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["CustomerId"] = new() { S = "c1" },
            ["OrderId"] = new() { S = orderId },
        };
        if (quantity is { } value)
        {
            item["Quantity"] = new() { N = value.ToString(CultureInfo.InvariantCulture) };
        }

        if (note is not null)
        {
            item["Note"] = new() { S = note };
        }

        return item;
    }

    [Fact]
    public void Items_sort_as_LINQ_orders_the_same_rows_with_descending_ties_and_nulls_kept_in_read_order()
    {
        var rows = new (string OrderId, int? Quantity, string? Note)[]
        {
            ("o1", 2, "b"), ("o2", null, "a"), ("o3", 2, null), ("o4", 5, "a"), ("o5", 2, "b"),
            ("o6", null, null), ("o7", 5, "a"), ("o8", -1, "c"), ("o9", 2, null), ("o10", null, "a"),
        };
        var sorter = new ItemSorter([new DynamoDbOrdering(OrderProperty("Quantity"), Ascending: false), new DynamoDbOrdering(OrderProperty("Note"), Ascending: true)]);

        var sorted = sorter.Sort(rows.Select(r => OrderItem(r.OrderId, r.Quantity, r.Note)).ToList());

        Assert.Equal(
            rows.OrderByDescending(r => r.Quantity).ThenBy(r => r.Note).Select(r => r.OrderId),
            sorted.Select(i => i["OrderId"].S));
    }

    [Fact]
    public void Each_item_has_its_key_read_once_however_often_the_sort_compares_it()
    {
        var reads = new ReadCounter();
        using var db = TestContexts.Scenario(b => b.Entity<Reading>(r =>
        {
            r.HasKey(x => new { x.DeviceId, x.Timestamp });
            r.Property(x => x.Value).HasConversion(v => v, v => reads.Read(v));
        }));
        var value = db.Model.FindEntityType(typeof(Reading))!.FindProperty(nameof(Reading.Value))!;
        var items = Enumerable.Range(0, 200)
            .Select(i => new Dictionary<string, AttributeValue> { ["Value"] = new() { N = ((i * 37) % 101).ToString(CultureInfo.InvariantCulture) } })
            .ToList();

        var sorted = new ItemSorter([new DynamoDbOrdering(value, Ascending: true)]).Sort(items);

        Assert.Equal(200, reads.Count);
        Assert.Equal(items.Select(Number).Order(), sorted.Select(Number));
    }

    private static double Number(Dictionary<string, AttributeValue> item) => double.Parse(item["Value"].N, CultureInfo.InvariantCulture);

    // Counts the reads of a property through its value converter, which the compiled key reader inlines.
    private sealed class ReadCounter
    {
        public int Count { get; private set; }

        public double Read(double value)
        {
            Count++;
            return value;
        }
    }
}

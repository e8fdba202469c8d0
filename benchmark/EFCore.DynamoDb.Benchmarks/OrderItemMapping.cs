using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
/// The mapping a hand-written SDK application does for <see cref="Order" />: the item the provider stores for it,
/// attribute for attribute, so both sides of a benchmark send the same bytes.
/// </summary>
public static class OrderItemMapping
{
    /// <summary>The order an item holds; no Note attribute is a null note.</summary>
    public static Order FromItem(Dictionary<string, AttributeValue> item)
        => new()
        {
            CustomerId = item["CustomerId"].S,
            OrderId = item["OrderId"].S,
            Total = decimal.Parse(item["Total"].N, CultureInfo.InvariantCulture),
            Status = (OrderStatus)int.Parse(item["Status"].N, CultureInfo.InvariantCulture),
            PlacedAt = DateTimeOffset.Parse(item["PlacedAt"].S, CultureInfo.InvariantCulture),
            Note = item.TryGetValue("Note", out var note) ? note.S : null,
        };

    /// <summary>The item of an order; a null note is no attribute.</summary>
    public static Dictionary<string, AttributeValue> ToItem(Order order)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["CustomerId"] = new() { S = order.CustomerId },
            ["OrderId"] = new() { S = order.OrderId },
            ["Total"] = new() { N = order.Total.ToString(CultureInfo.InvariantCulture) },
            ["Status"] = new() { N = ((int)order.Status).ToString(CultureInfo.InvariantCulture) },
            ["PlacedAt"] = new() { S = order.PlacedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) },
        };
        if (order.Note is not null)
        {
            item["Note"] = new AttributeValue { S = order.Note };
        }

        return item;
    }
}

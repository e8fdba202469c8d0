using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
/// The mapping a hand-written SDK application does for <see cref="Order" />: the item the provider stores for it,
/// attribute for attribute, so both sides of a benchmark send the same bytes.
/// </summary>
public static class OrderItemMapping
{
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

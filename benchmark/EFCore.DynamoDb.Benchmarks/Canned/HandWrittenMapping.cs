using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// The mapping an application using the raw SDK writes by hand: the same attributes, in the same formats, as the
/// provider stores (a DateTime in ISO-8601 round-trip form, numbers in invariant culture, the nested map as M).
/// </summary>
public static class HandWrittenMapping
{
    private const string DateFormat = "O";

    /// <summary>The item of a flat payload.</summary>
    public static Dictionary<string, AttributeValue> ToItem(FlatItem value)
        => new(7)
        {
            ["Pk"] = new() { S = value.Pk },
            ["Sk"] = new() { S = value.Sk },
            ["Name"] = new() { S = value.Name },
            ["Quantity"] = new() { N = value.Quantity.ToString(CultureInfo.InvariantCulture) },
            ["Active"] = new() { BOOL = value.Active },
            ["Price"] = new() { N = value.Price.ToString(CultureInfo.InvariantCulture) },
            ["CreatedAt"] = new() { S = value.CreatedAt.ToString(DateFormat, CultureInfo.InvariantCulture) },
        };

    /// <summary>The item of a mixed payload.</summary>
    public static Dictionary<string, AttributeValue> ToItem(MixedItem value)
    {
        var item = new Dictionary<string, AttributeValue>(10)
        {
            ["Pk"] = new() { S = value.Pk },
            ["Sk"] = new() { S = value.Sk },
            ["Name"] = new() { S = value.Name },
            ["Quantity"] = new() { N = value.Quantity.ToString(CultureInfo.InvariantCulture) },
            ["Active"] = new() { BOOL = value.Active },
            ["Price"] = new() { N = value.Price.ToString(CultureInfo.InvariantCulture) },
            ["CreatedAt"] = new() { S = value.CreatedAt.ToString(DateFormat, CultureInfo.InvariantCulture) },
            ["Tags"] = new() { L = value.Tags.Select(t => new AttributeValue { S = t }).ToList() },
        };
        if (value.Labels.Count > 0)
        {
            item["Labels"] = new AttributeValue { SS = [.. value.Labels] };
        }

        if (value.Address is { } address)
        {
            item["Address"] = new AttributeValue
            {
                M = new Dictionary<string, AttributeValue>(3)
                {
                    ["Street"] = new() { S = address.Street },
                    ["City"] = new() { S = address.City },
                    ["Zip"] = new() { S = address.Zip },
                },
            };
        }

        return item;
    }

    /// <summary>A flat payload read from its item.</summary>
    public static FlatItem ToFlat(Dictionary<string, AttributeValue> item)
        => new()
        {
            Pk = item["Pk"].S,
            Sk = item["Sk"].S,
            Name = item["Name"].S,
            Quantity = int.Parse(item["Quantity"].N, CultureInfo.InvariantCulture),
            Active = item["Active"].BOOL == true,
            Price = decimal.Parse(item["Price"].N, CultureInfo.InvariantCulture),
            CreatedAt = DateTime.Parse(item["CreatedAt"].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        };

    /// <summary>A mixed payload read from its item.</summary>
    public static MixedItem ToMixed(Dictionary<string, AttributeValue> item)
    {
        var value = new MixedItem
        {
            Pk = item["Pk"].S,
            Sk = item["Sk"].S,
            Name = item["Name"].S,
            Quantity = int.Parse(item["Quantity"].N, CultureInfo.InvariantCulture),
            Active = item["Active"].BOOL == true,
            Price = decimal.Parse(item["Price"].N, CultureInfo.InvariantCulture),
            CreatedAt = DateTime.Parse(item["CreatedAt"].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Tags = item.TryGetValue("Tags", out var tags) ? tags.L.Select(t => t.S).ToList() : [],
            Labels = item.TryGetValue("Labels", out var labels) ? [.. labels.SS] : [],
        };
        if (item.TryGetValue("Address", out var address))
        {
            var map = address.M;
            value.Address = new ItemAddress { Street = map["Street"].S, City = map["City"].S, Zip = map["Zip"].S };
        }

        return value;
    }
}

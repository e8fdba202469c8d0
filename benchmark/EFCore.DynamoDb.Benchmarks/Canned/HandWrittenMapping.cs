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
    public static Dictionary<string, AttributeValue> ToItem(FlatItem value) => WithScalars(value, new Dictionary<string, AttributeValue>(7));

    /// <summary>The item of a mixed payload.</summary>
    public static Dictionary<string, AttributeValue> ToItem(MixedItem value)
    {
        var item = WithScalars(value, new Dictionary<string, AttributeValue>(10));
        item["Tags"] = new AttributeValue { L = value.Tags.Select(t => new AttributeValue { S = t }).ToList() };
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
    public static FlatItem ToFlat(Dictionary<string, AttributeValue> item) => ReadScalars(item, new FlatItem());

    /// <summary>A mixed payload read from its item.</summary>
    public static MixedItem ToMixed(Dictionary<string, AttributeValue> item)
    {
        var value = ReadScalars(item, new MixedItem());
        value.Tags = item.TryGetValue("Tags", out var tags) ? tags.L.Select(t => t.S).ToList() : [];
        value.Labels = item.TryGetValue("Labels", out var labels) ? [.. labels.SS] : [];
        if (item.TryGetValue("Address", out var address))
        {
            var map = address.M;
            value.Address = new ItemAddress { Street = map["Street"].S, City = map["City"].S, Zip = map["Zip"].S };
        }

        return value;
    }

    private static Dictionary<string, AttributeValue> WithScalars(FlatItem value, Dictionary<string, AttributeValue> item)
    {
        item["Pk"] = new AttributeValue { S = value.Pk };
        item["Sk"] = new AttributeValue { S = value.Sk };
        item["Name"] = new AttributeValue { S = value.Name };
        item["Quantity"] = new AttributeValue { N = value.Quantity.ToString(CultureInfo.InvariantCulture) };
        item["Active"] = new AttributeValue { BOOL = value.Active };
        item["Price"] = new AttributeValue { N = value.Price.ToString(CultureInfo.InvariantCulture) };
        item["CreatedAt"] = new AttributeValue { S = value.CreatedAt.ToString(DateFormat, CultureInfo.InvariantCulture) };
        return item;
    }

    private static T ReadScalars<T>(Dictionary<string, AttributeValue> item, T value)
        where T : FlatItem
    {
        value.Pk = item["Pk"].S;
        value.Sk = item["Sk"].S;
        value.Name = item["Name"].S;
        value.Quantity = int.Parse(item["Quantity"].N, CultureInfo.InvariantCulture);
        value.Active = item["Active"].BOOL == true;
        value.Price = decimal.Parse(item["Price"].N, CultureInfo.InvariantCulture);
        value.CreatedAt = DateTime.Parse(item["CreatedAt"].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return value;
    }
}

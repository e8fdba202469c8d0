namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The values of the benchmarked items: every implementation writes and reads these.</summary>
public static class Payloads
{
    /// <summary>The partition every benchmark reads and writes.</summary>
    public const string PartitionKey = "customer#00042";

    private static readonly DateTime CreatedAt = new(2024, 5, 1, 10, 30, 0, DateTimeKind.Utc);

    /// <summary>The flat item with sort key number <paramref name="i" />.</summary>
    public static FlatItem Flat(int i) => WithScalars(i, new FlatItem());

    /// <summary>The mixed item with sort key number <paramref name="i" />.</summary>
    public static MixedItem Mixed(int i)
    {
        var item = WithScalars(i, new MixedItem());
        item.Tags = ["red", "large", "sale"];
        item.Labels = ["fragile", "gift"];
        item.Address = new ItemAddress { Street = "1 Main Street", City = "Springfield", Zip = "12345" };
        return item;
    }

    private static T WithScalars<T>(int i, T item)
        where T : FlatItem
    {
        item.Pk = PartitionKey;
        item.Sk = SortKey(i);
        item.Name = "Item number " + i;
        item.Quantity = 3 + i;
        item.Active = i % 2 == 0;
        item.Price = 249.99m + i;
        item.CreatedAt = CreatedAt.AddMinutes(i);
        return item;
    }

    private static string SortKey(int i) => "order#" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

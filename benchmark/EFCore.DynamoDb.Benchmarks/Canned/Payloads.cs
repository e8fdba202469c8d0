namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The values of the benchmarked items: every implementation writes and reads these.</summary>
public static class Payloads
{
    /// <summary>The partition every benchmark reads and writes.</summary>
    public const string PartitionKey = "customer#00042";

    private static readonly DateTime CreatedAt = new(2024, 5, 1, 10, 30, 0, DateTimeKind.Utc);

    /// <summary>The flat item with sort key number <paramref name="i" />.</summary>
    public static FlatItem Flat(int i)
        => new()
        {
            Pk = PartitionKey,
            Sk = SortKey(i),
            Name = "Item number " + i,
            Quantity = 3 + i,
            Active = i % 2 == 0,
            Price = 249.99m + i,
            CreatedAt = CreatedAt.AddMinutes(i),
        };

    /// <summary>The mixed item with sort key number <paramref name="i" />.</summary>
    public static MixedItem Mixed(int i)
        => new()
        {
            Pk = PartitionKey,
            Sk = SortKey(i),
            Name = "Item number " + i,
            Quantity = 3 + i,
            Active = i % 2 == 0,
            Price = 249.99m + i,
            CreatedAt = CreatedAt.AddMinutes(i),
            Tags = ["red", "large", "sale"],
            Labels = ["fragile", "gift"],
            Address = new ItemAddress { Street = "1 Main Street", City = "Springfield", Zip = "12345" },
        };

    private static string SortKey(int i) => "order#" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

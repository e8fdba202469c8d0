namespace EFCore.DynamoDb.FunctionalTests.Collections;

/// <summary>
/// Every kind of collection property: lists (L) of several element types, with a null element; sets of strings,
/// numbers, enums and binaries (SS / NS / BS); string-keyed maps (M); a list of lists and a map of lists; and
/// nullable ones. Keyed by owner and id, so the query tests read the seeded owner's partition only.
/// </summary>
public class Basket
{
    public string Owner { get; set; } = "";

    public string Id { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    public string[] Codes { get; set; } = [];

    public IList<int> Numbers { get; set; } = new List<int>();

    public IReadOnlyList<decimal> Prices { get; set; } = [];

    public List<string?> Notes { get; set; } = [];

    public HashSet<string> Labels { get; set; } = [];

    public ISet<int> Scores { get; set; } = new HashSet<int>();

    public IReadOnlySet<decimal> Weights { get; set; } = new HashSet<decimal>();

    public HashSet<Color> Colors { get; set; } = [];

    public HashSet<byte[]> Blobs { get; set; } = [];

    public Dictionary<string, int> Counts { get; set; } = [];

    public IDictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, double> Ratios { get; set; } = new Dictionary<string, double>();

    public List<List<int>> Matrix { get; set; } = [];

    public Dictionary<string, List<string>> Groups { get; set; } = [];

    public List<string>? MaybeTags { get; set; }

    public HashSet<string>? MaybeLabels { get; set; }
}

namespace EFCore.DynamoDb.FunctionalTests.Collections;

/// <summary>The seeded baskets (owner <see cref="Owner" />), created anew for each use so tests can change them.</summary>
public static class BasketSeed
{
    /// <summary>The partition of the seeded baskets; tests write theirs under other owners.</summary>
    public const string Owner = "seed";

    /// <summary>A tag only seeded baskets carry, for the Scan test.</summary>
    public const string RareTag = "rare";

    /// <summary>Every seeded basket.</summary>
    public static List<Basket> Create() => [Full(), Empty(), ThreeTags(), One(), Rare()];

    /// <summary>A basket with every collection filled.</summary>
    public static Basket Full(string owner = Owner, string id = "full") => new()
    {
        Owner = owner,
        Id = id,
        Tags = ["red", "green", "red"],
        Codes = ["z", "a"],
        Numbers = new List<int> { 3, -1, 2 },
        Prices = [1.25m, 0.1m],
        Notes = ["first", null, "third"],
        Labels = ["new", "sale"],
        Scores = new HashSet<int> { 5, 10 },
        Weights = new HashSet<decimal> { 2.25m, 100m },
        Colors = [Color.Red, Color.Blue],
        Blobs = [[1, 2], [255]],
        Counts = new() { ["apples"] = 3, ["pears"] = 0 },
        Attributes = new Dictionary<string, string> { ["size"] = "L", ["fit"] = "" },
        Ratios = new Dictionary<string, double> { ["half"] = 0.5 },
        Matrix = [[1, 2], [], [3]],
        Groups = new() { ["a"] = ["x", "y"], ["b"] = [] },
        MaybeTags = ["m"],
        MaybeLabels = ["m"],
    };

    /// <summary>A basket with every collection empty and the nullable ones null.</summary>
    public static Basket Empty(string owner = Owner, string id = "empty") => new() { Owner = owner, Id = id };

    private static Basket ThreeTags() => new()
    {
        Owner = Owner,
        Id = "three-tags",
        Tags = ["a", "b", "c"],
        Codes = ["x"],
        Numbers = new List<int> { 2 },
        Labels = ["sale"],
        Scores = new HashSet<int> { 1, 2, 3 },
        Weights = new HashSet<decimal> { 2.25m },
        Colors = [Color.Green],
        Counts = new() { ["plums"] = 1 },
    };

    private static Basket One() => new()
    {
        Owner = Owner,
        Id = "one",
        Tags = ["x"],
        Codes = ["x", "y"],
        Labels = ["x", "y", "z"],
        Scores = new HashSet<int> { 5 },
        Colors = [Color.Blue, Color.Green],
        Blobs = [[1, 2]],
    };

    private static Basket Rare() => new()
    {
        Owner = Owner,
        Id = "rare",
        Tags = [RareTag, "red", "blue"],
        Labels = [RareTag],
        Scores = new HashSet<int> { -5 },
    };
}

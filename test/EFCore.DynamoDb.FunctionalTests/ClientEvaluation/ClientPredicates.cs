using System.Linq.Expressions;

namespace EFCore.DynamoDb.FunctionalTests.ClientEvaluation;

/// <summary>
/// Predicates DynamoDB cannot express (wholly or in part), by name: the predicate, what LINQ-to-Objects computes for
/// it (the predicate itself, unless C# would throw on a null that EF propagates), the operation it must become,
/// and the attributes the FilterExpression must test (the translatable part; none when everything else is on the
/// client).
/// </summary>
public static class ClientPredicates
{
    public sealed record Case(Expression<Func<Post, bool>> Predicate, Func<Post, bool>? Expected, string Operation, string[] Filtered);

    // Declared before All, whose predicates read it.
    private static readonly string[] ViewNames = ["zero", "one", "two"];

    public static readonly Dictionary<string, Case> All = new()
    {
        ["ToUpper on a partition"] = new(p => p.Blog == "alpha" && p.Title!.ToUpper() == "HELLO WORLD", p => p.Blog == "alpha" && p.Title?.ToUpper() == "HELLO WORLD", "Query", []),
        ["ToLower, not equal, null propagated"] = new(p => p.Blog == "beta" && p.Title!.ToLower() != "hello", p => p.Blog == "beta" && p.Title?.ToLower() != "hello", "Query", []),
        ["Trim with a translatable filter"] = new(p => p.Blog == "beta" && p.Views > 5 && p.Title!.Trim() == "padded", p => p.Blog == "beta" && p.Views > 5 && p.Title?.Trim() == "padded", "Query", ["Views"]),
        ["TrimStart and TrimEnd"] = new(p => p.Title != null && p.Title.TrimStart().TrimEnd() == "padded", null, "Scan", ["Title"]),
        ["Substring"] = new(p => p.Title != null && p.Title.Length >= 3 && p.Title.Substring(1, 2) == "el", null, "Scan", ["Title"]),
        ["IndexOf"] = new(p => p.Title != null && p.Title.IndexOf("o") == 4, null, "Scan", ["Title"]),
        ["EndsWith"] = new(p => p.Blog == "gamma" && p.Title!.EndsWith("World"), p => p.Blog == "gamma" && p.Title != null && p.Title.EndsWith("World"), "Query", []),
        ["Replace"] = new(p => p.Title!.Replace(" ", "").ToLower() == "helloworld", p => p.Title?.Replace(" ", "").ToLower() == "helloworld", "Scan", []),
        ["Equals ignoring case"] = new(p => p.Blog != PostSeed.BigBlog && string.Equals(p.Title, "hello world", StringComparison.OrdinalIgnoreCase), null, "Scan", ["Blog"]),
        ["Concatenation"] = new(p => p.Blog + "/" + p.Title == "alpha/Zebra", null, "Scan", []),
        ["Math.Abs"] = new(p => p.Blog != PostSeed.BigBlog && Math.Abs(p.Views - 20) < 5, null, "Scan", ["Blog"]),
        ["Math.Floor"] = new(p => Math.Floor(p.Rating) == 3, null, "Scan", []),
        ["Date member"] = new(p => p.Blog == "alpha" && p.PublishedAt.Month == 3, null, "Query", []),
        ["Date AddDays"] = new(p => p.Blog == "beta" && p.PublishedAt.AddDays(30) > new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc), null, "Query", []),
        ["Arithmetic"] = new(p => p.Blog == "gamma" && p.Views * 2 + 1 > 50, null, "Query", []),
        ["Decimal arithmetic"] = new(p => p.Blog != PostSeed.BigBlog && p.Price * 2 > 20m, null, "Scan", ["Blog"]),
        ["Nullable arithmetic"] = new(p => p.Likes + 1 > 20, p => p.Likes is { } likes && likes + 1 > 20, "Scan", []),
        ["Two attributes"] = new(p => p.Blog == "alpha" && p.Views > p.Likes, p => p.Blog == "alpha" && p.Likes is { } likes && p.Views > likes, "Query", []),
        ["Bitwise"] = new(p => p.Blog != PostSeed.BigBlog && (p.Flags & 2) == 2, null, "Scan", ["Blog"]),
        ["Convert"] = new(p => Convert.ToString(p.Views) == "14", null, "Scan", []),
        ["ToString"] = new(p => p.Views.ToString() == "21", null, "Scan", []),
        ["Primitive collection Any"] = new(p => p.Blog == "alpha" && p.Tags.Any(t => t.StartsWith("ef")), null, "Query", []),
        ["Primitive collection Count with a predicate"] = new(p => p.Tags.Count(t => t.Length > 3) >= 1, null, "Scan", []),
        ["Primitive collection All, which EF rewrites to a translatable NOT contains"] = new(p => p.Blog == "beta" && p.Tags.All(t => t != "sql"), null, "Query", ["Tags"]),
        ["Primitive collection All"] = new(p => p.Blog == "beta" && p.Tags.All(t => t.Length > 2), null, "Query", []),
        ["OR with one untranslatable side"] = new(p => p.Blog == "gamma" && (p.Views < 10 || p.Title!.ToLower() == "zebra"), p => p.Blog == "gamma" && (p.Views < 10 || p.Title?.ToLower() == "zebra"), "Query", []),
        ["NOT of an untranslatable part"] = new(p => p.Blog == "alpha" && !p.Title!.ToUpper().Contains("O"), p => p.Blog == "alpha" && !(p.Title?.ToUpper().Contains("O") ?? false), "Query", []),
        ["Whole key with a residual"] = new(p => p.Blog == "alpha" && p.Number == 4 && p.Title!.ToUpper() == "ZEBRA", p => p.Blog == "alpha" && p.Number == 4 && p.Title?.ToUpper() == "ZEBRA", "GetItem", []),
        ["Sort key range with a residual"] = new(p => p.Blog == "beta" && p.Number >= 3 && p.Title!.Length + p.Views > 10, p => p.Blog == "beta" && p.Number >= 3 && p.Title != null && p.Title.Length + p.Views > 10, "Query", []),
        ["Element past the end of a list is null"] = new(p => p.Tags[1].ToUpper() == "DYNAMO", p => p.Tags.Count > 1 && p.Tags[1].ToUpper() == "DYNAMO", "Scan", []),
        ["Array element at an attribute's index, past the end for most"] = new(p => ViewNames[p.Views] == "two", p => p.Views < ViewNames.Length && ViewNames[p.Views] == "two", "Scan", []),
    };
}

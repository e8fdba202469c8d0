namespace EFCore.DynamoDb.FunctionalTests.ClientEvaluation;

/// <summary>
/// The posts of the client-evaluation tests: three small blogs with varied titles (null included), numbers, dates and
/// tags, and <see cref="BigBlog" />, whose posts are large enough that a Query of it reads several 1 MB pages and
/// only a few of which are titled "keep".
/// </summary>
public static class PostSeed
{
    /// <summary>The blog whose posts span several pages.</summary>
    public const string BigBlog = "big";

    /// <summary>The posts of <see cref="BigBlog" />.</summary>
    public const int BigPosts = 40;

    /// <summary>The numbers of the posts of <see cref="BigBlog" /> titled "keep" (in varying case).</summary>
    public static readonly int[] Kept = [3, 17, 25, 38];

    private static readonly string?[] Titles = ["Hello World", null, "  padded  ", "hello", "Zebra", "Óscar's post", "World of EF", "ab", "Dynamo", "ZEBRA crossing", "mixed Case", "hello world"];

    private static readonly string[][] TagSets = [["ef", "dynamo"], [], ["sql"], ["ef-core", "linq", "aws"], ["dynamo"], ["efx", "ef"]];

    /// <summary>Every post, as stored.</summary>
    public static List<Post> Create()
    {
        var posts = new List<Post>();
        foreach (var (blog, offset) in new[] { ("alpha", 0), ("beta", 5), ("gamma", 9) })
        {
            for (var n = 1; n <= 12; n++)
            {
                var i = n + offset;
                posts.Add(new Post
                {
                    Blog = blog,
                    Number = n,
                    Title = Titles[i % Titles.Length],
                    Views = i * 7 % 50,
                    Likes = i % 3 == 0 ? null : i * 2,
                    Rating = i * 0.75,
                    Price = i * 1.25m,
                    Flags = i % 8,
                    PublishedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i * 13).AddHours(i),
                    Tags = [.. TagSets[i % TagSets.Length]],
                });
            }
        }

        for (var n = 1; n <= BigPosts; n++)
        {
            posts.Add(new Post
            {
                Blog = BigBlog,
                Number = n,
                Title = Kept.Contains(n) ? (n % 2 == 0 ? "Keep" : "KEEP") : "skip",
                Views = n,
                PublishedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(n),
                Padding = new string((char)('a' + n % 26), 60_000),
            });
        }

        return posts;
    }
}

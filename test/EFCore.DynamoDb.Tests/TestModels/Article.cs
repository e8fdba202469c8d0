namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>An article of a blog: partition key Blog, sort key Slug; primitive collections for client-evaluated subqueries.</summary>
public class Article
{
    public string Blog { get; set; } = "";

    public string Slug { get; set; } = "";

    public string? Title { get; set; }

    public int Views { get; set; }

    public int? Likes { get; set; }

    public DateTime PublishedAt { get; set; }

    public List<string> Tags { get; set; } = [];

    public int[] Scores { get; set; } = [];
}

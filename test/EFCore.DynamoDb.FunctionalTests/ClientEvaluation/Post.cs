namespace EFCore.DynamoDb.FunctionalTests.ClientEvaluation;

/// <summary>A blog post: partition key Blog, sort key Number; values chosen for predicates DynamoDB cannot express.</summary>
public class Post
{
    public string Blog { get; set; } = "";

    public int Number { get; set; }

    public string? Title { get; set; }

    public int Views { get; set; }

    public int? Likes { get; set; }

    public double Rating { get; set; }

    public decimal Price { get; set; }

    public int Flags { get; set; }

    public DateTime PublishedAt { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>Filler that makes the posts of <see cref="PostSeed.BigBlog" /> span several 1 MB pages.</summary>
    public string? Padding { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Blog}/{Number}";
}

namespace EFCore.DynamoDb.FunctionalTests.CascadeDelete;

/// <summary>The principal of every relationship of the cascade-delete model.</summary>
public class Author
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public List<Book> Books { get; set; } = [];

    public List<Fan> Fans { get; set; } = [];

    public List<Award> Awards { get; set; } = [];
}

/// <summary>A required dependent (cascade), with a unique index and a row version, and dependents of its own.</summary>
public class Book
{
    public string Id { get; set; } = "";

    public string AuthorId { get; set; } = "";

    public string Isbn { get; set; } = "";

    public long Version { get; set; }

    public List<Chapter> Chapters { get; set; } = [];
}

/// <summary>The second level: a required dependent of a book (cascade).</summary>
public class Chapter
{
    public string Id { get; set; } = "";

    public string BookId { get; set; } = "";

    public int Number { get; set; }
}

/// <summary>An optional dependent whose relationship sets the foreign key to null on delete.</summary>
public class Fan
{
    public string Id { get; set; } = "";

    public string? AuthorId { get; set; }
}

/// <summary>An optional dependent whose relationship restricts the principal's delete.</summary>
public class Award
{
    public string Id { get; set; } = "";

    public string? AuthorId { get; set; }
}

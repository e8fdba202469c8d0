using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Keyless;

/// <summary>Four books.</summary>
public sealed class LibraryFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<LibraryContext>(server)
{
    /// <summary>The seeded books.</summary>
    public static IReadOnlyList<Book> Data { get; } =
    [
        new() { Isbn = "1", Title = "Dune", Author = "Herbert", Pages = 412 },
        new() { Isbn = "2", Title = "Emma", Author = "Austen", Pages = 474 },
        new() { Isbn = "3", Title = "Ulysses", Pages = 730 },
        new() { Isbn = "4", Title = "Beloved", Author = "Morrison", Pages = 324 },
    ];

    /// <inheritdoc />
    protected override async Task SeedAsync(LibraryContext context)
    {
        context.Books.AddRange(Data.Select(b => new Book { Isbn = b.Isbn, Title = b.Title, Author = b.Author, Pages = b.Pages }));
        await context.SaveChangesAsync();
    }
}

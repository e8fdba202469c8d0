using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// Five documents of 300 KB in the partition "big" (1.5 MB: more than one 1 MB Query or Scan page), only the
/// last one flagged, and one small flagged document in the partition "small".
/// </summary>
public sealed class PagingFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<OrdersContext>(server)
{
    /// <summary>The number of large documents.</summary>
    public const int LargeDocuments = 5;

    /// <inheritdoc />
    protected override async Task SeedAsync(OrdersContext context)
    {
        context.Documents.AddRange(Enumerable.Range(1, LargeDocuments).Select(i => new Document
        {
            Folder = "big",
            Sequence = i,
            Payload = new string((char)('a' + i), 300_000),
            Flag = i == LargeDocuments,
        }));
        context.Documents.Add(new Document { Folder = "small", Sequence = 1, Payload = "tiny", Flag = true });
        await context.SaveChangesAsync();
    }
}

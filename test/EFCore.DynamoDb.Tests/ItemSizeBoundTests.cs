using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// <see cref="ItemSizeBound" />: the bound an update uses to skip building the whole item for the 400 KB check is never
/// below the item's exact size, and is unknown where it cannot be had cheaply, so the exact check still runs.
/// </summary>
public sealed class ItemSizeBoundTests
{
    private static IUpdateEntry EntryOf(DbContext db, object entity) => (IUpdateEntry)db.Attach(entity).GetInfrastructure();

    [Fact]
    public void The_bound_of_scalar_entities_is_at_least_the_exact_size_of_their_item()
    {
        using var db = TestContexts.Shop();
        var factory = db.GetService<DynamoDbWriteCommandFactory>();
        object[] entities =
        [
            new Product { Id = 12345, Name = "Ünïcødé name €", Status = "active", Date = new DateOnly(2024, 5, 1), Stock = -42 },
            new Product { Id = 1, Name = "" },
            new Order { CustomerId = "c1", OrderId = "2024-001", Total = 1234567.891m, Status = OrderStatus.Shipped, Note = new string('n', 1000) },
        ];

        Assert.All(entities, entity =>
        {
            var entry = EntryOf(db, entity);
            Assert.InRange(DynamoDbItemSize.Of(factory.CreatePutItem(entry)), 0, ItemSizeBound.Of(entry)!.Value);
        });
    }

    [Fact]
    public void A_long_string_makes_the_bound_exceed_the_limit_so_the_exact_size_is_measured()
    {
        using var db = TestContexts.Shop();
        var entry = EntryOf(db, new Product { Id = 1, Name = new string('x', 150_000) });

        Assert.True(ItemSizeBound.Of(entry) > DynamoDbItemSize.MaxItemBytes);
    }
}

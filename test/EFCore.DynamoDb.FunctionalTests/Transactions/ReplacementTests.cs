using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>
/// An entity added in place of a deleted one with the same key (Remove, then Add, in one save) replaces its item: one
/// PutItem conditioned on the item still existing as the deleted entity was read, never a duplicate-key error.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ReplacementTests(TransactionsFixture fixture) : IClassFixture<TransactionsFixture>
{
    [Fact]
    public async Task Removing_an_entity_and_adding_another_with_its_key_replaces_the_whole_item()
    {
        await fixture.PutRawWarehouseAsync("replace-1", open: true, capacity: 10, revision: 1);
        var log = new RequestLog();
        await using var context = fixture.CreateLoggedContext(log);
        var old = await context.Warehouses.SingleAsync(w => w.Id == "replace-1");
        log.Clear();
        context.Warehouses.Remove(old);
        var replacement = new Warehouse { Id = "replace-1", Open = false, Capacity = 99, Revision = 7 };
        context.Warehouses.Add(replacement);

        await context.SaveChangesAsync();

        Assert.Equal(["PutItem"], log.Operations);
        var item = (await fixture.RawWarehouseAsync("replace-1"))!;
        Assert.False(item["Open"].BOOL);
        Assert.Equal("99", item["Capacity"].N);
        Assert.Equal("7", item["Revision"].N);
        Assert.Equal(EntityState.Unchanged, context.Entry(replacement).State);
        Assert.Equal(EntityState.Detached, context.Entry(old).State);
    }

    [Fact]
    public async Task Replacing_an_item_deleted_behind_EFs_back_throws_DbUpdateConcurrencyException_and_does_not_recreate_it()
    {
        await fixture.PutRawWarehouseAsync("replace-gone", open: true);
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        var old = await context.Warehouses.SingleAsync(w => w.Id == "replace-gone");
        await fixture.RawClient.DeleteItemAsync(fixture.TableName("Warehouses"), new() { ["Id"] = Attr.S("replace-gone") });
        context.Warehouses.Remove(old);
        var replacement = new Warehouse { Id = "replace-gone", Capacity = 99, Revision = 2 };
        context.Warehouses.Add(replacement);

        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.ItemMissing("Warehouse", "{Id: 'replace-gone'}", fixture.TableName("Warehouses"), "replacement"), exception.Message);
        Assert.Same(replacement, Assert.Single(exception.Entries).Entity);
        Assert.Null(await fixture.RawWarehouseAsync("replace-gone"));
    }

    [Fact]
    public async Task Replacing_an_item_whose_concurrency_token_changed_throws_DbUpdateConcurrencyException_and_keeps_it()
    {
        await fixture.PutRawWarehouseAsync("replace-stale", open: true, capacity: 10, revision: 1);
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        var old = await context.Warehouses.SingleAsync(w => w.Id == "replace-stale");
        await fixture.PutRawWarehouseAsync("replace-stale", open: true, capacity: 50, revision: 2);
        context.Warehouses.Remove(old);
        context.Warehouses.Add(new Warehouse { Id = "replace-stale", Capacity = 99, Revision = 3 });

        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Equal(
            DynamoDbStrings.ConcurrencyTokenChanged("Warehouse", "{Id: 'replace-stale'}", fixture.TableName("Warehouses"), "replacement", "Revision"),
            exception.Message);
        Assert.Equal("50", (await fixture.RawWarehouseAsync("replace-stale"))!["Capacity"].N);
    }

    [Fact]
    public async Task A_replacement_in_a_transaction_is_a_Put_action_conditioned_on_the_item()
    {
        await fixture.PutRawWarehouseAsync("replace-tx", open: true, revision: 1);
        var log = new RequestLog();
        await using var context = fixture.CreateLoggedContext(log);
        var old = await context.Warehouses.SingleAsync(w => w.Id == "replace-tx");
        log.Clear();
        context.Warehouses.Remove(old);
        context.Warehouses.Add(new Warehouse { Id = "replace-tx", Capacity = 42, Revision = 2 });
        context.Parcels.Add(new Parcel { Id = "replace-tx-parcel", Label = "x" });

        await context.SaveChangesAsync();

        var request = Assert.Single(log.Requests);
        Assert.Equal("TransactWriteItems", request.Operation);
        Assert.Equal("42", (await fixture.RawWarehouseAsync("replace-tx"))!["Capacity"].N);
        Assert.NotNull(await fixture.RawParcelAsync("replace-tx-parcel"));
    }
}

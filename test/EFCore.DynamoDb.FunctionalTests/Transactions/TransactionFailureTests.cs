using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>A cancelled TransactWriteItems is mapped back to exactly the entries whose actions failed; nothing is written.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class TransactionFailureTests(TransactionsFixture fixture) : IClassFixture<TransactionsFixture>
{
    [Fact]
    public async Task A_duplicate_add_and_a_stale_update_among_five_entries_are_exactly_the_entries_of_the_exception()
    {
        await fixture.PutRawParcelAsync("reasons-dup", "stored");
        await fixture.PutRawWarehouseAsync("reasons-stale", open: true, revision: 1);
        await fixture.PutRawWarehouseAsync("reasons-fresh", open: true, revision: 1);
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        var stale = await context.Warehouses.SingleAsync(w => w.Id == "reasons-stale");
        var fresh = await context.Warehouses.SingleAsync(w => w.Id == "reasons-fresh");
        // Another writer changes the stale warehouse after EF read it.
        await fixture.PutRawWarehouseAsync("reasons-stale", open: true, capacity: 50, revision: 2);
        context.Parcels.Add(new Parcel { Id = "reasons-new-1", Label = "new" });
        var duplicate = new Parcel { Id = "reasons-dup", Label = "impostor" };
        context.Parcels.Add(duplicate);
        context.Parcels.Add(new Parcel { Id = "reasons-new-2", Label = "new" });
        stale.Capacity = 11;
        stale.Revision = 2;
        fresh.Capacity = 12;
        fresh.Revision = 2;

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.IsNotType<DbUpdateConcurrencyException>(exception);
        Assert.Equal(
            new object[] { duplicate, stale }.OrderBy(e => e.GetHashCode()),
            exception.Entries.Select(e => e.Entity).OrderBy(e => e.GetHashCode()));
        Assert.Contains(DynamoDbStrings.DuplicateKey("Parcel", "{Id: 'reasons-dup'}", fixture.TableName("Parcels")), exception.Message);
        Assert.Contains(
            DynamoDbStrings.ConcurrencyTokenChanged("Warehouse", "{Id: 'reasons-stale'}", fixture.TableName("Warehouses"), "update", "Revision"),
            exception.Message);
        Assert.EndsWith(DynamoDbStrings.TransactionNothingWritten, exception.Message);
        Assert.Equal(["TransactWriteItems"], AttemptLog.Of(context));
        Assert.Null(await fixture.RawParcelAsync("reasons-new-1"));
        Assert.Null(await fixture.RawParcelAsync("reasons-new-2"));
        Assert.Equal("stored", (await fixture.RawParcelAsync("reasons-dup"))!["Label"].S);
        Assert.Equal("50", (await fixture.RawWarehouseAsync("reasons-stale"))!["Capacity"].N);
        Assert.Equal("10", (await fixture.RawWarehouseAsync("reasons-fresh"))!["Capacity"].N);
    }
}

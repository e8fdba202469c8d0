using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Concurrency;

/// <summary>
/// Optimistic concurrency: row versions the provider increments (DynamoDBContext's <c>[DynamoDBVersion]</c>),
/// concurrency tokens the application sets, contexts racing on one item, and a missing item told apart from a
/// changed one.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ConcurrencyTests(ConcurrencyFixture fixture) : IClassFixture<ConcurrencyFixture>
{
    private const string HiddenId = "{Id} (enable sensitive data logging to see the values)";

    private string Counters => fixture.TableName("Counters");

    private Task<Dictionary<string, AttributeValue>?> RawCounterAsync(string id) => fixture.GetRawItemAsync("Counters", ("Id", Attr.S(id)));

    private async Task AddCounterAsync(string id, long value = 0)
    {
        await using var context = fixture.CreateContext();
        context.Counters.Add(new Counter { Id = id, Value = value });
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task A_row_version_is_1_on_add_in_the_item_and_in_the_entity()
    {
        await using var context = fixture.CreateContext();
        var counter = new Counter { Id = "rv-add", Version = 42 };
        context.Counters.Add(counter);

        await context.SaveChangesAsync();

        Assert.Equal(1, counter.Version);
        Assert.Equal("1", (await RawCounterAsync("rv-add"))!["ver"].N);
    }

    [Fact]
    public async Task Every_update_increments_the_row_version_conditioned_on_the_original()
    {
        await AddCounterAsync("rv-update");
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var counter = await context.Counters.SingleAsync(c => c.Id == "rv-update");
        log.Clear();

        counter.Value = 5;
        await context.SaveChangesAsync();
        counter.Label = "five";
        await context.SaveChangesAsync();

        Assert.Equal(3, counter.Version);
        var item = (await RawCounterAsync("rv-update"))!;
        Assert.Equal("3", item["ver"].N);
        Assert.Equal("5", item["Value"].N);
        var first = log.Requests[0].Details();
        Assert.Contains("ver", first.ReferencedNames("UpdateExpression"));
        Assert.Contains("ver", first.ReferencedNames("ConditionExpression"));
        Assert.Contains("N:1", first.Values().Values);
        Assert.Contains("N:2", first.Values().Values);
    }

    [Fact]
    public async Task A_row_version_the_application_sets_is_ignored_and_nothing_unchanged_is_written()
    {
        await AddCounterAsync("rv-ignored");
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var counter = await context.Counters.SingleAsync(c => c.Id == "rv-ignored");
        log.Clear();

        Assert.Equal(0, await context.SaveChangesAsync());
        counter.Version = 100;
        counter.Value = 1;
        await context.SaveChangesAsync();

        Assert.Equal(["UpdateItem"], log.Operations);
        Assert.Equal(2, counter.Version);
        Assert.Equal("2", (await RawCounterAsync("rv-ignored"))!["ver"].N);
    }

    [Fact]
    public async Task Two_contexts_racing_on_one_item_one_wins_and_the_other_succeeds_after_reload()
    {
        await AddCounterAsync("race", value: 10);
        await using var first = fixture.CreateContext();
        await using var second = fixture.CreateContext();
        var firstCopy = await first.Counters.SingleAsync(c => c.Id == "race");
        var secondCopy = await second.Counters.SingleAsync(c => c.Id == "race");

        firstCopy.Value += 1;
        await first.SaveChangesAsync();
        secondCopy.Value += 5;
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        Assert.Same(secondCopy, Assert.Single(exception.Entries).Entity);
        Assert.Equal(DynamoDbStrings.ConcurrencyTokenChanged("Counter", HiddenId, Counters, "update", "Version"), exception.Message);
        Assert.Equal("11", (await RawCounterAsync("race"))!["Value"].N);

        await exception.Entries.Single().ReloadAsync();
        secondCopy.Value += 5;
        await second.SaveChangesAsync();

        var item = (await RawCounterAsync("race"))!;
        Assert.Equal("16", item["Value"].N);
        Assert.Equal("3", item["ver"].N);
    }

    [Fact]
    public async Task A_stale_delete_fails_and_keeps_the_item()
    {
        await AddCounterAsync("stale-delete");
        await using var first = fixture.CreateContext();
        await using var second = fixture.CreateContext();
        var firstCopy = await first.Counters.SingleAsync(c => c.Id == "stale-delete");
        var secondCopy = await second.Counters.SingleAsync(c => c.Id == "stale-delete");
        firstCopy.Value = 7;
        await first.SaveChangesAsync();

        second.Counters.Remove(secondCopy);
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.ConcurrencyTokenChanged("Counter", HiddenId, Counters, "delete", "Version"), exception.Message);
        Assert.Equal(EntityState.Deleted, second.Entry(secondCopy).State);
        Assert.Equal("7", (await RawCounterAsync("stale-delete"))!["Value"].N);
    }

    [Fact]
    public async Task An_update_of_an_item_deleted_behind_EFs_back_is_a_missing_item_not_a_conflict()
    {
        await AddCounterAsync("missing-update");
        await using var context = fixture.CreateContext();
        var counter = await context.Counters.SingleAsync(c => c.Id == "missing-update");
        await fixture.RawClient.DeleteItemAsync(Counters, new Dictionary<string, AttributeValue> { ["Id"] = Attr.S("missing-update") });

        counter.Value = 3;
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.ItemMissing("Counter", HiddenId, Counters, "update"), exception.Message);
        Assert.Same(counter, Assert.Single(exception.Entries).Entity);
        Assert.Null(await RawCounterAsync("missing-update"));
    }

    [Fact]
    public async Task A_delete_of_a_missing_item_is_a_missing_item()
    {
        await AddCounterAsync("missing-delete");
        await using var context = fixture.CreateContext();
        var counter = await context.Counters.SingleAsync(c => c.Id == "missing-delete");
        await fixture.RawClient.DeleteItemAsync(Counters, new Dictionary<string, AttributeValue> { ["Id"] = Attr.S("missing-delete") });

        context.Counters.Remove(counter);
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.ItemMissing("Counter", HiddenId, Counters, "delete"), exception.Message);
    }

    [Fact]
    public async Task A_transaction_with_stale_entities_names_exactly_them_and_writes_nothing()
    {
        foreach (var id in new[] { "tx-a", "tx-b", "tx-c" })
        {
            await AddCounterAsync(id);
        }

        await using var context = fixture.CreateContext();
        var counters = await context.Counters.Where(c => c.Id == "tx-a" || c.Id == "tx-b" || c.Id == "tx-c").ToListAsync();
        await using (var other = fixture.CreateContext())
        {
            foreach (var id in new[] { "tx-a", "tx-c" })
            {
                (await other.Counters.FindAsync(id))!.Value = 100;
            }

            await other.SaveChangesAsync();
        }

        counters.ForEach(c => c.Value = -1);
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Equal(["tx-a", "tx-c"], exception.Entries.Select(e => ((Counter)e.Entity).Id).Order());
        Assert.EndsWith(DynamoDbStrings.TransactionNothingWritten, exception.Message);
        Assert.Equal("0", (await RawCounterAsync("tx-b"))!["Value"].N);
        Assert.Equal("100", (await RawCounterAsync("tx-a"))!["Value"].N);
    }

    [Fact]
    public async Task Under_Never_a_stale_entity_fails_alone_and_keeps_its_changes_while_the_others_are_saved()
    {
        await AddCounterAsync("never-fresh");
        await AddCounterAsync("never-stale");
        await using var context = fixture.CreateContext();
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        var fresh = (await context.Counters.FindAsync("never-fresh"))!;
        var stale = (await context.Counters.FindAsync("never-stale"))!;
        await using (var other = fixture.CreateContext())
        {
            (await other.Counters.FindAsync("never-stale"))!.Value = 50;
            await other.SaveChangesAsync();
        }

        fresh.Value = 1;
        stale.Value = 2;
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Same(stale, Assert.Single(exception.Entries).Entity);
        Assert.EndsWith(DynamoDbStrings.IndependentWritesOutcome(1), exception.Message);
        Assert.Equal(EntityState.Unchanged, context.Entry(fresh).State);
        Assert.Equal(2, fresh.Version);
        Assert.Equal(EntityState.Modified, context.Entry(stale).State);
        Assert.Equal(1, stale.Version);
        Assert.Equal("1", (await RawCounterAsync("never-fresh"))!["Value"].N);
        Assert.Equal("50", (await RawCounterAsync("never-stale"))!["Value"].N);
    }

    [Fact]
    public async Task A_concurrency_check_attribute_conditions_the_write_on_the_original_value()
    {
        await using (var setup = fixture.CreateContext())
        {
            setup.Wallets.Add(new Wallet { Id = "wallet", Balance = 10, Stamp = "a" });
            await setup.SaveChangesAsync();
        }

        await using var first = fixture.CreateContext();
        await using var second = fixture.CreateContext();
        var firstCopy = (await first.Wallets.FindAsync("wallet"))!;
        var secondCopy = (await second.Wallets.FindAsync("wallet"))!;
        (firstCopy.Balance, firstCopy.Stamp) = (20, "b");
        await first.SaveChangesAsync();

        (secondCopy.Balance, secondCopy.Stamp) = (30, "c");
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.ConcurrencyTokenChanged("Wallet", HiddenId, fixture.TableName("Wallets"), "update", "Stamp"), exception.Message);
        Assert.Equal("20", (await fixture.GetRawItemAsync("Wallets", ("Id", Attr.S("wallet"))))!["Balance"].N);
    }

    [Fact]
    public async Task Replacing_an_entity_continues_its_row_version_and_is_conditioned_on_it()
    {
        await AddCounterAsync("replaced");
        await using (var other = fixture.CreateContext())
        {
            (await other.Counters.FindAsync("replaced"))!.Value = 1;
            await other.SaveChangesAsync();
        }

        await using var context = fixture.CreateContext();
        var original = (await context.Counters.FindAsync("replaced"))!;
        context.Counters.Remove(original);
        var replacement = new Counter { Id = "replaced", Value = 99, Label = "new" };
        context.Counters.Add(replacement);
        await context.SaveChangesAsync();

        Assert.Equal(3, replacement.Version);
        var item = (await RawCounterAsync("replaced"))!;
        Assert.Equal("3", item["ver"].N);
        Assert.Equal("99", item["Value"].N);
    }

    [Fact]
    public async Task Replacing_a_stale_entity_is_a_concurrency_conflict_and_keeps_the_item()
    {
        await AddCounterAsync("replaced-stale");
        await using var context = fixture.CreateContext();
        var original = (await context.Counters.FindAsync("replaced-stale"))!;
        await using (var other = fixture.CreateContext())
        {
            (await other.Counters.FindAsync("replaced-stale"))!.Value = 7;
            await other.SaveChangesAsync();
        }

        context.Counters.Remove(original);
        context.Counters.Add(new Counter { Id = "replaced-stale", Value = 99 });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Equal("7", (await RawCounterAsync("replaced-stale"))!["Value"].N);
    }

    [Fact]
    public async Task Eight_contexts_incrementing_one_counter_100_times_each_with_retry_end_at_exactly_800()
    {
        await AddCounterAsync("contended");

        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var context = fixture.CreateContext();
            var counter = (await context.Counters.FindAsync("contended"))!;
            for (var i = 0; i < 100; i++)
            {
                while (true)
                {
                    counter.Value++;
                    try
                    {
                        await context.SaveChangesAsync();
                        break;
                    }
                    catch (DbUpdateConcurrencyException exception)
                    {
                        Interlocked.Increment(ref conflicts);
                        await exception.Entries.Single().ReloadAsync();
                    }
                }
            }
        })));

        var item = (await RawCounterAsync("contended"))!;
        Assert.Equal("800", item["Value"].N);
        Assert.Equal("801", item["ver"].N);
        Assert.True(conflicts > 0, "The contexts never conflicted, so the test proved nothing about concurrency.");
    }

    [Fact]
    public async Task A_row_version_in_an_owned_entity_starts_at_1_and_moves_on_when_the_owned_entity_changes()
    {
        await using (var context = fixture.CreateContext())
        {
            context.Lockers.Add(new Locker { Id = "owned-rv", Lease = new LockerLease { Holder = "ann", Revision = 7 } });
            await context.SaveChangesAsync();
        }

        Assert.Equal("1", (await RawLockerAsync("owned-rv"))!["Lease"].M["Revision"].N);
        await using (var context = fixture.CreateContext())
        {
            var locker = await context.Lockers.SingleAsync(l => l.Id == "owned-rv");
            Assert.Equal(1, locker.Lease!.Revision);
            locker.Lease.Holder = "bob";
            await context.SaveChangesAsync();
            Assert.Equal(2, locker.Lease.Revision);
            locker.Label = "only the owner changed";
            await context.SaveChangesAsync();
            Assert.Equal(2, locker.Lease.Revision);
        }

        var item = (await RawLockerAsync("owned-rv"))!;
        Assert.Equal(("bob", "2"), (item["Lease"].M["Holder"].S, item["Lease"].M["Revision"].N));
    }

    [Fact]
    public async Task Two_contexts_racing_on_an_owned_entity_one_wins_and_the_other_gets_a_conflict_naming_the_owned_tokens()
    {
        await using (var context = fixture.CreateContext())
        {
            context.Lockers.Add(new Locker { Id = "owned-race", Lease = new LockerLease { Holder = "ann", Badge = "b1" } });
            await context.SaveChangesAsync();
        }

        await using var first = fixture.CreateContext();
        await using var second = fixture.CreateContext();
        var firstLocker = await first.Lockers.SingleAsync(l => l.Id == "owned-race");
        var secondLocker = await second.Lockers.SingleAsync(l => l.Id == "owned-race");
        firstLocker.Lease!.Holder = "first";
        await first.SaveChangesAsync();

        // The second context changes only the owner: the owned entity's version it read is still checked.
        secondLocker.Label = "second";
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        Assert.Contains("Lease.Revision", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Lease.Badge", exception.Message, StringComparison.Ordinal);
        Assert.Same(secondLocker, Assert.Single(exception.Entries).Entity);
        await using (var third = fixture.CreateContext())
        {
            (await third.Lockers.SingleAsync(l => l.Id == "owned-race")).Label = "second";
            await third.SaveChangesAsync();
        }

        var item = (await RawLockerAsync("owned-race"))!;
        Assert.Equal(("first", "second", "2"), (item["Lease"].M["Holder"].S, item["Label"].S, item["Lease"].M["Revision"].N));
    }

    [Fact]
    public async Task A_concurrency_token_in_an_owned_entity_conditions_the_owners_write_on_its_original_value()
    {
        await using (var context = fixture.CreateContext())
        {
            context.Lockers.Add(new Locker { Id = "owned-token", Lease = new LockerLease { Holder = "ann", Badge = "b1" } });
            await context.SaveChangesAsync();
        }

        await fixture.RawClient.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = fixture.TableName("Lockers"),
            Key = new() { ["Id"] = Attr.S("owned-token") },
            UpdateExpression = "SET Lease.Badge = :b",
            ExpressionAttributeValues = new() { [":b"] = Attr.S("b2") },
        });

        await using var stale = fixture.CreateContext();
        var locker = await stale.Lockers.AsNoTracking().SingleAsync(l => l.Id == "owned-token");
        locker.Lease!.Badge = "b1";
        stale.Attach(locker);
        locker.Label = "stale";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        Assert.False((await RawLockerAsync("owned-token"))!.ContainsKey("Label"));
    }

    private Task<Dictionary<string, AttributeValue>?> RawLockerAsync(string id) => fixture.GetRawItemAsync("Lockers", ("Id", Attr.S(id)));
}

using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.FunctionalTests.SaveChanges;

/// <summary>SaveChangesAsync: conditional PutItem / UpdateItem / DeleteItem, transactions, concurrency, checked raw.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class SaveChangesTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Adding_an_entity_writes_its_item_with_one_PutItem()
    {
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            context.Customers.Add(new Customer { Id = "add-1", Name = "Ada", Email = "ada@example.com", Visits = 3 });
            Assert.Equal(1, await context.SaveChangesAsync());
        }

        Assert.Equal(["PutItem"], log.Operations);
        var item = await RawCustomerAsync("add-1");
        Assert.NotNull(item);
        Assert.Equal("Ada", item["Name"].S);
        Assert.Equal("ada@example.com", item["Email"].S);
        Assert.Equal("3", item["Visits"].N);
    }

    [Fact]
    public async Task An_added_entity_is_found_by_a_new_context()
    {
        await AddCustomerAsync(new Customer { Id = "find-1", Name = "Grace", Visits = 1 });

        await using var context = fixture.CreateContext();
        var customer = await context.Customers.FindAsync("find-1");

        Assert.NotNull(customer);
        Assert.Equal("Grace", customer.Name);
        Assert.Null(customer.Email);
        Assert.Equal(1, customer.Visits);
    }

    [Fact]
    public async Task Saved_entities_become_Unchanged_and_saving_again_sends_nothing()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var customer = new Customer { Id = "unchanged-1", Name = "Alan" };
        context.Customers.Add(customer);
        await context.SaveChangesAsync();
        log.Clear();

        Assert.Equal(EntityState.Unchanged, context.Entry(customer).State);
        Assert.Equal(0, await context.SaveChangesAsync());
        Assert.Empty(log.Operations);
    }

    [Fact]
    public async Task Modifying_a_property_updates_only_that_attribute()
    {
        await AddCustomerAsync(new Customer { Id = "update-1", Name = "Old name", Email = "old@example.com", Visits = 1 });
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var customer = await context.Customers.SingleAsync(c => c.Id == "update-1");
        // Another writer changes two other attributes after EF read the item.
        await fixture.RawClient.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = fixture.TableName("Customers"),
            Key = new() { ["Id"] = Attr.S("update-1") },
            UpdateExpression = "SET Visits = :v, Email = :e",
            ExpressionAttributeValues = new() { [":v"] = Attr.N(99), [":e"] = Attr.S("raw@example.com") },
        });
        log.Clear();

        customer.Name = "New name";
        await context.SaveChangesAsync();

        Assert.Equal(["UpdateItem"], log.Operations);
        var item = await RawCustomerAsync("update-1");
        Assert.Equal("New name", item!["Name"].S);
        Assert.Equal("99", item["Visits"].N);
        Assert.Equal("raw@example.com", item["Email"].S);
    }

    [Fact]
    public async Task UpdateItem_names_only_the_changed_attributes()
    {
        await AddCustomerAsync(new Customer { Id = "update-2", Name = "Name", Email = "e@example.com", Visits = 1 });
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var customer = await context.Customers.SingleAsync(c => c.Id == "update-2");
        log.Clear();

        customer.Visits = 2;
        await context.SaveChangesAsync();

        var request = Assert.Single(log.Requests);
        Assert.Equal("UpdateItem", request.Operation);
        using var details = JsonDocument.Parse(request.RequestDetails!);
        var names = details.RootElement.GetProperty("ExpressionAttributeNames").EnumerateObject().Select(p => p.Value.GetString()).ToList();
        Assert.Contains("Visits", names);
        Assert.DoesNotContain("Name", names);
        Assert.DoesNotContain("Email", names);
        Assert.StartsWith("SET ", details.RootElement.GetProperty("UpdateExpression").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_a_nullable_property_to_null_removes_the_attribute()
    {
        await AddCustomerAsync(new Customer { Id = "null-1", Name = "Name", Email = "e@example.com" });
        await using (var context = fixture.CreateContext())
        {
            var customer = await context.Customers.SingleAsync(c => c.Id == "null-1");
            customer.Email = null;
            await context.SaveChangesAsync();
        }

        var item = await RawCustomerAsync("null-1");
        Assert.NotNull(item);
        Assert.False(item.ContainsKey("Email"));
        Assert.Equal("Name", item["Name"].S);
    }

    [Fact]
    public async Task Setting_a_null_property_to_a_value_adds_the_attribute()
    {
        await AddCustomerAsync(new Customer { Id = "null-2", Name = "Name" });
        await using (var context = fixture.CreateContext())
        {
            var customer = await context.Customers.SingleAsync(c => c.Id == "null-2");
            customer.Email = "now@example.com";
            await context.SaveChangesAsync();
        }

        Assert.Equal("now@example.com", (await RawCustomerAsync("null-2"))!["Email"].S);
    }

    [Fact]
    public async Task Removing_an_entity_deletes_its_item_with_one_DeleteItem()
    {
        await AddCustomerAsync(new Customer { Id = "delete-1", Name = "Name" });
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            var customer = await context.Customers.SingleAsync(c => c.Id == "delete-1");
            log.Clear();
            context.Customers.Remove(customer);
            await context.SaveChangesAsync();
        }

        Assert.Equal(["DeleteItem"], log.Operations);
        Assert.Null(await RawCustomerAsync("delete-1"));
    }

    [Fact]
    public async Task Entities_with_a_sort_key_are_added_updated_and_deleted_by_their_whole_key()
    {
        await using (var context = fixture.CreateContext())
        {
            context.Bookings.AddRange(
                new Booking { Venue = "hall", Slot = "09:00", Guest = "Ada" },
                new Booking { Venue = "hall", Slot = "10:00", Guest = "Alan" });
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var nine = await context.Bookings.FindAsync("hall", "09:00");
            var ten = await context.Bookings.FindAsync("hall", "10:00");
            nine!.Guest = "Grace";
            context.Bookings.Remove(ten!);
            await context.SaveChangesAsync();
        }

        var nineItem = await fixture.GetRawItemAsync("Bookings", ("Venue", Attr.S("hall")), ("Slot", Attr.S("09:00")));
        var tenItem = await fixture.GetRawItemAsync("Bookings", ("Venue", Attr.S("hall")), ("Slot", Attr.S("10:00")));
        Assert.Equal("Grace", nineItem!["Guest"].S);
        Assert.Null(tenItem);
    }

    [Fact]
    public async Task Renamed_key_and_value_attributes_are_written_read_and_updated_by_their_attribute_names()
    {
        var tenant = Guid.NewGuid();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var context = fixture.CreateContext())
        {
            context.Ledger.AddRange(Enumerable.Range(0, 4).Select(i => new LedgerEntry { Tenant = tenant, At = start.AddDays(i), Amount = i * 10m }));
            await context.SaveChangesAsync();
        }

        var item = await fixture.GetRawItemAsync("Ledger", ("PK", Attr.S(tenant.ToString())), ("SK", Attr.S("2024-01-03T00:00:00.0000000Z")));
        Assert.NotNull(item);
        Assert.Equal(["PK", "SK", "amt"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("20", item["amt"].N);

        await using (var context = fixture.CreateContext())
        {
            var found = await context.Ledger.FindAsync(tenant, start.AddDays(1));
            var later = await context.Ledger.Where(e => e.Tenant == tenant && e.At > start.AddDays(1)).ToListAsync();
            found!.Amount = 15m;
            await context.SaveChangesAsync();

            Assert.Equal([start.AddDays(2), start.AddDays(3)], later.Select(e => e.At));
        }

        var updated = await fixture.GetRawItemAsync("Ledger", ("PK", Attr.S(tenant.ToString())), ("SK", Attr.S("2024-01-02T00:00:00.0000000Z")));
        Assert.Equal("15", updated!["amt"].N);
    }

    [Fact]
    public async Task FindAsync_follows_each_contexts_tracking_behavior_whichever_context_found_first()
    {
        await AddCustomerAsync(new Customer { Id = "find-tracking", Name = "Tracy" });

        foreach (var behavior in new[] { QueryTrackingBehavior.NoTracking, QueryTrackingBehavior.TrackAll, QueryTrackingBehavior.NoTracking })
        {
            await using var context = fixture.CreateContext();
            context.ChangeTracker.QueryTrackingBehavior = behavior;

            var customer = await context.Customers.FindAsync("find-tracking");

            Assert.Equal(behavior == QueryTrackingBehavior.TrackAll ? EntityState.Unchanged : EntityState.Detached, context.Entry(customer!).State);
        }
    }

    [Fact]
    public async Task FindAsync_with_Guid_and_DateTime_key_values_sends_one_GetItem()
    {
        var tenant = Guid.NewGuid();
        var at = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        await using (var context = fixture.CreateContext())
        {
            context.Ledger.Add(new LedgerEntry { Tenant = tenant, At = at, Amount = 12.5m });
            await context.SaveChangesAsync();
        }

        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            var entry = await context.Ledger.FindAsync(tenant, at);

            Assert.Equal(12.5m, entry?.Amount);
        }

        Assert.Equal(["GetItem"], log.Operations);
    }

    [Fact]
    public async Task Adding_a_duplicate_key_throws_DbUpdateException_naming_the_entity_type_and_keeps_the_stored_item()
    {
        await AddCustomerAsync(new Customer { Id = "dup-1", Name = "Original" });
        await using var context = fixture.CreateContext();
        var duplicate = new Customer { Id = "dup-1", Name = "Impostor" };
        context.Customers.Add(duplicate);

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.IsNotType<DbUpdateConcurrencyException>(exception);
        Assert.Contains("'Customer'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(fixture.TableName("Customers"), exception.Message, StringComparison.Ordinal);
        Assert.Same(duplicate, Assert.Single(exception.Entries).Entity);
        Assert.Equal("Original", (await RawCustomerAsync("dup-1"))!["Name"].S);
    }

    [Fact]
    public async Task Duplicate_key_message_shows_the_key_value_with_sensitive_data_logging()
    {
        await AddCustomerAsync(new Customer { Id = "dup-2", Name = "Original" });
        await using var context = fixture.CreateContext(configure: o => o.EnableSensitiveDataLogging());
        context.Customers.Add(new Customer { Id = "dup-2", Name = "Impostor" });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Contains("dup-2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updating_an_item_deleted_behind_EFs_back_throws_DbUpdateConcurrencyException_and_does_not_recreate_it()
    {
        await AddCustomerAsync(new Customer { Id = "gone-1", Name = "Name" });
        await using var context = fixture.CreateContext();
        var customer = await context.Customers.SingleAsync(c => c.Id == "gone-1");
        await fixture.RawClient.DeleteItemAsync(fixture.TableName("Customers"), new() { ["Id"] = Attr.S("gone-1") });

        customer.Name = "Changed";
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Same(customer, Assert.Single(exception.Entries).Entity);
        Assert.Contains("'Customer'", exception.Message, StringComparison.Ordinal);
        Assert.Null(await RawCustomerAsync("gone-1"));
    }

    [Fact]
    public async Task Deleting_a_missing_item_throws_DbUpdateConcurrencyException()
    {
        await using var context = fixture.CreateContext();
        var ghost = new Customer { Id = "never-written", Name = "Ghost" };
        context.Customers.Attach(ghost);
        context.Customers.Remove(ghost);

        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Same(ghost, Assert.Single(exception.Entries).Entity);
    }

    [Fact]
    public async Task Saving_several_entities_sends_one_TransactWriteItems()
    {
        await AddCustomerAsync(new Customer { Id = "tx-existing", Name = "Existing" });
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            var existing = await context.Customers.SingleAsync(c => c.Id == "tx-existing");
            log.Clear();
            existing.Visits = 5;
            context.Customers.Add(new Customer { Id = "tx-new", Name = "New" });
            context.Bookings.Add(new Booking { Venue = "tx", Slot = "1", Guest = "New" });

            Assert.Equal(3, await context.SaveChangesAsync());
        }

        Assert.Equal(["TransactWriteItems"], log.Operations);
        Assert.Equal("5", (await RawCustomerAsync("tx-existing"))!["Visits"].N);
        Assert.NotNull(await RawCustomerAsync("tx-new"));
        Assert.NotNull(await fixture.GetRawItemAsync("Bookings", ("Venue", Attr.S("tx")), ("Slot", Attr.S("1"))));
    }

    [Fact]
    public async Task A_duplicate_in_a_multi_entity_save_writes_none_of_the_entities()
    {
        await AddCustomerAsync(new Customer { Id = "atomic-dup", Name = "Original", Visits = 1 });
        await AddCustomerAsync(new Customer { Id = "atomic-other", Name = "Other", Visits = 1 });
        await using var context = fixture.CreateContext();
        var other = await context.Customers.SingleAsync(c => c.Id == "atomic-other");
        other.Visits = 2;
        context.Customers.Add(new Customer { Id = "atomic-new", Name = "New" });
        var duplicate = new Customer { Id = "atomic-dup", Name = "Impostor" };
        context.Customers.Add(duplicate);
        context.Bookings.Add(new Booking { Venue = "atomic", Slot = "1", Guest = "New" });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Same(duplicate, Assert.Single(exception.Entries).Entity);
        Assert.Null(await RawCustomerAsync("atomic-new"));
        Assert.Null(await fixture.GetRawItemAsync("Bookings", ("Venue", Attr.S("atomic")), ("Slot", Attr.S("1"))));
        Assert.Equal("1", (await RawCustomerAsync("atomic-other"))!["Visits"].N);
        Assert.Equal("Original", (await RawCustomerAsync("atomic-dup"))!["Name"].S);
    }

    [Fact]
    public async Task A_missing_item_in_a_multi_entity_save_throws_DbUpdateConcurrencyException_for_it_and_writes_nothing()
    {
        await AddCustomerAsync(new Customer { Id = "atomic-gone", Name = "Gone" });
        await using var context = fixture.CreateContext();
        var gone = await context.Customers.SingleAsync(c => c.Id == "atomic-gone");
        await fixture.RawClient.DeleteItemAsync(fixture.TableName("Customers"), new() { ["Id"] = Attr.S("atomic-gone") });
        gone.Name = "Changed";
        context.Customers.Add(new Customer { Id = "atomic-added", Name = "Added" });

        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Same(gone, Assert.Single(exception.Entries).Entity);
        Assert.Null(await RawCustomerAsync("atomic-added"));
        Assert.Null(await RawCustomerAsync("atomic-gone"));
    }

    [Fact]
    public async Task Saving_more_than_100_entities_throws_before_sending_anything()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        context.Customers.AddRange(Enumerable.Range(0, 101).Select(i => new Customer { Id = $"bulk-{i}", Name = "Bulk" }));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Contains("AutoTransactionBehavior.Never", exception.Message, StringComparison.Ordinal);
        Assert.Contains("BatchPutAsync", exception.Message, StringComparison.Ordinal);
        Assert.Contains("101", exception.Message, StringComparison.Ordinal);
        Assert.Empty(log.Operations);
        Assert.Null(await RawCustomerAsync("bulk-0"));
    }

    [Fact]
    public async Task Saving_100_entities_is_one_transaction()
    {
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            context.Customers.AddRange(Enumerable.Range(0, 100).Select(i => new Customer { Id = $"hundred-{i}", Name = "Bulk" }));
            Assert.Equal(100, await context.SaveChangesAsync());
        }

        Assert.Equal(["TransactWriteItems"], log.Operations);
        Assert.NotNull(await RawCustomerAsync("hundred-0"));
        Assert.NotNull(await RawCustomerAsync("hundred-99"));
    }

    [Fact]
    public async Task AutoTransactionBehavior_Never_writes_each_entity_with_its_own_request()
    {
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            context.Customers.AddRange(Enumerable.Range(0, 101).Select(i => new Customer { Id = $"never-{i}", Name = "Bulk" }));

            Assert.Equal(101, await context.SaveChangesAsync());
        }

        Assert.Equal(Enumerable.Repeat("PutItem", 101), log.Operations);
        Assert.NotNull(await RawCustomerAsync("never-0"));
        Assert.NotNull(await RawCustomerAsync("never-100"));
    }

    [Fact]
    public async Task Concurrency_token_conflict_between_two_contexts_throws_DbUpdateConcurrencyException_and_keeps_the_first_write()
    {
        await using (var setup = fixture.CreateContext())
        {
            setup.Accounts.Add(new Account { Id = "acc-1", Balance = 100m, Version = 1 });
            await setup.SaveChangesAsync();
        }

        await using var first = fixture.CreateContext();
        await using var second = fixture.CreateContext();
        var firstCopy = await first.Accounts.SingleAsync(a => a.Id == "acc-1");
        var secondCopy = await second.Accounts.SingleAsync(a => a.Id == "acc-1");

        firstCopy.Balance = 150m;
        firstCopy.Version = 2;
        await first.SaveChangesAsync();

        secondCopy.Balance = 10m;
        secondCopy.Version = 2;
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        Assert.Same(secondCopy, Assert.Single(exception.Entries).Entity);
        var item = await fixture.GetRawItemAsync("Accounts", ("Id", Attr.S("acc-1")));
        Assert.Equal("150", item!["Balance"].N);
        Assert.Equal("2", item["Version"].N);
    }

    [Fact]
    public async Task Concurrency_token_is_checked_against_its_original_value()
    {
        await using (var setup = fixture.CreateContext())
        {
            setup.Accounts.Add(new Account { Id = "acc-2", Balance = 100m, Version = 7 });
            await setup.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var account = await context.Accounts.SingleAsync(a => a.Id == "acc-2");
            account.Balance = 80m;
            account.Version = 8;
            await context.SaveChangesAsync();

            account.Balance = 60m;
            account.Version = 9;
            await context.SaveChangesAsync();
        }

        var item = await fixture.GetRawItemAsync("Accounts", ("Id", Attr.S("acc-2")));
        Assert.Equal("60", item!["Balance"].N);
        Assert.Equal("9", item["Version"].N);
    }

    [Fact]
    public async Task Concurrency_token_conflict_on_delete_throws_DbUpdateConcurrencyException_and_keeps_the_item()
    {
        await using (var setup = fixture.CreateContext())
        {
            setup.Accounts.Add(new Account { Id = "acc-3", Balance = 100m, Version = 1 });
            await setup.SaveChangesAsync();
        }

        await using var context = fixture.CreateContext();
        var account = await context.Accounts.SingleAsync(a => a.Id == "acc-3");
        await fixture.RawClient.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = fixture.TableName("Accounts"),
            Key = new() { ["Id"] = Attr.S("acc-3") },
            UpdateExpression = "SET Version = :v",
            ExpressionAttributeValues = new() { [":v"] = Attr.N(2) },
        });

        context.Accounts.Remove(account);
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());

        Assert.Same(account, Assert.Single(exception.Entries).Entity);
        Assert.NotNull(await fixture.GetRawItemAsync("Accounts", ("Id", Attr.S("acc-3"))));
    }

    private async Task AddCustomerAsync(Customer customer)
    {
        await using var context = fixture.CreateContext();
        context.Customers.Add(customer);
        await context.SaveChangesAsync();
    }

    private Task<Dictionary<string, AttributeValue>?> RawCustomerAsync(string id)
        => fixture.GetRawItemAsync("Customers", ("Id", Attr.S(id)));
}

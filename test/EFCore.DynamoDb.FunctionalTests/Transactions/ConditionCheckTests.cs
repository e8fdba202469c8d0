using System.Text.Json;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>
/// <c>Database.AddConditionCheck</c>: a ConditionCheck action in the next save's TransactWriteItems, which writes
/// nothing unless the checked item exists and matches; the check stays until a save succeeds.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ConditionCheckTests(TransactionsFixture fixture) : IClassFixture<TransactionsFixture>
{
    private static List<string> ActionKinds(DynamoDbRequestEventData request)
        => request.Details().GetProperty("TransactItems").EnumerateArray().Select(a => a.EnumerateObject().Single().Name).ToList();

    private static JsonElement ConditionCheckOf(DynamoDbRequestEventData request)
        => request.Details().GetProperty("TransactItems").EnumerateArray()
            .Select(a => a.EnumerateObject().Single())
            .Single(a => a.Name == "ConditionCheck")
            .Value;

    [Fact]
    public async Task A_passing_check_with_one_entity_sends_one_TransactWriteItems_with_a_ConditionCheck_and_writes_the_entity()
    {
        await fixture.PutRawWarehouseAsync("check-pass", open: true);
        var log = new RequestLog();
        await using (var context = fixture.CreateLoggedContext(log))
        {
            context.Database.AddConditionCheck<Warehouse>("check-pass", w => w.Open);
            context.Parcels.Add(new Parcel { Id = "check-pass-1", Label = "x" });

            Assert.Equal(1, await context.SaveChangesAsync());
        }

        var request = Assert.Single(log.Requests);
        Assert.Equal("TransactWriteItems", request.Operation);
        Assert.Equal(["Put", "ConditionCheck"], ActionKinds(request));
        var check = ConditionCheckOf(request);
        Assert.Equal(fixture.TableName("Warehouses"), check.String("TableName"));
        Assert.Equal("check-pass", check.GetProperty("Key").GetProperty("Id").GetProperty("S").GetString());
        Assert.NotNull(await fixture.RawParcelAsync("check-pass-1"));
    }

    [Fact]
    public async Task A_passing_check_with_several_entities_writes_them_all_in_the_same_transaction()
    {
        await fixture.PutRawWarehouseAsync("check-pass-many", open: true);
        var log = new RequestLog();
        await using (var context = fixture.CreateLoggedContext(log))
        {
            context.Database.AddConditionCheck<Warehouse>("check-pass-many", w => w.Open && w.Capacity > 5);
            context.Parcels.Add(new Parcel { Id = "check-pass-many-1", Label = "x" });
            context.Parcels.Add(new Parcel { Id = "check-pass-many-2", Label = "x" });

            Assert.Equal(2, await context.SaveChangesAsync());
        }

        var request = Assert.Single(log.Requests);
        Assert.Equal(["Put", "Put", "ConditionCheck"], ActionKinds(request));
        Assert.NotNull(await fixture.RawParcelAsync("check-pass-many-1"));
        Assert.NotNull(await fixture.RawParcelAsync("check-pass-many-2"));
    }

    [Fact]
    public async Task A_failing_check_throws_ConditionCheckFailed_with_no_entries_and_writes_nothing()
    {
        await fixture.PutRawWarehouseAsync("check-fail", open: false);
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Database.AddConditionCheck<Warehouse>("check-fail", w => w.Open);
        var parcel = new Parcel { Id = "check-fail-1", Label = "x" };
        context.Parcels.Add(parcel);

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.IsNotType<DbUpdateConcurrencyException>(exception);
        Assert.Equal(
            DynamoDbStrings.ConditionCheckFailed("Warehouse", "{Id: 'check-fail'}", fixture.TableName("Warehouses"), itemExists: true)
            + " " + DynamoDbStrings.TransactionNothingWritten,
            exception.Message);
        Assert.Empty(exception.Entries);
        Assert.Null(await fixture.RawParcelAsync("check-fail-1"));
        Assert.Equal(EntityState.Added, context.Entry(parcel).State);
    }

    [Fact]
    public async Task A_failed_check_stays_pending_until_a_save_succeeds_and_is_then_cleared()
    {
        await fixture.PutRawWarehouseAsync("check-retry", open: false);
        var log = new RequestLog();
        await using var context = fixture.CreateLoggedContext(log);
        context.Database.AddConditionCheck<Warehouse>("check-retry", w => w.Open);
        var parcel = new Parcel { Id = "check-retry-1", Label = "x" };
        context.Parcels.Add(parcel);
        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        await fixture.PutRawWarehouseAsync("check-retry", open: true);
        log.Clear();
        Assert.Equal(1, await context.SaveChangesAsync());

        Assert.Equal(["Put", "ConditionCheck"], ActionKinds(Assert.Single(log.Requests)));
        Assert.NotNull(await fixture.RawParcelAsync("check-retry-1"));

        log.Clear();
        parcel.Label = "changed";
        await context.SaveChangesAsync();

        Assert.Equal(["UpdateItem"], log.Operations);
    }

    [Fact]
    public async Task A_check_on_a_missing_item_throws_ConditionCheckFailed_saying_the_item_does_not_exist()
    {
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Database.AddConditionCheck<Warehouse>("check-missing", w => w.Open);
        context.Parcels.Add(new Parcel { Id = "check-missing-1", Label = "x" });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Equal(
            DynamoDbStrings.ConditionCheckFailed("Warehouse", "{Id: 'check-missing'}", fixture.TableName("Warehouses"), itemExists: false)
            + " " + DynamoDbStrings.TransactionNothingWritten,
            exception.Message);
        Assert.Empty(exception.Entries);
        Assert.Null(await fixture.RawParcelAsync("check-missing-1"));
    }

    [Fact]
    public async Task A_check_on_an_entity_with_a_composite_key_takes_its_key_values_in_order()
    {
        await fixture.RawClient.PutItemAsync(fixture.TableName("Shelves"), new()
        {
            ["Aisle"] = Attr.S("check-a1"),
            ["Position"] = Attr.N(4),
            ["Full"] = new() { BOOL = false },
        });
        var log = new RequestLog();
        await using (var context = fixture.CreateLoggedContext(log))
        {
            context.Database.AddConditionCheck<Shelf>(new object[] { "check-a1", 4 }, s => !s.Full);
            context.Parcels.Add(new Parcel { Id = "check-shelf-1", Label = "x" });

            await context.SaveChangesAsync();
        }

        var key = ConditionCheckOf(Assert.Single(log.Requests)).GetProperty("Key");
        Assert.Equal("check-a1", key.GetProperty("Aisle").GetProperty("S").GetString());
        Assert.Equal("4", key.GetProperty("Position").GetProperty("N").GetString());
        Assert.NotNull(await fixture.RawParcelAsync("check-shelf-1"));
    }

    [Fact]
    public async Task A_failing_check_on_an_entity_with_a_composite_key_writes_nothing()
    {
        await fixture.RawClient.PutItemAsync(fixture.TableName("Shelves"), new()
        {
            ["Aisle"] = Attr.S("check-a2"),
            ["Position"] = Attr.N(1),
            ["Full"] = new() { BOOL = true },
        });
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Database.AddConditionCheck<Shelf>(new object[] { "check-a2", 1 }, s => !s.Full);
        context.Parcels.Add(new Parcel { Id = "check-shelf-2", Label = "x" });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.StartsWith(
            DynamoDbStrings.ConditionCheckFailed("Shelf", "{Aisle: 'check-a2', Position: '1'}", fixture.TableName("Shelves"), itemExists: true),
            exception.Message,
            StringComparison.Ordinal);
        Assert.Null(await fixture.RawParcelAsync("check-shelf-2"));
    }

    [Fact]
    public async Task An_untranslatable_predicate_throws_ConditionCheckNotTranslatable_when_the_check_is_added()
    {
        await using var context = fixture.CreateLoggedContext(new RequestLog());

        var exception = Assert.Throws<InvalidOperationException>(
            () => context.Database.AddConditionCheck<Warehouse>("check-bad", w => w.Id.GetHashCode() == 3));

        Assert.StartsWith("The condition check 'w => (w.Id.GetHashCode() == 3)' on 'Warehouse' cannot be translated", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_key_of_the_wrong_shape_throws_ArgumentException(bool composite)
    {
        await using var context = fixture.CreateLoggedContext(new RequestLog());

        var exception = composite
            ? Assert.Throws<ArgumentException>(() => context.Database.AddConditionCheck<Shelf>("only-the-aisle", s => s.Full))
            : Assert.Throws<ArgumentException>(() => context.Database.AddConditionCheck<Warehouse>(new object[] { "w", 1 }, w => w.Open));

        Assert.Equal("key", exception.ParamName);
        Assert.StartsWith(
            composite
                ? DynamoDbStrings.ConditionCheckKeyShape("Shelf", 2, "Aisle, Position")
                : DynamoDbStrings.ConditionCheckKeyShape("Warehouse", 1, "Id"),
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_under_Never_throws_ConditionCheckWithoutTransaction_and_sends_nothing()
    {
        await fixture.PutRawWarehouseAsync("check-never", open: true);
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Database.AddConditionCheck<Warehouse>("check-never", w => w.Open);
        context.Parcels.Add(new Parcel { Id = "check-never-1", Label = "x" });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.ConditionCheckWithoutTransaction(1), exception.Message);
        Assert.Empty(AttemptLog.Of(context));
        Assert.Null(await fixture.RawParcelAsync("check-never-1"));
    }

    [Fact]
    public async Task A_pooled_context_does_not_carry_a_pending_check_into_its_next_use()
    {
        var log = new RequestLog();
        var pool = fixture.CreatePool(log);
        TransactionsContext first;
        await using (first = pool.CreateDbContext())
        {
            first.Database.AddConditionCheck<Warehouse>("check-pooled-missing", w => w.Open);
        }

        await using var second = pool.CreateDbContext();
        Assert.Same(first, second);
        second.Parcels.Add(new Parcel { Id = "check-pooled-1", Label = "x" });

        Assert.Equal(1, await second.SaveChangesAsync());

        Assert.Equal(["PutItem"], log.Operations);
        Assert.NotNull(await fixture.RawParcelAsync("check-pooled-1"));
    }
}

using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>
/// What DynamoDB would refuse is refused before anything is sent, naming the entity, the property and the rule:
/// items over 400 KB, numbers DynamoDB cannot store, empty key values, changed keys, one item written twice.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class WriteLimitTests(TransactionsFixture fixture) : IClassFixture<TransactionsFixture>
{
    private const int OverItemLimit = 410_000;

    [Fact]
    public async Task Adding_an_item_over_400_KB_throws_naming_the_entity_and_its_largest_attribute_and_sends_nothing()
    {
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Parcels.Add(new Parcel { Id = "big-add", Label = "big", Notes = new string('n', OverItemLimit) });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.StartsWith("The 'Parcel' cannot be saved: its item would be about", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"over DynamoDB's limit of 409600 bytes (400 KB) per item. Its largest attribute is 'Notes' ({OverItemLimit} bytes)", exception.Message, StringComparison.Ordinal);
        Assert.Empty(AttemptLog.Of(context));
        Assert.Null(await fixture.RawParcelAsync("big-add"));
    }

    [Fact]
    public async Task Updating_a_property_to_a_value_over_400_KB_throws_naming_its_attribute_and_sends_nothing()
    {
        await fixture.PutRawParcelAsync("big-update", "small");
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        var parcel = await context.Parcels.SingleAsync(p => p.Id == "big-update");
        parcel.Notes = new string('n', OverItemLimit);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.StartsWith("The 'Parcel' cannot be saved", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"Its largest attribute is 'Notes' ({OverItemLimit} bytes)", exception.Message, StringComparison.Ordinal);
        Assert.Empty(AttemptLog.Of(context));
        Assert.False((await fixture.RawParcelAsync("big-update"))!.ContainsKey("Notes"));
        Assert.Equal(EntityState.Modified, context.Entry(parcel).State);
    }

    [Fact]
    public async Task An_item_over_400_KB_under_Never_stops_the_whole_save_before_anything_is_sent()
    {
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Parcels.Add(new Parcel { Id = "big-never-small", Label = "small" });
        context.Parcels.Add(new Parcel { Id = "big-never-large", Label = "large", Notes = new string('n', OverItemLimit) });

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Empty(AttemptLog.Of(context));
        Assert.Null(await fixture.RawParcelAsync("big-never-small"));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1E127)]
    [InlineData(-1E127)]
    public async Task Adding_a_number_DynamoDB_cannot_store_throws_naming_the_property_and_sends_nothing(double score)
    {
        var id = "unstorable-add-" + score.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Parcels.Add(new Parcel { Id = id, Label = "x", Score = score });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.StartsWith("The 'Parcel' cannot be saved: the value of its property 'Score' cannot be stored.", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was sent.", exception.Message, StringComparison.Ordinal);
        Assert.Empty(AttemptLog.Of(context));
        Assert.Null(await fixture.RawParcelAsync(id));
    }

    [Fact]
    public async Task Updating_a_number_to_NaN_throws_naming_the_property_and_sends_nothing()
    {
        await fixture.PutRawParcelAsync("unstorable-update", "x");
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        var parcel = await context.Parcels.SingleAsync(p => p.Id == "unstorable-update");
        parcel.Score = double.NaN;

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.StartsWith("The 'Parcel' cannot be saved: the value of its property 'Score' cannot be stored.", exception.Message, StringComparison.Ordinal);
        Assert.Empty(AttemptLog.Of(context));
        Assert.Equal("0", (await fixture.RawParcelAsync("unstorable-update"))!["Score"].N);
    }

    [Fact]
    public async Task An_empty_table_key_throws_EmptyKeyValue_and_sends_nothing()
    {
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Parcels.Add(new Parcel { Id = "", Label = "x" });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.EmptyKeyValue("Parcel", "Id"), exception.Message);
        Assert.Empty(AttemptLog.Of(context));
    }

    [Fact]
    public async Task An_empty_index_key_among_independent_writes_throws_EmptyKeyValue_and_sends_nothing()
    {
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Parcels.Add(new Parcel { Id = "empty-route-ok", Label = "x", Route = "north" });
        context.Parcels.Add(new Parcel { Id = "empty-route", Label = "x", Route = "" });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.EmptyKeyValue("Parcel", "Route"), exception.Message);
        Assert.Empty(AttemptLog.Of(context));
        Assert.Null(await fixture.RawParcelAsync("empty-route-ok"));
    }

    [Fact]
    public async Task Changing_the_key_of_a_tracked_entity_throws_naming_entity_and_property_and_sends_nothing()
    {
        await fixture.PutRawParcelAsync("rekey", "x");
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        var parcel = await context.Parcels.SingleAsync(p => p.Id == "rekey");
        parcel.Id = "rekeyed";

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Contains("'Parcel.Id'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("part of a key", exception.Message, StringComparison.Ordinal);
        Assert.Empty(AttemptLog.Of(context));
        Assert.NotNull(await fixture.RawParcelAsync("rekey"));
        Assert.Null(await fixture.RawParcelAsync("rekeyed"));
    }

    [Theory]
    [InlineData(AutoTransactionBehavior.WhenNeeded)]
    [InlineData(AutoTransactionBehavior.Never)]
    public async Task Two_entity_types_writing_the_same_item_of_a_shared_table_throw_SameItemTwice_and_send_nothing(AutoTransactionBehavior behavior)
    {
        var code = $"same-{behavior}";
        await using var context = fixture.CreateLoggedContext(new RequestLog());
        context.Database.AutoTransactionBehavior = behavior;
        context.Crates.Add(new Crate { Code = code, Contents = "apples" });
        context.Pallets.Add(new Pallet { Code = code, Layers = 3 });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.SameItemTwice("Crate", "Pallet", fixture.TableName("Storage")), exception.Message);
        Assert.Empty(AttemptLog.Of(context));
        Assert.Null(await fixture.GetRawItemAsync("Storage", ("Code", Attr.S(code))));
    }

    [Fact]
    public async Task An_update_that_grows_the_item_past_400_KB_throws_naming_its_largest_attribute_and_sends_nothing()
    {
        await using (var setup = fixture.CreateContext())
        {
            setup.Parcels.Add(new Parcel { Id = "big-grow", Label = "small", Notes = new string('n', 300_000) });
            await setup.SaveChangesAsync();
        }

        await using var context = fixture.CreateLoggedContext(new RequestLog());
        var parcel = await context.Parcels.SingleAsync(p => p.Id == "big-grow");
        parcel.Label = new string('l', 200_000);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.StartsWith("The 'Parcel' cannot be saved: its item would be about", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Its largest attribute is 'Notes' (300000 bytes)", exception.Message, StringComparison.Ordinal);
        Assert.Empty(AttemptLog.Of(context));
        Assert.Equal("small", (await fixture.RawParcelAsync("big-grow"))!["Label"].S);
    }
}

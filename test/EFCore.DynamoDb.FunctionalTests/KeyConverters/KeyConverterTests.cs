using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.KeyConverters;

/// <summary>
/// Keys and values stored through value converters: a struct key without == (found by key as EF's finder compares
/// keys, with Equals), a custom type compared with a value built by its own conversion operator, and a converter
/// that turns a value into null.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class KeyConverterTests(DynamoDbServerFixture server) : IAsyncLifetime
{
    private readonly DynamoDbContextFixture<ParcelsContext> _store = new ParcelsStore(server);

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task FindAsync_finds_an_entity_by_a_struct_key_that_has_no_equality_operator()
    {
        await AddAsync(new Parcel { Id = new ParcelId("p1"), Recipient = "ann@example.com" });
        var log = new RequestLog();
        await using var context = _store.CreateContext(log);

        var parcel = await context.Parcels.FindAsync(new ParcelId("p1"));

        Assert.Equal("ann@example.com", parcel!.Recipient.Value);
        Assert.Same(parcel, await context.Parcels.FindAsync(new ParcelId("p1")));
        Assert.Equal(["GetItem"], log.Operations);
    }

    [Fact]
    public async Task A_value_built_by_a_user_defined_conversion_is_compared_as_the_property_type()
    {
        await AddAsync(new Parcel { Id = new ParcelId("p2"), Recipient = "bob@example.com" });
        await using var context = _store.CreateContext();

        var found = await context.Parcels.AsNoTracking()
            .Where(p => p.Id.Equals(new ParcelId("p2")) && p.Recipient == (EmailAddress)"bob@example.com")
            .ToListAsync();
        var notFound = await context.Parcels.AsNoTracking()
            .Where(p => p.Id.Equals(new ParcelId("p2")) && p.Recipient == (EmailAddress)"eve@example.com")
            .ToListAsync();

        Assert.Equal("p2", Assert.Single(found).Id.Value);
        Assert.Empty(notFound);
    }

    [Fact]
    public async Task A_value_a_converter_turns_into_null_is_stored_as_NULL_and_reads_back_as_null()
    {
        await AddAsync(new Parcel { Id = new ParcelId("p3"), Recipient = "cy@example.com", Note = "" });
        await using var context = _store.CreateContext();

        var item = await _store.GetRawItemAsync("Parcels", ("Id", Attr.S("p3")));
        var parcel = await context.Parcels.AsNoTracking().SingleAsync(p => p.Id.Equals(new ParcelId("p3")));

        Assert.True(item!["Note"].NULL);
        Assert.Null(parcel.Note);
    }

    [Fact]
    public async Task A_null_a_converter_converts_is_stored_as_the_converter_makes_it_and_reads_back_as_null()
    {
        await AddAsync(new Parcel { Id = new ParcelId("p6"), Recipient = "fi@example.com" });
        await AddAsync(new Parcel { Id = new ParcelId("p7"), Recipient = "gu@example.com", Insurance = "full" });
        await using var context = _store.CreateContext();

        var item = await _store.GetRawItemAsync("Parcels", ("Id", Attr.S("p6")));
        var uninsured = await context.Parcels.SingleAsync(p => p.Id.Equals(new ParcelId("p6")));
        var insured = await context.Parcels.AsNoTracking().SingleAsync(p => p.Id.Equals(new ParcelId("p7")));
        var readInsurance = uninsured.Insurance;
        uninsured.Insurance = "basic";
        await context.SaveChangesAsync();
        uninsured.Insurance = null;
        await context.SaveChangesAsync();
        var updated = await _store.GetRawItemAsync("Parcels", ("Id", Attr.S("p6")));

        Assert.Equal("none", item!["Insurance"].S);
        Assert.Null(readInsurance);
        Assert.Equal("full", insured.Insurance);
        Assert.Equal("none", updated!["Insurance"].S);
    }

    [Fact]
    public async Task A_null_a_converter_converts_nulls_from_reads_back_as_the_converter_makes_it()
    {
        await AddAsync(new Parcel { Id = new ParcelId("p4"), Recipient = "di@example.com" });
        await AddAsync(new Parcel { Id = new ParcelId("p5"), Recipient = "ed@example.com", Carrier = "Swift" });
        await using var context = _store.CreateContext();

        var item = await _store.GetRawItemAsync("Parcels", ("Id", Attr.S("p4")));
        var unassigned = await context.Parcels.AsNoTracking().SingleAsync(p => p.Id.Equals(new ParcelId("p4")));
        var assigned = await context.Parcels.AsNoTracking().SingleAsync(p => p.Id.Equals(new ParcelId("p5")));

        Assert.True(item!["Carrier"].NULL);
        Assert.Equal(Parcel.Unassigned, unassigned.Carrier);
        Assert.Equal("Swift", assigned.Carrier);
    }

    private async Task AddAsync(Parcel parcel)
    {
        await using var context = _store.CreateContext();
        context.Parcels.Add(parcel);
        await context.SaveChangesAsync();
    }

    private sealed class ParcelsStore(DynamoDbServerFixture server) : DynamoDbContextFixture<ParcelsContext>(server);
}

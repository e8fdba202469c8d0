using System.Linq.Expressions;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.OwnedTypes;

/// <summary>
/// Owned types against DynamoDB Local: an owned reference stored as a nested map and an owned collection as a list
/// of maps inside the owner's item (checked raw: attribute names, nesting, no stored owned keys), read back equal
/// with and without tracking, every kind of owned change saved in the owner's item (nested paths for a changed
/// owned reference, the whole list for a changed collection), filters and projections on owned members with
/// results equal to LINQ-to-Objects, and the queries DynamoDB cannot run refused with the reason.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class OwnedTypeTests(OwnedTypesFixture fixture) : IClassFixture<OwnedTypesFixture>
{
    // Each filter with its LINQ-to-Objects form: a condition on a missing map is false in DynamoDB, as `?.` makes it here.
    private static readonly Dictionary<string, (Expression<Func<Shopper, bool>> Query, Func<Shopper, bool> Objects)> Filters = new()
    {
        ["Home.City =="] = (s => s.Home!.City == "Oslo", s => s.Home?.City == "Oslo"),
        ["Home.Street (renamed) StartsWith"] = (s => s.Home!.Street.StartsWith("Main"), s => s.Home?.Street.StartsWith("Main", StringComparison.Ordinal) == true),
        ["Home.Location.Lat >"] = (s => s.Home!.Location!.Lat > 59.92, s => s.Home?.Location?.Lat > 59.92),
        ["owned member or top-level member"] = (s => s.Home!.City == "Bergen" || s.Name == "Bo", s => s.Home?.City == "Bergen" || s.Name == "Bo"),
    };

    public static TheoryData<string> FilterNames => new(Filters.Keys);

    [Fact]
    public async Task Owned_entities_are_nested_maps_and_lists_of_maps_without_their_keys()
    {
        var item = await fixture.GetRawItemAsync("Shoppers", ("Id", Attr.S("s1")));

        Assert.NotNull(item);
        Assert.Equal(["Cart", "Id", "Name", "home"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("M{City=S:Oslo, Location=M{Lat=N:59.91, Lon=N:10.75}, street=S:Karl Johans gate 1}", Attr.Text(item["home"]));
        Assert.Equal("L[M{Discount=M{Percent=N:5}, Quantity=N:3, Sku=S:apple}, M{Quantity=N:1, Sku=S:pear}]", Attr.Text(item["Cart"]));
    }

    [Fact]
    public async Task A_null_owned_reference_has_no_attribute_and_an_empty_collection_is_an_empty_list()
    {
        var item = await fixture.GetRawItemAsync("Shoppers", ("Id", Attr.S("s2")));

        Assert.Equal(["Cart", "Id", "Name"], item!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("L[]", Attr.Text(item["Cart"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Shoppers_read_back_equal(bool tracking)
    {
        await using var context = fixture.CreateContext();
        var query = tracking ? context.Shoppers : context.Shoppers.AsNoTracking();

        var shoppers = await query.Where(s => s.Id.StartsWith("s")).ToListAsync();

        Assert.Equal(
            fixture.Shoppers.Select(OwnedTypesFixture.Describe).Order(StringComparer.Ordinal),
            shoppers.Select(OwnedTypesFixture.Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FindAsync_reads_the_owned_entities_with_a_GetItem()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var shopper = await context.Shoppers.FindAsync("s1");

        Assert.Equal(["GetItem"], log.Operations);
        Assert.Equal(OwnedTypesFixture.Describe(fixture.Shoppers[0]), OwnedTypesFixture.Describe(shopper!));
    }

    [Fact]
    public async Task A_tracking_read_tracks_the_owned_entities_unchanged_and_a_save_sends_nothing()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var shopper = await context.Shoppers.SingleAsync(s => s.Id == "s1");
        log.Clear();

        Assert.Equal(EntityState.Unchanged, context.Entry(shopper.Home!).State);
        Assert.Equal(EntityState.Unchanged, context.Entry(shopper.Home!.Location!).State);
        Assert.All(shopper.Cart, line => Assert.Equal(EntityState.Unchanged, context.Entry(line).State));
        Assert.Equal(5, context.ChangeTracker.Entries().Count(e => e.Metadata.IsOwned()));
        Assert.Equal(0, await context.SaveChangesAsync());
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task Reading_a_tracked_owner_again_keeps_its_owned_entities()
    {
        await using var context = fixture.CreateContext();
        var shopper = await context.Shoppers.SingleAsync(s => s.Id == "s1");
        shopper.Cart.RemoveAt(1);

        var again = await context.Shoppers.SingleAsync(s => s.Id == "s1");

        Assert.Same(shopper, again);
        Assert.Equal(["apple"], again.Cart.Select(l => l.Sku));
    }

    [Fact]
    public async Task Changing_an_owned_member_updates_only_its_nested_path()
    {
        await AddAsync(OwnedTypesFixture.New("ow-1"));
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging()))
        {
            var shopper = await context.Shoppers.SingleAsync(s => s.Id == "ow-1");
            log.Clear();
            shopper.Home!.Street = "New St 9";
            shopper.Home.Location!.Lat = 7.25;
            await context.SaveChangesAsync();
        }

        var request = Assert.Single(log.Requests);
        Assert.Equal("UpdateItem", request.Operation);
        Assert.Equal(["Id", "Lat", "Location", "home", "street"], request.Details().ReferencedNames("UpdateExpression").Concat(["Id"]).Order(StringComparer.Ordinal));
        Assert.Equal(
            "M{City=S:Here, Location=M{Lat=N:7.25, Lon=N:2.5}, street=S:New St 9}",
            Attr.Text((await fixture.GetRawItemAsync("Shoppers", ("Id", Attr.S("ow-1"))))!["home"]));
    }

    [Fact]
    public async Task Replacing_removing_and_setting_an_owned_reference_is_saved()
    {
        await AddAsync(OwnedTypesFixture.New("ow-2"));
        await using (var context = fixture.CreateContext())
        {
            (await context.Shoppers.SingleAsync(s => s.Id == "ow-2")).Home = new Home { Street = "Other St", City = "Bergen" };
            await context.SaveChangesAsync();
        }

        Assert.Equal("M{City=S:Bergen, street=S:Other St}", Attr.Text((await fixture.GetRawItemAsync("Shoppers", ("Id", Attr.S("ow-2"))))!["home"]));
        await using (var context = fixture.CreateContext())
        {
            (await context.Shoppers.SingleAsync(s => s.Id == "ow-2")).Home = null;
            await context.SaveChangesAsync();
        }

        Assert.False((await fixture.GetRawItemAsync("Shoppers", ("Id", Attr.S("ow-2"))))!.ContainsKey("home"));
        await using (var context = fixture.CreateContext())
        {
            var shopper = await context.Shoppers.SingleAsync(s => s.Id == "ow-2");
            Assert.Null(shopper.Home);
            shopper.Home = new Home { Street = "Third St", City = "Tromso", Location = new Location { Lat = 69.6, Lon = 18.9 } };
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            Assert.Equal(
                "ow-2|Name of ow-2|Third St/Tromso/69.6,18.9|[ax1-10%, bx2]",
                OwnedTypesFixture.Describe(await context.Shoppers.SingleAsync(s => s.Id == "ow-2")));
        }
    }

    [Fact]
    public async Task Adding_changing_and_removing_collection_elements_is_saved_across_saves_of_one_context()
    {
        await AddAsync(OwnedTypesFixture.New("ow-3"));
        await using (var context = fixture.CreateContext())
        {
            var shopper = await context.Shoppers.SingleAsync(s => s.Id == "ow-3");
            shopper.Cart.Add(new CartLine { Sku = "c", Quantity = 3 });
            shopper.Cart[0].Quantity = 10;
            await context.SaveChangesAsync();

            shopper.Cart.RemoveAt(1);
            shopper.Cart.Add(new CartLine { Sku = "d", Quantity = 4, Discount = new Discount { Percent = 50 } });
            shopper.Cart[0].Discount = null;
            await context.SaveChangesAsync();

            Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        Assert.Equal(
            "L[M{Quantity=N:10, Sku=S:a}, M{Quantity=N:3, Sku=S:c}, M{Discount=M{Percent=N:50}, Quantity=N:4, Sku=S:d}]",
            Attr.Text((await fixture.GetRawItemAsync("Shoppers", ("Id", Attr.S("ow-3"))))!["Cart"]));
        await using (var context = fixture.CreateContext())
        {
            Assert.Equal(
                "ow-3|Name of ow-3|Here St 1/Here/1.5,2.5|[ax10, cx3, dx4-50%]",
                OwnedTypesFixture.Describe(await context.Shoppers.AsNoTracking().SingleAsync(s => s.Id == "ow-3")));
        }
    }

    [Fact]
    public async Task A_change_inside_the_collection_writes_the_whole_list_in_one_update()
    {
        await AddAsync(OwnedTypesFixture.New("ow-4"));
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var shopper = await context.Shoppers.SingleAsync(s => s.Id == "ow-4");
        log.Clear();

        shopper.Cart[1].Discount = new Discount { Percent = 20 };
        shopper.Name = "Renamed";
        await context.SaveChangesAsync();

        var request = Assert.Single(log.Requests);
        Assert.Equal("UpdateItem", request.Operation);
        Assert.Equal(["Cart", "Name"], request.Details().ReferencedNames("UpdateExpression"));
    }

    [Fact]
    public async Task Deleting_the_owner_deletes_its_item_with_everything_it_owns()
    {
        await AddAsync(OwnedTypesFixture.New("ow-5"));
        var log = new RequestLog();
        await using (var context = fixture.CreateContext(log))
        {
            context.Shoppers.Remove(await context.Shoppers.SingleAsync(s => s.Id == "ow-5"));
            log.Clear();
            await context.SaveChangesAsync();
        }

        Assert.Equal(["DeleteItem"], log.Operations);
        Assert.Null(await fixture.GetRawItemAsync("Shoppers", ("Id", Attr.S("ow-5"))));
    }

    [Theory]
    [MemberData(nameof(FilterNames))]
    public async Task A_filter_on_owned_members_returns_what_LINQ_to_Objects_returns(string name)
    {
        var (predicate, objects) = Filters[name];
        var expected = fixture.Shoppers.Where(objects).Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
        await using var context = fixture.CreateContext();

        var shoppers = await context.Shoppers.Where(s => s.Id.StartsWith("s")).Where(predicate).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, shoppers.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_filter_on_an_owned_member_is_a_nested_path_in_the_FilterExpression()
    {
        await using var context = fixture.CreateContext();

        var request = RequestJson.ParseQueryString(context.Shoppers.Where(s => s.Home!.Location!.Lat > 50).ToQueryString()).Single();

        Assert.Matches(@"^#\w+\.#\w+\.#\w+ > :\w+$", request.String("FilterExpression"));
        Assert.Equal(["Lat", "Location", "home"], request.ReferencedNames("FilterExpression"));
    }

    [Fact]
    public async Task Projecting_owned_members_reads_only_their_paths()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Shoppers.Where(s => s.Id.StartsWith("s")).Select(s => new { s.Id, s.Home!.City }).ToListAsync();

        Assert.Equal(
            fixture.Shoppers.Select(s => (s.Id, s.Home?.City)).OrderBy(r => r.Id, StringComparer.Ordinal),
            rows.Select(r => (r.Id, (string?)r.City)).OrderBy(r => r.Id, StringComparer.Ordinal));
        Assert.Equal(["City", "Id", "home"], log.Requests.Single().Details().ProjectedNames());
    }

    [Fact]
    public async Task Projecting_an_owned_entity_without_tracking_reads_it_and_with_tracking_is_refused()
    {
        await using var context = fixture.CreateContext();

        var homes = await context.Shoppers.AsNoTracking().Where(s => s.Id == "s1").Select(s => s.Home).ToListAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Shoppers.Where(s => s.Id == "s1").Select(s => s.Home).ToListAsync());

        Assert.Equal(["Karl Johans gate 1/59.91"], homes.Select(h => h!.Street + "/" + h.Location!.Lat));
        Assert.Contains("owned", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_filter_inside_an_owned_collection_is_refused_with_the_reason()
    {
        await using var context = fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Shoppers.Where(s => s.Cart.Any(l => l.Quantity > 2)).ToListAsync());

        Assert.Contains("The owned collection 'Shopper.Cart' is stored as a list (L) of maps", error.Message, StringComparison.Ordinal);
    }

    private async Task AddAsync(Shopper shopper)
    {
        await using var context = fixture.CreateContext();
        context.Shoppers.Add(shopper);
        await context.SaveChangesAsync();
    }
}

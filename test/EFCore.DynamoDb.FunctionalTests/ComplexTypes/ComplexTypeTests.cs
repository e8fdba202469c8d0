using System.Linq.Expressions;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.ComplexTypes;

/// <summary>
/// Complex properties against DynamoDB Local: stored as nested maps at any depth (checked raw, attribute types
/// included), read back equal, changed through nested document paths only, and filtered, projected and ordered
/// by nested members with results equal to LINQ-to-Objects.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed partial class ComplexTypeTests(ComplexTypesFixture fixture) : IClassFixture<ComplexTypesFixture>
{
    private static readonly Dictionary<string, Expression<Func<Member, bool>>> Filters = new()
    {
        ["Address.City =="] = m => m.Address.City == "Oslo",
        ["Address.City !="] = m => m.Address.City != "Oslo",
        ["Address.Geo.Lat >"] = m => m.Address.Geo.Lat > 60,
        ["Address.Geo.Lat <= and Lon >"] = m => m.Address.Geo.Lat <= 60 && m.Address.Geo.Lon > 10.77,
        ["Address.Zip == null"] = m => m.Address.Zip == null,
        ["Address.Zip >"] = m => m.Address.Zip > 150,
        ["Address.Geo.Label != null"] = m => m.Address.Geo.Label != null,
        ["Address.Street (renamed) StartsWith"] = m => m.Address.Street.StartsWith("Ring"),
        ["Address.City Contains"] = m => m.Address.City.Contains("erg"),
        ["Address.Lines.Count"] = m => m.Address.Lines.Count > 0,
        ["nested member or top-level member"] = m => m.Address.City == "Bergen" || m.Level == 1,
        ["nested member and key"] = m => m.Id == "m1" && m.Address.City == "Oslo",
        ["IN on a nested member"] = m => new[] { "Bergen", "Alesund" }.Contains(m.Address.City),
    };

    public static TheoryData<string> FilterNames => new(Filters.Keys);

    [Fact]
    public async Task A_complex_property_is_a_nested_map_holding_another_map_with_the_attribute_names_and_types()
    {
        var item = await fixture.GetRawItemAsync("Members", ("Id", Attr.S("m1")));

        Assert.NotNull(item);
        Assert.Equal(["Address", "Contact", "Id", "Level", "Name"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            "M{City=S:Oslo, Lines=L[S:c/o Ada, S:2nd floor], Zip=N:150, geo=M{Label=S:center, Lon=N:10.75, lat=N:59.91}, street=S:Karl Johans gate 1}",
            Attr.Text(item["Address"]));
        Assert.Equal("M{Email=S:ada@example.com, Phone=S:123}", Attr.Text(item["Contact"]));
        Assert.Equal("N:3", Attr.Text(item["Level"]));
    }

    [Fact]
    public async Task Null_members_are_left_out_of_the_nested_maps_and_a_null_complex_value_has_no_attribute()
    {
        var item = await fixture.GetRawItemAsync("Members", ("Id", Attr.S("m2")));

        Assert.NotNull(item);
        Assert.Equal(["Address", "Id", "Level", "Name"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["City", "Lines", "geo", "street"], item["Address"].M.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("M{Lon=N:18.96, lat=N:69.65}", Attr.Text(item["Address"].M["geo"]));
    }

    [Fact]
    public async Task Members_read_back_equal_with_tracking()
    {
        await using var context = fixture.CreateContext();

        foreach (var expected in fixture.Members)
        {
            var member = await context.Members.FindAsync(expected.Id);

            Assert.NotNull(member);
            Assert.Equal(ComplexTypesFixture.Describe(expected), ComplexTypesFixture.Describe(member));
        }
    }

    [Fact]
    public async Task Members_read_back_equal_without_tracking()
    {
        await using var context = fixture.CreateContext();

        var members = await context.Members.AsNoTracking().Where(m => m.Level > 0).ToListAsync();

        Assert.Equal(
            fixture.Members.Select(ComplexTypesFixture.Describe).Order(StringComparer.Ordinal),
            members.Select(ComplexTypesFixture.Describe).Order(StringComparer.Ordinal));
        Assert.Empty(context.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Changing_a_nested_member_updates_only_its_document_path()
    {
        await AddAsync(NewMember("upd-1"));
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var member = await context.Members.SingleAsync(m => m.Id == "upd-1");
        // Another writer changes a sibling member of the same map after EF read the item.
        await fixture.RawClient.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = fixture.TableName("Members"),
            Key = new() { ["Id"] = Attr.S("upd-1") },
            UpdateExpression = "SET Address.street = :s",
            ExpressionAttributeValues = new() { [":s"] = Attr.S("changed by another writer") },
        });
        log.Clear();

        member.Address.City = "Trondheim";
        await context.SaveChangesAsync();

        var request = Assert.Single(log.Requests);
        Assert.Equal("UpdateItem", request.Operation);
        var details = request.Details();
        var set = SetPattern().Match(details.String("UpdateExpression")!);
        Assert.True(set.Success, details.String("UpdateExpression"));
        var names = details.GetProperty("ExpressionAttributeNames");
        Assert.Equal(["Address", "City"], set.Groups["name"].Captures.Select(c => names.GetProperty(c.Value).GetString()));
        Assert.Equal("S:Trondheim", details.Values()[set.Groups["value"].Value]);
        var item = await fixture.GetRawItemAsync("Members", ("Id", Attr.S("upd-1")));
        Assert.Equal(
            "M{City=S:Trondheim, Lines=L[S:first], Zip=N:1000, geo=M{Label=S:here, Lon=N:2.5, lat=N:1.5}, street=S:changed by another writer}",
            Attr.Text(item!["Address"]));
    }

    [Fact]
    public async Task Changing_a_member_two_maps_deep_updates_only_its_document_path()
    {
        await AddAsync(NewMember("upd-2"));
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var member = await context.Members.SingleAsync(m => m.Id == "upd-2");
        log.Clear();

        member.Address.Geo.Lat = -33.5;
        member.Address.Geo.Label = null;
        await context.SaveChangesAsync();

        var details = Assert.Single(log.Requests).Details();
        var names = details.GetProperty("ExpressionAttributeNames");
        var expression = NamePlaceholder().Replace(details.String("UpdateExpression")!, m => names.GetProperty(m.Value).GetString()!);
        Assert.Equal("SET Address.geo.lat = :v0 REMOVE Address.geo.Label", ValuePlaceholder().Replace(expression, ":v0"));
        var item = await fixture.GetRawItemAsync("Members", ("Id", Attr.S("upd-2")));
        Assert.Equal("M{Lon=N:2.5, lat=N:-33.5}", Attr.Text(item!["Address"].M["geo"]));
        Assert.Equal("S:Here St", Attr.Text(item["Address"].M["street"]));
    }

    [Fact]
    public async Task Assigning_a_new_complex_value_that_differs_in_one_member_updates_only_that_member()
    {
        await AddAsync(NewMember("upd-3"));
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var member = await context.Members.SingleAsync(m => m.Id == "upd-3");
        log.Clear();

        var replacement = NewMember("upd-3").Address;
        replacement.Zip = 2000;
        member.Address = replacement;
        await context.SaveChangesAsync();

        var details = Assert.Single(log.Requests).Details();
        Assert.Equal(["Address", "Zip"], details.ReferencedNames("UpdateExpression"));
        await using var reader = fixture.CreateContext();
        Assert.Equal(2000, (await reader.Members.SingleAsync(m => m.Id == "upd-3")).Address.Zip);
    }

    [Fact]
    public async Task An_optional_complex_value_set_where_there_was_none_is_stored_as_its_map()
    {
        var added = NewMember("opt-1");
        added.Contact = null;
        await AddAsync(added);
        await using (var context = fixture.CreateContext())
        {
            var member = await context.Members.SingleAsync(m => m.Id == "opt-1");
            member.Contact = new Contact { Email = "new@example.com", Phone = "555" };
            await context.SaveChangesAsync();
        }

        var item = await fixture.GetRawItemAsync("Members", ("Id", Attr.S("opt-1")));
        Assert.Equal("M{Email=S:new@example.com, Phone=S:555}", Attr.Text(item!["Contact"]));
        await using (var context = fixture.CreateContext())
        {
            var member = await context.Members.SingleAsync(m => m.Id == "opt-1");
            Assert.Equal(("new@example.com", "555"), (member.Contact?.Email, member.Contact?.Phone));
        }
    }

    [Fact]
    public async Task An_optional_complex_value_set_to_null_removes_its_map()
    {
        await AddAsync(NewMember("opt-2"));
        await using (var context = fixture.CreateContext())
        {
            var member = await context.Members.SingleAsync(m => m.Id == "opt-2");
            member.Contact = null;
            await context.SaveChangesAsync();
        }

        var item = await fixture.GetRawItemAsync("Members", ("Id", Attr.S("opt-2")));
        Assert.False(item!.ContainsKey("Contact"));
        await using (var context = fixture.CreateContext())
        {
            Assert.Null((await context.Members.SingleAsync(m => m.Id == "opt-2")).Contact);
        }
    }

    [Fact]
    public async Task An_empty_string_in_a_nested_member_is_stored_and_read_back()
    {
        var added = NewMember("empty-1");
        added.Address.City = "";
        await AddAsync(added);

        var item = await fixture.GetRawItemAsync("Members", ("Id", Attr.S("empty-1")));
        Assert.Equal("S:", Attr.Text(item!["Address"].M["City"]));
        await using var context = fixture.CreateContext();
        Assert.Equal("", (await context.Members.SingleAsync(m => m.Id == "empty-1")).Address.City);
    }

    [Theory]
    [MemberData(nameof(FilterNames))]
    public async Task A_filter_on_nested_members_returns_what_LINQ_to_Objects_returns(string name)
    {
        var predicate = Filters[name];
        var expected = fixture.Members.Where(predicate.Compile()).Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
        await using var context = fixture.CreateContext();

        var members = await context.Members.Where(m => m.Id.StartsWith("m")).Where(predicate).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, members.Select(m => m.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_filter_on_a_nested_member_is_a_document_path_in_the_FilterExpression()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        await context.Members.Where(m => m.Address.Geo.Lat > 60).ToListAsync();

        var details = Assert.Single(log.Requests).Details();
        var names = details.GetProperty("ExpressionAttributeNames");
        var filter = NamePlaceholder().Replace(details.String("FilterExpression")!, m => names.GetProperty(m.Value).GetString()!);
        Assert.Equal("Address.geo.lat > :v0", ValuePlaceholder().Replace(filter, ":v0"));
        Assert.Equal(["N:60"], details.Values().Values);
    }

    [Fact]
    public async Task Projecting_nested_members_reads_only_their_document_paths()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var rows = await context.Members.Where(m => m.Id.StartsWith("m")).Select(m => new { m.Name, m.Address.City, m.Address.Geo.Lat }).ToListAsync();

        Assert.Equal(
            fixture.Members.Select(m => $"{m.Name}/{m.Address.City}/{m.Address.Geo.Lat}").Order(StringComparer.Ordinal),
            rows.Select(r => $"{r.Name}/{r.City}/{r.Lat}").Order(StringComparer.Ordinal));
        var details = Assert.Single(log.Requests).Details();
        var names = details.GetProperty("ExpressionAttributeNames");
        var projection = NamePlaceholder().Replace(details.String("ProjectionExpression")!, m => names.GetProperty(m.Value).GetString()!);
        Assert.Equal(["Address.City", "Address.geo.lat", "Name"], projection.Split(", ").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Projecting_a_whole_complex_value_reads_it_equal()
    {
        await using var context = fixture.CreateContext();

        var addresses = await context.Members.Where(m => m.Id == "m1" || m.Id == "m3").Select(m => m.Address).ToListAsync();

        Assert.Equal(
            ["Bergen/5003/harbour side/harbour", "Oslo/150/c/o Ada+2nd floor/center"],
            addresses.Select(a => $"{a.City}/{a.Zip}/{string.Join("+", a.Lines)}/{a.Geo.Label}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Projecting_an_optional_complex_value_reads_it_or_null()
    {
        await using var context = fixture.CreateContext();

        var contacts = await context.Members.Where(m => m.Id.StartsWith("m")).Select(m => new { m.Id, m.Contact }).ToListAsync();

        Assert.Equal(
            fixture.Members.Select(m => $"{m.Id}:{m.Contact?.Email ?? "null"}").Order(StringComparer.Ordinal),
            contacts.Select(c => $"{c.Id}:{c.Contact?.Email ?? "null"}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ordering_by_a_nested_member_is_done_on_the_client_with_the_warning()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var members = await context.Members.Where(m => m.Id.StartsWith("m") && m.Level >= 1).OrderBy(m => m.Address.City).ThenByDescending(m => m.Address.Geo.Lat).ToListAsync();

        Assert.Equal(
            fixture.Members.OrderBy(m => m.Address.City).ThenByDescending(m => m.Address.Geo.Lat).Select(m => m.Id),
            members.Select(m => m.Id));
        Assert.Contains(DynamoDbEventId.ClientSideOrderingWarning, log.EventIds);
    }

    [Fact]
    public async Task Ordering_descending_by_a_member_two_maps_deep_returns_LINQ_order()
    {
        await using var context = fixture.CreateContext();

        var ids = await context.Members.Where(m => m.Id.StartsWith("m") && m.Name != "x").OrderByDescending(m => m.Address.Geo.Lat).Select(m => m.Id).ToListAsync();

        Assert.Equal(fixture.Members.OrderByDescending(m => m.Address.Geo.Lat).Select(m => m.Id), ids);
    }

    private async Task AddAsync(Member member)
    {
        await using var context = fixture.CreateContext();
        context.Members.Add(member);
        await context.SaveChangesAsync();
    }

    private static Member NewMember(string id)
        => new()
        {
            Id = id,
            Name = "Name of " + id,
            Level = 0,
            Address = new Address { Street = "Here St", City = "Here", Zip = 1000, Lines = ["first"], Geo = new Geo { Lat = 1.5, Lon = 2.5, Label = "here" } },
            Contact = new Contact { Email = id + "@example.com" },
        };

    [GeneratedRegex(@"^SET (?:(?<name>#\w+)\.)+(?<name>#\w+) = (?<value>:\w+)$")]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"#\w+")]
    private static partial Regex NamePlaceholder();

    [GeneratedRegex(@":\w+")]
    private static partial Regex ValuePlaceholder();
}

using EFCore.DynamoDb.Tests.TestUtilities;
using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Collections;

/// <summary>
/// Collection properties against DynamoDB Local: the raw item holds L / SS / NS / BS / M with the exact nesting,
/// an empty set is no attribute; the provider reads every collection back as saved (tracking or not, also when the
/// set and map attributes are missing); in-place changes are found and written as an UpdateItem of only that
/// attribute; contains() and size() filters return what LINQ-to-Objects returns.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class CollectionTests(CollectionsFixture fixture) : IClassFixture<CollectionsFixture>
{
    private const string TestOwner = "tests";

    public static TheoryData<string, string> FullItemAttributes => new()
    {
        { "Owner", "S:seed" },
        { "Id", "S:full" },
        { "Tags", "L[S:red, S:green, S:red]" },
        { "Codes", "L[S:z, S:a]" },
        { "Numbers", "L[N:3, N:-1, N:2]" },
        { "Prices", "L[N:1.25, N:0.1]" },
        { "Notes", "L[S:first, NULL, S:third]" },
        { "Labels", "SS[new, sale]" },
        { "Scores", "NS[10, 5]" },
        { "Weights", "NS[100, 2.25]" },
        { "Colors", "NS[1, 3]" },
        { "Blobs", "BS[0102, FF]" },
        { "Counts", "M{apples=N:3, pears=N:0}" },
        { "Attributes", "M{fit=S:, size=S:L}" },
        { "Ratios", "M{half=N:0.5}" },
        { "Matrix", "L[L[N:1, N:2], L[], L[N:3]]" },
        { "Groups", "M{a=L[S:x, S:y], b=L[]}" },
        { "MaybeTags", "L[S:m]" },
        { "MaybeLabels", "SS[m]" },
    };

    [Theory]
    [MemberData(nameof(FullItemAttributes))]
    public void The_raw_item_holds_each_collection_with_its_attribute_type_and_nesting(string attribute, string expected)
        => Assert.Equal(expected, AttributeValueText.Of(fixture.RawItem("full")[attribute]));

    [Fact]
    public void The_raw_item_holds_exactly_the_model_attributes()
        => Assert.Equal(
            FullItemAttributes.Select(row => (string)row[0]).Order(StringComparer.Ordinal),
            fixture.RawItem("full").Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Empty_sets_and_null_collections_are_not_stored_and_empty_lists_and_maps_are()
        => Assert.Equal(
            new Dictionary<string, string>
            {
                ["Owner"] = "S:seed",
                ["Id"] = "S:empty",
                ["Tags"] = "L[]",
                ["Codes"] = "L[]",
                ["Numbers"] = "L[]",
                ["Prices"] = "L[]",
                ["Notes"] = "L[]",
                ["Counts"] = "M{}",
                ["Attributes"] = "M{}",
                ["Ratios"] = "M{}",
                ["Matrix"] = "L[]",
                ["Groups"] = "M{}",
            },
            fixture.RawItem("empty").ToDictionary(p => p.Key, p => AttributeValueText.Of(p.Value)));

    public static TheoryData<string, bool> SeedIdsAndTracking
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var id in BasketSeed.Create().Select(b => b.Id))
            {
                data.Add(id, true);
                data.Add(id, false);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SeedIdsAndTracking))]
    public async Task FindAsync_reads_back_every_collection_as_saved(string id, bool tracking)
    {
        await using var context = fixture.CreateContext();
        context.ChangeTracker.QueryTrackingBehavior = tracking ? QueryTrackingBehavior.TrackAll : QueryTrackingBehavior.NoTracking;

        var basket = await context.Baskets.FindAsync(BasketSeed.Owner, id);

        AssertSameCollections(fixture.Seed.Single(b => b.Id == id), basket);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_query_reads_back_every_collection_as_saved(bool tracking)
    {
        await using var context = fixture.CreateContext();
        var query = tracking ? context.Baskets : context.Baskets.AsNoTracking();

        var baskets = await query.Where(b => b.Owner == BasketSeed.Owner).ToListAsync();

        Assert.Equal(fixture.Seed.Select(b => b.Id).Order(StringComparer.Ordinal), baskets.Select(b => b.Id).Order(StringComparer.Ordinal));
        foreach (var basket in baskets)
        {
            AssertSameCollections(fixture.Seed.Single(b => b.Id == basket.Id), basket);
            Assert.Equal(tracking ? EntityState.Unchanged : EntityState.Detached, context.Entry(basket).State);
        }
    }

    [Fact]
    public async Task Collections_read_back_as_their_declared_kinds()
    {
        await using var context = fixture.CreateContext();

        var basket = await context.Baskets.AsNoTracking().SingleAsync(b => b.Owner == BasketSeed.Owner && b.Id == "full");

        Assert.IsType<string[]>(basket.Codes);
        Assert.IsType<HashSet<string>>(basket.Labels);
        Assert.IsType<HashSet<int>>(basket.Scores, exactMatch: false);
        Assert.IsType<Dictionary<string, int>>(basket.Counts);
        Assert.IsType<List<List<int>>>(basket.Matrix);
    }

    [Fact]
    public async Task A_tracked_basket_read_back_is_Unchanged_after_DetectChanges()
    {
        await using var context = fixture.CreateContext();
        var basket = await context.Baskets.FindAsync(BasketSeed.Owner, "full");

        context.ChangeTracker.DetectChanges();

        Assert.Equal(EntityState.Unchanged, context.Entry(basket!).State);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_item_without_its_set_and_map_attributes_materializes_with_empty_ones(bool tracking)
    {
        var id = "bare-" + tracking;
        await fixture.RawClient.PutItemAsync(fixture.TableName("Baskets"), new()
        {
            ["Owner"] = Attr.S(TestOwner),
            ["Id"] = Attr.S(id),
            ["Tags"] = new AttributeValue { L = [Attr.S("t")] },
        });
        await using var context = fixture.CreateContext();
        context.ChangeTracker.QueryTrackingBehavior = tracking ? QueryTrackingBehavior.TrackAll : QueryTrackingBehavior.NoTracking;

        var found = await context.Baskets.FindAsync(TestOwner, id);
        var queried = await context.Baskets.Where(b => b.Owner == TestOwner && b.Id == id).ToListAsync();

        foreach (var basket in new[] { found!, Assert.Single(queried) })
        {
            Assert.Equal(["t"], basket.Tags);
            Assert.Empty(basket.Labels);
            Assert.Empty(basket.Scores);
            Assert.Empty(basket.Weights);
            Assert.Empty(basket.Colors);
            Assert.Empty(basket.Blobs);
            Assert.Empty(basket.Counts);
            Assert.Empty(basket.Attributes);
            Assert.Empty(basket.Ratios);
            Assert.Empty(basket.Groups);
            Assert.Empty(basket.MaybeLabels!);
        }
    }

    [Fact]
    public async Task Saving_an_item_read_without_its_set_attributes_writes_only_what_changed()
    {
        await fixture.RawClient.PutItemAsync(fixture.TableName("Baskets"), new() { ["Owner"] = Attr.S(TestOwner), ["Id"] = Attr.S("bare-save") });
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var basket = (await context.Baskets.FindAsync(TestOwner, "bare-save"))!;
        log.Clear();

        basket.Labels.Add("now");
        await context.SaveChangesAsync();

        var request = Assert.Single(log.Requests);
        Assert.Equal(["Labels"], request.Details().ReferencedNames("UpdateExpression"));
        Assert.Equal(
            new Dictionary<string, string> { ["Owner"] = "S:tests", ["Id"] = "S:bare-save", ["Labels"] = "SS[now]" },
            (await fixture.RawBasketAsync(TestOwner, "bare-save"))!.ToDictionary(p => p.Key, p => AttributeValueText.Of(p.Value)));
    }

    public static TheoryData<string, string, string> InPlaceChanges => new()
    {
        { "Tags.Add", "Tags", "L[S:red, S:green, S:red, S:x]" },
        { "Codes[0] =", "Codes", "L[S:y, S:a]" },
        { "Notes[1] =", "Notes", "L[S:first, S:second, S:third]" },
        { "Labels.Add", "Labels", "SS[new, sale, x]" },
        { "Labels.Remove", "Labels", "SS[sale]" },
        { "Scores.Add", "Scores", "NS[10, 5, 7]" },
        { "Colors.Remove", "Colors", "NS[3]" },
        { "Blobs.Add", "Blobs", "BS[00, 0102, FF]" },
        { "Counts[k] =", "Counts", "M{apples=N:4, pears=N:0}" },
        { "Attributes[new] =", "Attributes", "M{color=S:blue, fit=S:, size=S:L}" },
        { "Matrix[0][1] =", "Matrix", "L[L[N:1, N:9], L[], L[N:3]]" },
        { "Groups[a].Add", "Groups", "M{a=L[S:x, S:y, S:z], b=L[]}" },
        { "MaybeLabels.Add", "MaybeLabels", "SS[m, n]" },
    };

    private static void Change(Basket basket, string change)
    {
        switch (change)
        {
            case "Tags.Add": basket.Tags.Add("x"); break;
            case "Codes[0] =": basket.Codes[0] = "y"; break;
            case "Notes[1] =": basket.Notes[1] = "second"; break;
            case "Labels.Add": basket.Labels.Add("x"); break;
            case "Labels.Remove": basket.Labels.Remove("new"); break;
            case "Scores.Add": basket.Scores.Add(7); break;
            case "Colors.Remove": basket.Colors.Remove(Color.Red); break;
            case "Blobs.Add": basket.Blobs.Add([0]); break;
            case "Counts[k] =": basket.Counts["apples"] = 4; break;
            case "Attributes[new] =": basket.Attributes["color"] = "blue"; break;
            case "Matrix[0][1] =": basket.Matrix[0][1] = 9; break;
            case "Groups[a].Add": basket.Groups["a"].Add("z"); break;
            case "MaybeLabels.Add": basket.MaybeLabels!.Add("n"); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    [Theory]
    [MemberData(nameof(InPlaceChanges))]
    public async Task An_in_place_change_is_saved_as_an_UpdateItem_of_only_that_attribute(string change, string attribute, string expected)
    {
        var id = "change-" + change;
        await AddAsync(BasketSeed.Full(TestOwner, id));
        var before = (await fixture.RawBasketAsync(TestOwner, id))!;
        var log = new RequestLog();

        await using (var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging()))
        {
            var basket = (await context.Baskets.FindAsync(TestOwner, id))!;
            log.Clear();

            Change(basket, change);
            context.ChangeTracker.DetectChanges();
            Assert.Equal(EntityState.Modified, context.Entry(basket).State);
            Assert.Equal([attribute], context.Entry(basket).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name));
            Assert.Equal(1, await context.SaveChangesAsync());
            Assert.Equal(EntityState.Unchanged, context.Entry(basket).State);
        }

        var request = Assert.Single(log.Requests);
        Assert.Equal("UpdateItem", request.Operation);
        Assert.StartsWith("SET ", request.Details().String("UpdateExpression"), StringComparison.Ordinal);
        Assert.Equal([attribute], request.Details().ReferencedNames("UpdateExpression"));
        var after = (await fixture.RawBasketAsync(TestOwner, id))!;
        Assert.Equal(expected, AttributeValueText.Of(after[attribute]));
        Assert.Equal(
            before.Where(p => p.Key != attribute).ToDictionary(p => p.Key, p => AttributeValueText.Of(p.Value)),
            after.Where(p => p.Key != attribute).ToDictionary(p => p.Key, p => AttributeValueText.Of(p.Value)));

        var changed = BasketSeed.Full(TestOwner, id);
        Change(changed, change);
        await using var reader = fixture.CreateContext();
        AssertSameCollections(changed, await reader.Baskets.FindAsync(TestOwner, id));
    }

    [Fact]
    public async Task Clearing_a_set_removes_its_attribute_and_it_reads_back_empty()
    {
        await AddAsync(BasketSeed.Full(TestOwner, "clear-set"));
        var log = new RequestLog();

        await using (var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging()))
        {
            var basket = (await context.Baskets.FindAsync(TestOwner, "clear-set"))!;
            log.Clear();

            basket.Labels.Clear();
            await context.SaveChangesAsync();
        }

        var request = Assert.Single(log.Requests);
        Assert.Equal("UpdateItem", request.Operation);
        Assert.Equal("REMOVE #n1", request.Details().String("UpdateExpression"));
        Assert.Equal(["Labels"], request.Details().ReferencedNames("UpdateExpression"));
        var item = (await fixture.RawBasketAsync(TestOwner, "clear-set"))!;
        Assert.DoesNotContain("Labels", item.Keys);
        Assert.Equal("NS[10, 5]", AttributeValueText.Of(item["Scores"]));

        await using var reader = fixture.CreateContext();
        var read = (await reader.Baskets.FindAsync(TestOwner, "clear-set"))!;
        Assert.Empty(read.Labels);
        Assert.Equal([5, 10], read.Scores.Order());
    }

    [Fact]
    public async Task Filling_an_empty_set_adds_its_attribute()
    {
        await AddAsync(BasketSeed.Empty(TestOwner, "fill-set"));

        await using (var context = fixture.CreateContext())
        {
            var basket = (await context.Baskets.FindAsync(TestOwner, "fill-set"))!;
            basket.Scores.Add(1);
            basket.Blobs.Add([7]);
            await context.SaveChangesAsync();
        }

        var item = (await fixture.RawBasketAsync(TestOwner, "fill-set"))!;
        Assert.Equal("NS[1]", AttributeValueText.Of(item["Scores"]));
        Assert.Equal("BS[07]", AttributeValueText.Of(item["Blobs"]));
        Assert.DoesNotContain("Labels", item.Keys);
    }

    [Fact]
    public async Task Setting_a_nullable_collection_to_null_removes_it()
    {
        await AddAsync(BasketSeed.Full(TestOwner, "null-out"));

        await using (var context = fixture.CreateContext())
        {
            var basket = (await context.Baskets.FindAsync(TestOwner, "null-out"))!;
            basket.MaybeTags = null;
            await context.SaveChangesAsync();
        }

        Assert.DoesNotContain("MaybeTags", (await fixture.RawBasketAsync(TestOwner, "null-out"))!.Keys);
        await using var reader = fixture.CreateContext();
        Assert.Null((await reader.Baskets.FindAsync(TestOwner, "null-out"))!.MaybeTags);
    }

    [Fact]
    public async Task A_null_element_in_a_set_fails_before_anything_is_sent()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        context.Baskets.Add(new Basket { Owner = TestOwner, Id = "null-in-set", Labels = ["ok", null!] });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.UnstorableValue("Basket", "Labels", DynamoDbStrings.NullInSet("HashSet<string>")), exception.Message);
        Assert.Empty(log.Requests);
        Assert.Null(await fixture.RawBasketAsync(TestOwner, "null-in-set"));
    }

    [Fact]
    public async Task A_null_element_added_to_a_tracked_set_fails_before_anything_is_sent()
    {
        await AddAsync(BasketSeed.Full(TestOwner, "null-added"));
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var basket = (await context.Baskets.FindAsync(TestOwner, "null-added"))!;
        log.Clear();

        basket.MaybeLabels!.Add(null!);
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.UnstorableValue("Basket", "MaybeLabels", DynamoDbStrings.NullInSet("HashSet<string>")), exception.Message);
        Assert.Empty(log.Requests);
        Assert.Equal("SS[m]", AttributeValueText.Of((await fixture.RawBasketAsync(TestOwner, "null-added"))!["MaybeLabels"]));
    }

    private static readonly Dictionary<string, Expression<Func<Basket, bool>>> Filters = new()
    {
        ["list of strings contains"] = b => b.Tags.Contains("red"),
        ["array contains"] = b => b.Codes.Contains("x"),
        ["list of ints contains"] = b => b.Numbers.Contains(2),
        ["string set contains"] = b => b.Labels.Contains("sale"),
        ["int set contains"] = b => b.Scores.Contains(5),
        ["decimal set contains"] = b => b.Weights.Contains(2.25m),
        ["enum set contains"] = b => b.Colors.Contains(Color.Blue),
        ["not contains"] = b => !b.Labels.Contains("sale"),
        ["list count"] = b => b.Tags.Count == 3,
        ["array length"] = b => b.Codes.Length == 2,
        ["set count"] = b => b.Labels.Count == 3,
        ["set count range"] = b => b.Scores.Count >= 2,
        ["map count"] = b => b.Counts.Count == 1,
        ["empty list"] = b => b.Tags.Count == 0,
        ["empty map"] = b => b.Counts.Count == 0,
        ["empty set"] = b => b.Labels.Count == 0,
        ["set smaller than two"] = b => b.Scores.Count < 2,
        ["set count not three"] = b => b.Labels.Count != 3,
        ["contains and count"] = b => b.Tags.Contains("red") && b.Scores.Count == 1,
        ["non-empty set"] = b => b.Labels.Count > 0,
        ["set Any"] = b => b.Scores.Any(),
        ["set not Any"] = b => !b.Labels.Any(),
        ["no such set element"] = b => !b.Scores.Contains(5) && b.Labels.Count <= 1,
        ["list without a null element"] = b => !b.Notes.Contains(null),
        ["sort key or empty set"] = b => b.Id == "full" || b.Labels.Count == 0,
        ["sort key or empty map"] = b => b.Id == "one" || b.Counts.Count == 0,
    };

    public static TheoryData<string> FilterNames => new(Filters.Keys);

    [Theory]
    [MemberData(nameof(FilterNames))]
    public async Task A_collection_filter_returns_what_LINQ_to_Objects_returns(string name)
    {
        var predicate = Filters[name];
        var expected = fixture.Seed.Where(LinqToObjects.Compile(predicate)).Select(b => b.Id).Order(StringComparer.Ordinal).ToList();
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Baskets.Where(b => b.Owner == BasketSeed.Owner).Where(predicate).ToListAsync();

        Assert.Equal(expected, actual.Select(b => b.Id).Order(StringComparer.Ordinal));
        Assert.InRange(expected.Count, 1, fixture.Seed.Count - 1);
        Assert.Equal(["Query"], log.Operations.Distinct());
    }

    [Fact]
    public async Task Contains_on_a_set_of_byte_arrays_matches_by_value()
    {
        var bytes = new byte[] { 1, 2 };
        await using var context = fixture.CreateContext();

        var actual = await context.Baskets.Where(b => b.Owner == BasketSeed.Owner && b.Blobs.Contains(bytes)).ToListAsync();

        Assert.Equal(["full", "one"], actual.Select(b => b.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Contains_with_a_captured_element_scans_the_table()
    {
        var tag = BasketSeed.RareTag;
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var actual = await context.Baskets.Where(b => b.Tags.Contains(tag) || b.Labels.Contains(tag)).ToListAsync();

        Assert.Equal(["rare"], actual.Select(b => b.Id));
        Assert.Equal(["Scan"], log.Operations.Distinct());
    }

    [Fact]
    public async Task Count_of_a_collection_filter_counts_the_matching_items()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(
            fixture.Seed.Count(b => b.Scores.Contains(5)),
            await context.Baskets.CountAsync(b => b.Owner == BasketSeed.Owner && b.Scores.Contains(5)));
    }

    [Fact]
    public async Task A_projection_of_collections_reads_them_as_saved()
    {
        await using var context = fixture.CreateContext();

        var full = await context.Baskets
            .Where(b => b.Owner == BasketSeed.Owner && b.Id == "full")
            .Select(b => new { b.Tags, b.Labels, b.Counts, b.Matrix })
            .SingleAsync();
        var empty = await context.Baskets
            .Where(b => b.Owner == BasketSeed.Owner && b.Id == "empty")
            .Select(b => new { b.Labels, b.Scores, b.Counts })
            .SingleAsync();

        Assert.Equal(["red", "green", "red"], full.Tags);
        Assert.Equal(["new", "sale"], full.Labels.Order(StringComparer.Ordinal));
        Assert.Equal(3, full.Counts["apples"]);
        Assert.Equal([[1, 2], [], [3]], full.Matrix);
        Assert.Empty(empty.Labels);
        Assert.Empty(empty.Scores);
        Assert.Empty(empty.Counts);
    }

    [Fact]
    public async Task A_list_with_a_null_element_matches_Contains_null()
    {
        await using var context = fixture.CreateContext();

        var withNull = await context.Baskets.Where(b => b.Owner == BasketSeed.Owner && b.Notes.Contains(null)).ToListAsync();

        Assert.Equal(fixture.Seed.Where(b => b.Notes.Contains(null)).Select(b => b.Id), withNull.Select(b => b.Id));
    }

    private async Task AddAsync(Basket basket)
    {
        await using var context = fixture.CreateContext();
        context.Baskets.Add(basket);
        await context.SaveChangesAsync();
    }

    private static void AssertSameCollections(Basket expected, Basket? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Owner, expected.Id), (actual.Owner, actual.Id));
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Codes, actual.Codes);
        Assert.Equal(expected.Numbers, actual.Numbers);
        Assert.Equal(expected.Prices, actual.Prices);
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Equal(expected.Labels.Order(StringComparer.Ordinal), actual.Labels.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Scores.Order(), actual.Scores.Order());
        Assert.Equal(expected.Weights.Order(), actual.Weights.Order());
        Assert.Equal(expected.Colors.Order(), actual.Colors.Order());
        Assert.Equal(
            expected.Blobs.Select(Convert.ToHexString).Order(StringComparer.Ordinal),
            actual.Blobs.Select(Convert.ToHexString).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal(expected.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Ratios.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Ratios.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Matrix, actual.Matrix);
        Assert.Equal(expected.Groups.Keys.Order(StringComparer.Ordinal), actual.Groups.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected.Groups, g => Assert.Equal(g.Value, actual.Groups[g.Key]));
        Assert.Equal(expected.MaybeTags, actual.MaybeTags);
        // DynamoDB has no empty set: a null set and an empty one are both no attribute, and read back empty.
        Assert.Equal((expected.MaybeLabels ?? []).Order(StringComparer.Ordinal), actual.MaybeLabels!.Order(StringComparer.Ordinal));
    }
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// Key templates (<c>HasKeyPrefix</c>) without a server: the stored text of each key type, the table definition,
/// the items and key conditions the provider builds, reading prefixed and unprefixed items, and validation.
/// </summary>
public sealed class DynamoDbKeyTemplateTests
{
    private static ScenarioContext Context(
        Action<ModelBuilder>? configure = null,
        Action<DbContextOptionsBuilder>? options = null,
        [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b =>
            {
                b.Entity<Order>(o =>
                {
                    o.HasKey(x => new { x.CustomerId, x.Number });
                    o.Property(x => x.CustomerId).HasAttributeName("PK").HasKeyPrefix("CUSTOMER#");
                    o.Property(x => x.Number).HasAttributeName("SK").HasKeyPrefix("ORDER#");
                    o.Property(x => x.Status).HasKeyPrefix("STATUS#");
                    o.HasGlobalSecondaryIndex("ByStatus", x => x.Status);
                });
                b.Entity<Note>(n =>
                {
                    n.HasKey(x => new { x.Author, x.Slug });
                    n.Property(x => x.Author).HasKeyPrefix("AUTHOR#");
                    n.Property(x => x.Slug).HasKeyPrefix("NOTE#");
                    n.Property(x => x.Topic).HasKeyPrefix("TOPIC#");
                    n.HasGlobalSecondaryIndex("ByTopic", x => x.Topic);
                });
                configure?.Invoke(b);
            },
            configure: options,
            scenario: nameof(DynamoDbKeyTemplateTests) + "." + scenario);

    private static ScenarioContext KeyContext<TKey>(string prefix, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Keyed<TKey>>(k =>
            {
                k.HasKey(x => x.Key);
                k.Property(x => x.Key).HasKeyPrefix(prefix);
            }),
            scenario: nameof(DynamoDbKeyTemplateTests) + "." + scenario + "." + typeof(TKey).Name);

    private static string ModelError(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbKeyTemplateTests) + "." + scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    // The attribute value a key value is stored as, and the value read back from it.
    private static (string Stored, object? Read) RoundTrip<TKey>(string prefix, TKey value, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = KeyContext<TKey>(prefix, scenario);
        var mapping = (DynamoDbTypeMapping)db.Model.FindEntityType(typeof(Keyed<TKey>))!.FindProperty(nameof(Keyed<TKey>.Key))!.GetTypeMapping();
        var stored = mapping.CreateAttributeValue(value!);
        return (AttributeValues.Describe(stored), mapping.Converter!.ConvertFromProvider(stored.S));
    }

    [Fact]
    public void A_string_key_is_stored_after_its_prefix_and_read_without_it()
        => Assert.Equal(("S:CUSTOMER#42", "42"), RoundTrip("CUSTOMER#", "42"));

    [Fact]
    public void Integer_keys_are_zero_padded_to_their_types_width()
    {
        Assert.Equal(("S:ORDER#0000000007", 7), RoundTrip("ORDER#", 7));
        Assert.Equal(("S:ORDER#2147483647", int.MaxValue), RoundTrip("ORDER#", int.MaxValue));
        Assert.Equal(("S:N#0000000000000000042", 42L), RoundTrip("N#", 42L));
        Assert.Equal(("S:N#00000000000000000042", 42UL), RoundTrip("N#", 42UL));
        Assert.Equal(("S:N#00042", (short)42), RoundTrip("N#", (short)42));
        Assert.Equal(("S:N#042", (byte)42), RoundTrip("N#", (byte)42));
        Assert.Equal(("S:N#0000000042", 42U), RoundTrip("N#", 42U));
    }

    [Fact]
    public void Zero_padded_integers_sort_as_numbers()
    {
        int[] numbers = [100, 7, 12, 1, 20, 3];
        using var db = KeyContext<int>("ORDER#");
        var mapping = (DynamoDbTypeMapping)db.Model.FindEntityType(typeof(Keyed<int>))!.FindProperty(nameof(Keyed<int>.Key))!.GetTypeMapping();

        var byText = numbers.OrderBy(n => mapping.CreateAttributeValue(n).S, StringComparer.Ordinal);

        Assert.Equal(numbers.Order(), byText);
    }

    [Fact]
    public void Non_integer_numbers_are_stored_as_invariant_text()
    {
        Assert.Equal(("S:P#12.5", 12.5m), RoundTrip("P#", 12.5m));
        Assert.Equal(("S:P#0.1", 0.1), RoundTrip("P#", 0.1));
    }

    [Fact]
    public void Date_keys_are_stored_as_ISO_text_after_the_prefix()
    {
        Assert.Equal(("S:DAY#2024-03-07", new DateOnly(2024, 3, 7)), RoundTrip("DAY#", new DateOnly(2024, 3, 7)));
        var at = new DateTime(2024, 5, 1, 8, 30, 15, DateTimeKind.Utc);
        Assert.Equal(("S:AT#2024-05-01T08:30:15.0000000Z", at), RoundTrip("AT#", at));
    }

    [Fact]
    public void Guid_and_enum_keys_are_stored_as_text_after_the_prefix()
    {
        var id = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.Equal(("S:ID#0f8fad5b-d9cb-469f-a165-70867728950e", id), RoundTrip("ID#", id));
        Assert.Equal(("S:KIND#0000000002", Kind.Second), RoundTrip("KIND#", Kind.Second));
    }

    [Fact]
    public void Text_without_the_prefix_reads_unchanged()
    {
        using var db = Context();
        var entityType = db.Model.FindEntityType(typeof(Order))!;

        Assert.Equal("legacy", entityType.FindProperty(nameof(Order.CustomerId))!.GetTypeMapping().Converter!.ConvertFromProvider("legacy"));
        Assert.Equal(5, entityType.FindProperty(nameof(Order.Number))!.GetTypeMapping().Converter!.ConvertFromProvider("5"));
        Assert.Equal("CUSTOMER", entityType.FindProperty(nameof(Order.CustomerId))!.GetTypeMapping().Converter!.ConvertFromProvider("CUSTOMER#CUSTOMER"));
    }

    [Fact]
    public void A_prefixed_number_key_is_a_string_attribute_of_the_table_and_index()
    {
        using var db = Context();

        var request = db.Database.GetCreateTableRequests().Single(r => r.TableName == "Order");

        Assert.Equal(
            [("PK", "S"), ("SK", "S"), ("Status", "S")],
            request.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)).OrderBy(d => d.AttributeName, StringComparer.Ordinal));
    }

    [Fact]
    public void An_added_entity_is_a_Put_of_the_prefixed_key_and_index_key_values()
    {
        using var db = Context();
        var order = new Order { CustomerId = "42", Number = 7, Status = "open", Total = 3m };
        db.Add(order);

        var command = db.GetService<DynamoDbWriteCommandFactory>().Create(db.Entry(order).GetInfrastructure())!;

        Assert.Equal(
            new Dictionary<string, string> { ["PK"] = "S:CUSTOMER#42", ["SK"] = "S:ORDER#0000000007", ["Status"] = "S:STATUS#open", ["Total"] = "N:3" },
            AttributeValues.Describe(command.KeyOrItem));
    }

    [Fact]
    public void A_modified_entity_is_an_Update_addressed_by_the_prefixed_key()
    {
        using var db = Context();
        var order = new Order { CustomerId = "42", Number = 7, Status = "open", Total = 3m };
        db.Attach(order);
        order.Status = "shipped";

        var command = db.GetService<DynamoDbWriteCommandFactory>().Create(db.Entry(order).GetInfrastructure())!;

        Assert.Equal(new Dictionary<string, string> { ["PK"] = "S:CUSTOMER#42", ["SK"] = "S:ORDER#0000000007" }, AttributeValues.Describe(command.KeyOrItem));
        Assert.Equal(["S:STATUS#shipped"], AttributeValues.Describe(command.Values)!.Values);
    }

    [Fact]
    public void Equality_on_the_partition_key_is_a_key_condition_on_the_prefixed_value()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Order>().Where(o => o.CustomerId == "42"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Null(request.Member("IndexName"));
        Assert.Equal(["S:CUSTOMER#42"], request.Values().Values);
        Assert.Null(request.Member("FilterExpression"));
    }

    [Fact]
    public void A_sort_key_range_is_a_key_condition_on_zero_padded_prefixed_values()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Order>().Where(o => o.CustomerId == "42" && o.Number >= 3 && o.Number <= 10));

        Assert.Contains(" BETWEEN ", request.Member("KeyConditionExpression"), StringComparison.Ordinal);
        Assert.Equal(["S:CUSTOMER#42", "S:ORDER#0000000003", "S:ORDER#0000000010"], request.Values().Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StartsWith_on_a_prefixed_sort_key_is_begins_with_of_the_prefixed_value_in_the_key_condition()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Note>().Where(n => n.Author == "ada" && n.Slug.StartsWith("al")));

        Assert.Contains("begins_with(", request.Member("KeyConditionExpression"), StringComparison.Ordinal);
        Assert.Equal(["S:AUTHOR#ada", "S:NOTE#al"], request.Values().Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StartsWith_on_a_prefixed_property_in_a_filter_is_begins_with_of_the_prefixed_value()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Note>().Where(n => n.Author == "ada" && n.Topic.StartsWith("d")));

        Assert.Contains("begins_with(", request.Member("FilterExpression"), StringComparison.Ordinal);
        Assert.Contains("S:TOPIC#d", request.Values().Values);
        Assert.DoesNotContain("S:d", request.Values().Values);
    }

    [Fact]
    public void StartsWith_on_a_prefixed_key_in_a_scan_filter_is_begins_with_of_the_prefixed_value()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Note>().Where(n => n.Slug.StartsWith("al")));

        Assert.Contains("begins_with(", request.Member("FilterExpression"), StringComparison.Ordinal);
        Assert.Equal(["S:NOTE#al"], request.Values().Values);
    }

    [Fact]
    public void Equality_on_a_prefixed_index_key_queries_the_index_with_the_prefixed_value()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Order>().Where(o => o.Status == "open"));

        Assert.Equal("ByStatus", request.Member("IndexName"));
        Assert.Equal(["S:STATUS#open"], request.Values().Values);
    }

    [Fact]
    public async Task Returned_items_read_without_their_prefixes_and_unprefixed_items_unchanged()
    {
        await using var db = Context(options: RecordingClientWrapper.Use);
        RecordingClientWrapper.Of(db).Respond = _ =>
        [
            new() { ["PK"] = new() { S = "CUSTOMER#42" }, ["SK"] = new() { S = "ORDER#0000000012" }, ["Status"] = new() { S = "STATUS#open" }, ["Total"] = new() { N = "1" } },
            new() { ["PK"] = new() { S = "42" }, ["SK"] = new() { S = "13" }, ["Status"] = new() { S = "open" }, ["Total"] = new() { N = "2" } },
        ];

        var orders = await db.Set<Order>().Where(o => o.CustomerId == "42").ToListAsync();

        Assert.Equal([("42", 12, "open"), ("42", 13, "open")], orders.Select(o => (o.CustomerId, o.Number, o.Status)));
    }

    [Fact]
    public async Task StartsWith_on_a_prefixed_sort_key_checked_on_the_returned_items_compares_the_prefixed_text()
    {
        await using var db = Context(options: RecordingClientWrapper.Use);
        RecordingClientWrapper.Of(db).Respond = _ =>
        [
            NoteItem("al"),
            NoteItem("alpha"),
            NoteItem("beta"),
            NoteItem("gamma"),
        ];

        var notes = await db.Set<Note>().Where(n => n.Author == "ada" && (n.Slug.StartsWith("al") || n.Slug == "gamma")).ToListAsync();

        Assert.Equal(["al", "alpha", "gamma"], notes.Select(n => n.Slug));
        var request = Assert.IsType<QueryRequest>(Assert.Single(RecordingClientWrapper.Of(db).Requests));
        Assert.Equal(["S:AUTHOR#ada"], request.ExpressionAttributeValues.Values.Select(AttributeValues.Describe));
    }

    [Fact]
    public void A_prefix_on_a_property_that_is_no_key_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidKeyPrefix("Plain", "Name"),
            ModelError(b => b.Entity<Plain>().Property(p => p.Name).HasKeyPrefix("NAME#")));

    [Fact]
    public void A_prefix_on_a_property_of_an_index_DynamoDB_ignores_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidKeyPrefix("Plain", "Name"),
            ModelError(b =>
            {
                b.Entity<Plain>().HasIndex(p => p.Name);
                b.Entity<Plain>().Property(p => p.Name).HasKeyPrefix("NAME#");
            }));

    [Fact]
    public void A_prefix_on_a_binary_key_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidKeyPrefix("Blob", "Hash"),
            ModelError(b =>
            {
                b.Entity<Blob>().HasKey(x => x.Hash);
                b.Entity<Blob>().Property(x => x.Hash).HasKeyPrefix("HASH#");
            }));

    [Fact]
    public void A_prefix_on_a_global_index_sort_key_is_valid()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Plain>(p =>
        {
            p.Property(x => x.Name).HasKeyPrefix("NAME#");
            p.Property(x => x.Rank).HasKeyPrefix("RANK#");
            p.HasGlobalSecondaryIndex("ByName", x => x.Name, x => x.Rank);
        }));

        var entityType = db.Model.FindEntityType(typeof(Plain))!;

        Assert.Equal("RANK#", entityType.FindProperty(nameof(Plain.Rank))!.GetKeyPrefix());
        Assert.Equal(typeof(string), entityType.FindProperty(nameof(Plain.Rank))!.GetTypeMapping().Converter!.ProviderClrType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void HasKeyPrefix_needs_a_prefix(string? prefix)
    {
        var builder = new ModelBuilder().Entity<Plain>().Property(p => p.Id);

        Assert.ThrowsAny<ArgumentException>(() => builder.HasKeyPrefix(prefix!));
    }

    private static Dictionary<string, AttributeValue> NoteItem(string slug)
        => new() { ["Author"] = new() { S = "AUTHOR#ada" }, ["Slug"] = new() { S = "NOTE#" + slug }, ["Topic"] = new() { S = "TOPIC#t" } };

    public enum Kind
    {
        First = 1,
        Second = 2,
    }

    public class Keyed<TKey>
    {
        public TKey Key { get; set; } = default!;

        public string? Value { get; set; }
    }

    public class Order
    {
        public string CustomerId { get; set; } = "";

        public int Number { get; set; }

        public string Status { get; set; } = "";

        public decimal Total { get; set; }
    }

    [Fact]
    public void Contains_on_a_prefixed_key_is_checked_on_the_client_because_DynamoDB_would_search_the_prefix()
    {
        using var db = Context();

        var query = db.Set<Note>().Where(n => n.Author == "ada" && n.Slug.Contains("l"));

        Assert.Null(RequestJson.Of(query).Member("FilterExpression"));
        Assert.Contains("n.Slug.Contains(\"l\")", RequestJson.Notes(query).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Length_of_a_prefixed_key_is_checked_on_the_client_because_size_would_count_the_prefix()
    {
        using var db = Context();

        var query = db.Set<Note>().Where(n => n.Author == "ada" && n.Slug.Length > 3);

        Assert.Null(RequestJson.Of(query).Member("FilterExpression"));
        Assert.Contains("n.Slug.Length > 3", RequestJson.Notes(query).Single(), StringComparison.Ordinal);
    }

    public class Note
    {
        public string Author { get; set; } = "";

        public string Slug { get; set; } = "";

        public string Topic { get; set; } = "";
    }

    public class Plain
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public int Rank { get; set; }
    }

    public class Blob
    {
        public byte[] Hash { get; set; } = [];
    }
}

using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// Time to live without a server: <c>HasTimeToLive</c> on DateTime, DateTimeOffset and long properties (nullable
/// or not) stores N epoch seconds; other types and key properties are errors; <c>ExcludeExpiredItems()</c> adds
/// the expiry condition to every read of a type with a time to live, and nothing to others.
/// </summary>
public sealed class DynamoDbTimeToLiveTests : IDisposable
{
    private static readonly DateTime Expiry = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const long ExpirySeconds = 1893456000;

    private readonly ScenarioContext _db = NewContext();

    public void Dispose() => _db.Dispose();

    private static void BuildModel(ModelBuilder b)
    {
        b.Entity<Session>().HasTimeToLive(s => s.ExpiresAt);
        b.Entity<Token>().HasTimeToLive(t => t.ExpiresAt);
        b.Entity<Lease>(e =>
        {
            e.HasKey(l => new { l.Owner, l.Id });
            e.HasTimeToLive(l => l.Expires);
            e.Property(l => l.Expires).HasAttributeName("ttl");
        });
        b.Entity<Grant>().HasTimeToLive(g => g.Until);
        b.Entity<Plain>();
    }

    private static ScenarioContext NewContext(Action<DynamoDbDbContextOptionsBuilder>? dynamoDb = null, string scenario = nameof(DynamoDbTimeToLiveTests))
        => TestContexts.Scenario(BuildModel, dynamoDb, scenario: scenario);

    private static ScenarioContext ExcludingContext() => NewContext(d => d.ExcludeExpiredItems());

    private Dictionary<string, string> Item(object entity)
    {
        _db.Add(entity);
        return AttributeValueText.Of(_db.GetService<DynamoDbWriteCommandFactory>().Create(_db.Entry(entity).GetInfrastructure())!.KeyOrItem);
    }

    [Theory]
    [InlineData(typeof(Session), "ExpiresAt", "ExpiresAt")]
    [InlineData(typeof(Token), "ExpiresAt", "ExpiresAt")]
    [InlineData(typeof(Lease), "Expires", "ttl")]
    [InlineData(typeof(Grant), "Until", "Until")]
    public void HasTimeToLive_names_the_property_stored_as_a_number(Type entityType, string property, string attribute)
    {
        var timeToLive = _db.Model.FindEntityType(entityType)!.GetTimeToLiveProperty()!;

        Assert.Equal(property, timeToLive.Name);
        Assert.Equal(attribute, timeToLive.GetAttributeName());
        Assert.Equal(DynamoDbAttributeType.Number, ((DynamoDbTypeMapping)timeToLive.GetTypeMapping()).AttributeType);
    }

    [Fact]
    public void A_type_without_HasTimeToLive_has_none()
        => Assert.Null(_db.Model.FindEntityType(typeof(Plain))!.GetTimeToLiveProperty());

    [Fact]
    public void A_UTC_DateTime_is_stored_as_epoch_seconds()
        => Assert.Equal("N:" + ExpirySeconds, Item(new Session { Id = "s", ExpiresAt = Expiry })["ExpiresAt"]);

    [Fact]
    public void Fractions_of_a_second_are_dropped()
        => Assert.Equal("N:" + ExpirySeconds, Item(new Session { Id = "s", ExpiresAt = Expiry.AddMilliseconds(999) })["ExpiresAt"]);

    [Fact]
    public void An_unspecified_DateTime_is_taken_as_UTC()
        => Assert.Equal("N:" + ExpirySeconds, Item(new Session { Id = "s", ExpiresAt = DateTime.SpecifyKind(Expiry, DateTimeKind.Unspecified) })["ExpiresAt"]);

    [Fact]
    public void A_local_DateTime_is_stored_as_its_UTC_instant()
        => Assert.Equal(
            "N:" + new DateTimeOffset(Expiry.ToLocalTime()).ToUnixTimeSeconds(),
            Item(new Session { Id = "s", ExpiresAt = Expiry.ToLocalTime() })["ExpiresAt"]);

    [Fact]
    public void A_DateTimeOffset_is_stored_as_the_epoch_seconds_of_its_instant()
        => Assert.Equal(
            "N:" + ExpirySeconds,
            Item(new Token { Id = "t", ExpiresAt = new DateTimeOffset(2030, 1, 1, 2, 0, 0, TimeSpan.FromHours(2)) })["ExpiresAt"]);

    [Fact]
    public void A_long_is_stored_as_it_is_under_its_attribute_name()
        => Assert.Equal("N:1700000000", Item(new Lease { Owner = "o", Id = "l", Expires = 1700000000 })["ttl"]);

    [Fact]
    public void A_null_time_to_live_is_not_written()
    {
        Assert.DoesNotContain("ExpiresAt", Item(new Token { Id = "t" }).Keys);
        Assert.DoesNotContain("ttl", Item(new Lease { Owner = "o", Id = "l" }).Keys);
    }

    [Fact]
    public void A_filter_on_the_time_to_live_compares_epoch_seconds()
    {
        var request = RequestJson.Of(_db.Set<Session>().Where(s => s.ExpiresAt < Expiry));

        Assert.Equal("#n0 < :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:" + ExpirySeconds }, request.Values());
    }

    public static TheoryData<string, string> UnsupportedTypes => new()
    {
        { "string", "Name" },
        { "int", "Count" },
        { "int?", "NullableCount" },
        { "DateOnly", "Day" },
        { "TimeSpan", "Span" },
    };

    [Theory]
    [MemberData(nameof(UnsupportedTypes))]
    public void HasTimeToLive_on_an_unsupported_type_is_an_ArgumentException(string typeName, string property)
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                var entity = b.Entity<Plain>();
                _ = property switch
                {
                    "Name" => entity.HasTimeToLive(p => p.Name),
                    "Count" => entity.HasTimeToLive(p => p.Count),
                    "NullableCount" => entity.HasTimeToLive(p => p.NullableCount),
                    "Day" => entity.HasTimeToLive(p => p.Day),
                    _ => entity.HasTimeToLive(p => p.Span),
                };
            },
            scenario: nameof(DynamoDbTimeToLiveTests) + ".Unsupported." + property);

        var exception = Assert.Throws<ArgumentException>(() => db.Model);

        Assert.Equal("propertyExpression", exception.ParamName);
        Assert.Equal(new ArgumentException(DynamoDbStrings.InvalidTimeToLiveType("Plain", property, typeName), "propertyExpression").Message, exception.Message);
    }

    [Fact]
    public void HasTimeToLive_on_a_key_property_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.TimeToLiveOnKey("Grant", "Until"),
            ModelError(b => b.Entity<Grant>(e =>
            {
                e.HasKey(g => g.Until);
                e.HasTimeToLive(g => g.Until);
            })));

    [Fact]
    public void HasTimeToLive_on_a_DateTime_sort_key_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.TimeToLiveOnKey("Session", "ExpiresAt"),
            ModelError(b => b.Entity<Session>(e =>
            {
                e.HasKey(s => new { s.Id, s.ExpiresAt });
                e.HasTimeToLive(s => s.ExpiresAt);
            })));

    [Fact]
    public void Types_sharing_a_table_with_time_to_live_in_different_attributes_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableTimeToLiveMismatch("App", "Session", "ExpiresAt", "Token", "Expiry"),
            ModelError(b =>
            {
                b.Entity<Session>(e => e.ToTable("App").HasTimeToLive(s => s.ExpiresAt));
                b.Entity<Token>(e =>
                {
                    e.ToTable("App").HasTimeToLive(t => t.ExpiresAt);
                    e.Property(t => t.ExpiresAt).HasAttributeName("Expiry");
                });
            }));

    [Fact]
    public void Types_sharing_a_table_with_time_to_live_in_one_attribute_is_valid()
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                b.Entity<Session>(e => e.ToTable("App").HasTimeToLive(s => s.ExpiresAt));
                b.Entity<Token>(e => e.ToTable("App").HasTimeToLive(t => t.ExpiresAt));
                b.Entity<Plain>(e => e.ToTable("App"));
            },
            d => d.ExcludeExpiredItems(),
            scenario: nameof(DynamoDbTimeToLiveTests) + ".SharedTable");

        var tokens = RequestJson.Of(db.Set<Token>());
        var plains = RequestJson.Of(db.Set<Plain>());

        Assert.Equal("(#n0 = :v0 AND (attribute_not_exists(#n1) OR #n1 > :v1))", tokens.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "$type", ["#n1"] = "ExpiresAt" }, tokens.Names());
        Assert.Equal("#n0 = :v0", plains.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:Plain" }, plains.Values());
    }

    [Fact]
    public void Without_ExcludeExpiredItems_reads_have_no_expiry_condition()
    {
        Assert.Null(RequestJson.Of(_db.Set<Session>()).Member("FilterExpression"));
        Assert.Equal("GetItem", RequestJson.Of(_db.Set<Session>().Where(s => s.Id == "s")).Member("Operation"));
    }

    [Fact]
    public void ExcludeExpiredItems_adds_the_expiry_condition_to_a_Scan()
    {
        using var db = ExcludingContext();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var request = RequestJson.Of(db.Set<Session>());

        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("(attribute_not_exists(#n0) OR #n0 > :v0)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "ExpiresAt" }, request.Names());
        Assert.InRange(long.Parse(request.Values()[":v0"][2..], System.Globalization.CultureInfo.InvariantCulture), before, after);
    }

    [Fact]
    public void ExcludeExpiredItems_on_one_query_adds_the_option_expiry_condition_to_that_query()
    {
        var request = RequestJson.Of(_db.Set<Lease>().Where(l => l.Owner == "o").ExcludeExpiredItems());

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("(attribute_not_exists(#n1) OR #n1 > :v1)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Owner", ["#n1"] = "ttl" }, request.Names());
        Assert.Null(RequestJson.Of(_db.Set<Lease>().Where(l => l.Owner == "o")).Member("FilterExpression"));
    }

    [Fact]
    public void ExcludeExpiredItems_on_one_query_turns_a_lookup_by_key_into_a_filtered_read()
    {
        var request = RequestJson.Of(_db.Set<Session>().Where(s => s.Id == "s").ExcludeExpiredItems());

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("(attribute_not_exists(#n1) OR #n1 > :v1)", request.Member("FilterExpression"));
    }

    [Fact]
    public void ExcludeExpiredItems_on_a_query_of_a_type_without_time_to_live_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RequestJson.Of(_db.Set<Plain>().ExcludeExpiredItems()));

        Assert.Equal(DynamoDbStrings.ExcludeExpiredItemsWithoutTimeToLive(nameof(Plain)), error.Message);
    }

    [Fact]
    public void ExcludeExpiredItems_compares_a_long_time_to_live_under_its_attribute_name()
    {
        using var db = ExcludingContext();

        var request = RequestJson.Of(db.Set<Lease>().Where(l => l.Owner == "o"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("(attribute_not_exists(#n1) OR #n1 > :v1)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Owner", ["#n1"] = "ttl" }, request.Names());
        Assert.StartsWith("N:", request.Values()[":v1"], StringComparison.Ordinal);
    }

    [Fact]
    public void ExcludeExpiredItems_combines_with_the_queries_own_filter()
    {
        using var db = ExcludingContext();

        var request = RequestJson.Of(db.Set<Token>().Where(t => t.Scope == "read"));

        Assert.Equal("((attribute_not_exists(#n0) OR #n0 > :v0) AND #n1 = :v1)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "ExpiresAt", ["#n1"] = "Scope" }, request.Names());
    }

    [Fact]
    public void ExcludeExpiredItems_turns_a_key_lookup_into_a_Query_with_the_expiry_filter()
    {
        using var db = ExcludingContext();

        var request = RequestJson.Of(db.Set<Lease>().Where(l => l.Owner == "o" && l.Id == "l"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1", request.Member("KeyConditionExpression"));
        Assert.Equal("(attribute_not_exists(#n2) OR #n2 > :v2)", request.Member("FilterExpression"));
    }

    [Fact]
    public void ExcludeExpiredItems_leaves_types_without_a_time_to_live_alone()
    {
        using var db = ExcludingContext();

        Assert.Null(RequestJson.Of(db.Set<Plain>()).Member("FilterExpression"));
        Assert.Equal("GetItem", RequestJson.Of(db.Set<Plain>().Where(p => p.Id == "p")).Member("Operation"));
    }

    [Fact]
    public void The_expiry_condition_uses_the_time_of_each_execution()
    {
        using var db = ExcludingContext();
        var query = db.Set<Session>().Where(s => s.Id != "x");
        var first = RequestJson.Of(query).Values();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() == now)
        {
            Thread.Sleep(20);
        }

        var second = RequestJson.Of(query).Values();

        Assert.NotEqual(first.Values.First(v => v.StartsWith("N:", StringComparison.Ordinal)), second.Values.First(v => v.StartsWith("N:", StringComparison.Ordinal)));
    }

    private static string ModelError(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbTimeToLiveTests) + "." + scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    public class Session
    {
        public string Id { get; set; } = "";

        public DateTime ExpiresAt { get; set; }
    }

    public class Token
    {
        public string Id { get; set; } = "";

        public string Scope { get; set; } = "";

        public DateTimeOffset? ExpiresAt { get; set; }
    }

    public class Lease
    {
        public string Owner { get; set; } = "";

        public string Id { get; set; } = "";

        public long? Expires { get; set; }
    }

    public class Grant
    {
        public string Id { get; set; } = "";

        public long Until { get; set; }
    }

    public class Plain
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public int Count { get; set; }

        public int? NullableCount { get; set; }

        public DateOnly Day { get; set; }

        public TimeSpan Span { get; set; }
    }
}

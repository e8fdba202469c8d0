using System.Text.Json;
using System.Text.RegularExpressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal.CompositeKeys;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Tests.CompositeKeys;

/// <summary>
/// Keys of three or more properties: the model's mapping (partition key plus one composite sort-key attribute), its
/// validation, the CreateTable request, and the requests reads and writes build, without sending them.
/// </summary>
public class DynamoDbCompositeKeyRequestTests
{
    private static ScenarioContext Tokens(Action<Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<UserToken>>? configure = null, List<EventData>? events = null, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<UserToken>(t =>
            {
                t.HasKey(x => new { x.UserId, x.LoginProvider, x.Name });
                configure?.Invoke(t);
            }),
            configure: events is null ? null : o => o.LogTo((_, _) => true, events.Add),
            scenario: nameof(DynamoDbCompositeKeyRequestTests) + "." + scenario);

    private static ScenarioContext Measurements(List<EventData>? events = null, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Measurement>().HasKey(x => new { x.Site, x.Sensor, x.TakenAt }),
            configure: events is null ? null : o => o.LogTo((_, _) => true, events.Add),
            scenario: nameof(DynamoDbCompositeKeyRequestTests) + "." + scenario);

    private static string ModelError(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbCompositeKeyRequestTests) + "." + scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    // The expression with each #name placeholder replaced by its attribute and each :value by its "type:text".
    private static string Readable(JsonElement request, string member)
    {
        var names = request.Names();
        var values = request.Values();
        var text = request.Member(member)!;
        text = Regex.Replace(text, "#[A-Za-z0-9_]+", m => names[m.Value]);
        return Regex.Replace(text, ":[A-Za-z0-9_]+", m => values[m.Value]);
    }

    private static readonly DateTime Day = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_create_table_request_has_the_partition_key_and_the_composite_sort_key()
    {
        using var db = Tokens();

        var request = Assert.Single(db.Database.GetCreateTableRequests());

        Assert.Equal(["UserId HASH", "LoginProvider#Name RANGE"], request.KeySchema.Select(k => k.AttributeName + " " + k.KeyType.Value));
        Assert.Equal(["UserId S", "LoginProvider#Name S"], request.AttributeDefinitions.Select(d => d.AttributeName + " " + d.AttributeType.Value));
        Assert.Contains("\"LoginProvider#Name\"", db.Database.GenerateCreateScript(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_composite_attribute_can_be_renamed_and_any_key_property_can_be_the_partition_key()
    {
        using var db = Tokens(t => t.HasPartitionKey(x => x.LoginProvider).HasCompositeSortKeyAttributeName("sk"));

        var entityType = db.Model.FindEntityType(typeof(UserToken))!;
        var request = Assert.Single(db.Database.GetCreateTableRequests());

        Assert.Equal(["UserId", "LoginProvider", "Name"], entityType.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.Equal("LoginProvider", entityType.GetPartitionKeyProperty()!.Name);
        Assert.Equal(["UserId", "Name"], entityType.GetCompositeSortKeyProperties().Select(p => p.Name));
        Assert.Equal(["LoginProvider HASH", "sk RANGE"], request.KeySchema.Select(k => k.AttributeName + " " + k.KeyType.Value));
    }

    [Fact]
    public void A_part_the_encoding_cannot_order_is_an_error_that_explains_the_mapping()
    {
        var message = ModelError(b => b.Entity<Measurement>(m =>
        {
            m.Property<decimal>("Weight");
            m.HasKey("Site", "Sensor", "Weight");
        }));

        Assert.Equal(
            DynamoDbStrings.CompositeKeyPartNotSortable(
                "Measurement", "Weight", "decimal", DynamoDbStrings.CompositeKeyMapping("Site", "Site", "Sensor#Weight", "'Sensor', 'Weight'")),
            message);
    }

    [Fact]
    public void A_composite_attribute_named_as_a_property_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.CompositeSortKeyAttributeTaken(
                "UserToken", "Value", "UserToken.Value", DynamoDbStrings.CompositeKeyMapping("UserId", "UserId", "Value", "'LoginProvider', 'Name'")),
            ModelError(b => b.Entity<UserToken>(t =>
            {
                t.HasKey(x => new { x.UserId, x.LoginProvider, x.Name });
                t.HasCompositeSortKeyAttributeName("Value");
            })));

    [Fact]
    public void A_sort_key_property_on_a_composite_key_is_an_error()
        => Assert.Contains(
            "has no single sort-key property",
            ModelError(b => b.Entity<UserToken>(t =>
            {
                t.HasKey(x => new { x.UserId, x.LoginProvider, x.Name });
                t.HasPartitionKey(x => x.UserId);
                t.Metadata.SetAnnotation("DynamoDb:SortKeyName", "Name");
            })),
            StringComparison.Ordinal);

    [Fact]
    public void Equality_on_every_key_property_is_a_GetItem_by_the_encoded_key()
    {
        using var db = Tokens();

        var request = RequestJson.Of(db.Set<UserToken>().Where(t => t.UserId == "u1" && t.LoginProvider == "Google" && t.Name == "refresh"));

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Equal(
            """{"LoginProvider#Name":{"S":"Google#refresh"},"UserId":{"S":"u1"}}""",
            JsonSerializer.Serialize(request.GetProperty("Key").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToDictionary(p => p.Name, p => p.Value)));
    }

    [Fact]
    public void The_encoded_key_escapes_the_separator_inside_a_part()
    {
        using var db = Tokens();

        var request = RequestJson.Of(db.Set<UserToken>().Where(t => t.UserId == "u1" && t.LoginProvider == "a#b" && t.Name == "c"));

        Assert.Equal("a$cb#c", request.GetProperty("Key").GetProperty("LoginProvider#Name").GetProperty("S").GetString());
    }

    [Fact]
    public void A_leading_run_of_parts_is_a_Query_with_begins_with()
    {
        using var db = Tokens();

        var request = RequestJson.Of(db.Set<UserToken>().Where(t => t.UserId == "u1" && t.LoginProvider == "Google"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("UserId = S:u1 AND begins_with(LoginProvider#Name, S:Google#)", Readable(request, "KeyConditionExpression"));
        Assert.Null(request.Member("FilterExpression"));
    }

    [Fact]
    public void The_partition_key_alone_is_a_Query_without_a_sort_key_condition()
    {
        using var db = Tokens();

        var request = RequestJson.Of(db.Set<UserToken>().Where(t => t.UserId == "u1"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("UserId = S:u1", Readable(request, "KeyConditionExpression"));
    }

    [Fact]
    public void A_range_on_the_next_part_is_a_BETWEEN_on_the_composite_attribute_and_a_filter_on_the_part()
    {
        using var db = Measurements();

        var request = RequestJson.Of(db.Set<Measurement>().Where(m => m.Site == "s1" && m.Sensor == 7 && m.TakenAt >= Day));

        var keySchema = ItemKeySchema.Of(db.Model.FindEntityType(typeof(Measurement))!);
        var low = keySchema.EncodePrefix([7], Day);
        var high = keySchema.EncodePrefix([7])[..^1] + "$";
        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal($"Site = S:s1 AND Sensor#TakenAt BETWEEN S:{low} AND S:{high}", Readable(request, "KeyConditionExpression"));
        Assert.Equal("TakenAt >= S:2026-03-01T00:00:00.0000000Z", Readable(request, "FilterExpression"));
    }

    [Fact]
    public void A_range_on_the_first_part_is_a_one_sided_key_condition()
    {
        using var db = Measurements();

        var request = RequestJson.Of(db.Set<Measurement>().Where(m => m.Site == "s1" && m.Sensor < 7));

        var keySchema = ItemKeySchema.Of(db.Model.FindEntityType(typeof(Measurement))!);
        Assert.Equal($"Site = S:s1 AND Sensor#TakenAt <= S:{keySchema.EncodePrefix([], 7)}$", Readable(request, "KeyConditionExpression"));
        Assert.Equal("Sensor < N:7", Readable(request, "FilterExpression"));
    }

    [Fact]
    public void A_condition_on_a_later_part_without_the_earlier_one_is_a_filter()
    {
        using var db = Tokens();

        var request = RequestJson.Of(db.Set<UserToken>().Where(t => t.UserId == "u1" && t.Name == "refresh"));

        Assert.Equal("UserId = S:u1", Readable(request, "KeyConditionExpression"));
        Assert.Equal("Name = S:refresh", Readable(request, "FilterExpression"));
    }

    [Fact]
    public void Several_values_of_the_last_part_are_a_BatchGetItem()
    {
        using var db = Tokens();
        string[] names = ["access", "refresh"];

        var request = RequestJson.Of(db.Set<UserToken>().Where(t => t.UserId == "u1" && t.LoginProvider == "Google" && names.Contains(t.Name)));

        Assert.Equal("BatchGetItem", request.Member("Operation"));
        var keys = request.GetProperty("RequestItems").GetProperty("UserToken").GetProperty("Keys").EnumerateArray()
            .Select(k => k.GetProperty("UserId").GetProperty("S").GetString() + "|" + k.GetProperty("LoginProvider#Name").GetProperty("S").GetString());
        Assert.Equal(["u1|Google#access", "u1|Google#refresh"], keys);
    }

    [Fact]
    public void Ordering_by_the_parts_in_key_order_is_ScanIndexForward()
    {
        var events = new List<EventData>();
        using var db = Tokens(events: events);

        var request = RequestJson.Of(db.Set<UserToken>().Where(t => t.UserId == "u1").OrderByDescending(t => t.LoginProvider).ThenByDescending(t => t.Name));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.False(request.GetProperty("ScanIndexForward").GetBoolean());
        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.ClientSideOrderingWarning);
    }

    [Fact]
    public void A_projection_reads_the_composite_attribute_for_its_continuation_token()
    {
        using var db = Tokens();

        var request = RequestJson.Of(db.Set<UserToken>().Where(t => t.UserId == "u1").Select(t => t.Value));

        Assert.Contains("LoginProvider#Name", Readable(request, "ProjectionExpression"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Put_writes_the_composite_attribute_and_every_part_and_a_Delete_addresses_the_encoded_key()
    {
        using var db = Tokens();
        var token = new UserToken { UserId = "u1", LoginProvider = "Google", Name = "refresh", Value = "t" };
        db.Add(token);

        var put = WriteCommands.Of(db, token)!;

        Assert.Equal(DynamoDbWriteOperation.Put, put.Operation);
        Assert.Equal("Google#refresh", put.KeyOrItem["LoginProvider#Name"].S);
        Assert.Equal(["LoginProvider", "LoginProvider#Name", "Name", "UserId", "Value"], put.KeyOrItem.Keys.Order(StringComparer.Ordinal));

        db.Entry(token).State = EntityState.Deleted;
        var delete = WriteCommands.Of(db, token)!;

        Assert.Equal(DynamoDbWriteOperation.Delete, delete.Operation);
        Assert.Equal(["LoginProvider#Name", "UserId"], delete.KeyOrItem.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Google#refresh", delete.KeyOrItem["LoginProvider#Name"].S);
    }

    [Fact]
    public void An_update_addresses_the_encoded_key_and_sets_only_the_changed_attribute()
    {
        using var db = Tokens();
        var token = new UserToken { UserId = "u1", LoginProvider = "Google", Name = "refresh", Value = "t" };
        db.Attach(token);
        token.Value = "t2";

        var update = WriteCommands.Of(db, token)!;

        Assert.Equal(DynamoDbWriteOperation.Update, update.Operation);
        Assert.Equal(["LoginProvider#Name", "UserId"], update.KeyOrItem.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("SET Value = :v", WriteCommands.ReadableUpdate(update));
    }
}

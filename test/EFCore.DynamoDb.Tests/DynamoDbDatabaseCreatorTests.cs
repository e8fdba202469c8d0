using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

/// <summary>The CreateTable requests EnsureCreated would send, built without a server.</summary>
public class DynamoDbDatabaseCreatorTests
{
    private static string Describe(Amazon.DynamoDBv2.Model.CreateTableRequest request)
        => string.Join(", ", request.KeySchema.Select(k =>
            $"{k.AttributeName} {k.KeyType.Value} {request.AttributeDefinitions.Single(d => d.AttributeName == k.AttributeName).AttributeType.Value}"));

    [Fact]
    public void There_is_one_create_table_request_per_table()
    {
        using var db = TestContexts.Shop();

        Assert.Equal(
            ["Accounts", "Customers", "EFKeyCounters", "Orders", "Products", "Readings"],
            db.Database.GetCreateTableRequests().Select(r => r.TableName).Order());
    }

    [Fact]
    public void A_table_with_a_sort_key_has_a_HASH_and_a_RANGE_key()
    {
        using var db = TestContexts.Shop();

        var orders = db.Database.GetCreateTableRequests().Single(r => r.TableName == "Orders");

        Assert.Equal("CustomerId HASH S, OrderId RANGE S", Describe(orders));
        Assert.Equal(2, orders.AttributeDefinitions.Count);
    }

    [Fact]
    public void A_table_without_a_sort_key_has_only_a_HASH_key()
    {
        using var db = TestContexts.Shop();

        var products = db.Database.GetCreateTableRequests().Single(r => r.TableName == "Products");

        Assert.Equal("Id HASH N", Describe(products));
        Assert.Single(products.AttributeDefinitions);
    }

    [Fact]
    public void A_numeric_sort_key_is_an_N_attribute()
    {
        using var db = TestContexts.Shop();

        Assert.Equal("DeviceId HASH S, Timestamp RANGE N", Describe(db.Database.GetCreateTableRequests().Single(r => r.TableName == "Readings")));
    }

    [Fact]
    public void A_Guid_key_is_an_S_attribute()
    {
        using var db = TestContexts.Shop();

        Assert.Equal("Id HASH S", Describe(db.Database.GetCreateTableRequests().Single(r => r.TableName == "Accounts")));
    }

    [Fact]
    public void Key_attribute_types_follow_the_type_mapping()
    {
        using var db = TestContexts.Scenario(b =>
        {
            b.Entity<BinaryKeyed>();
            b.Entity<EnumKeyed>().HasKey(e => new { e.Kind, e.At });
        });

        var requests = db.Database.GetCreateTableRequests().ToDictionary(r => r.TableName);
        Assert.Equal("Id HASH B", Describe(requests["BinaryKeyed"]));
        Assert.Equal("Kind HASH N, At RANGE S", Describe(requests["EnumKeyed"]));
    }

    [Fact]
    public void Tables_are_created_on_demand_billing()
    {
        using var db = TestContexts.Shop();

        Assert.All(db.Database.GetCreateTableRequests(), r => Assert.Equal(BillingMode.PAY_PER_REQUEST, r.BillingMode));
    }

    [Fact]
    public void Only_key_attributes_are_defined()
    {
        using var db = TestContexts.Shop();

        Assert.Equal(
            ["CustomerId", "OrderId"],
            db.Database.GetCreateTableRequests().Single(r => r.TableName == "Orders").AttributeDefinitions.Select(d => d.AttributeName));
    }

    [Fact]
    public void The_create_script_is_the_requests_as_a_JSON_array()
    {
        using var db = TestContexts.Shop(d => d.TableNamePrefix("dev-"));

        using var script = JsonDocument.Parse(db.Database.GenerateCreateScript());

        var tables = script.RootElement.EnumerateArray().ToDictionary(t => t.GetProperty("TableName").GetString()!);
        Assert.Equal(["dev-Accounts", "dev-Customers", "dev-EFKeyCounters", "dev-Orders", "dev-Products", "dev-Readings"], tables.Keys.Order());
        var orders = tables["dev-Orders"];
        Assert.Equal(
            ["CustomerId:HASH", "OrderId:RANGE"],
            orders.GetProperty("KeySchema").EnumerateArray().Select(k => k.GetProperty("AttributeName").GetString() + ":" + k.GetProperty("KeyType").GetString()));
        Assert.Equal(
            ["CustomerId:S", "OrderId:S"],
            orders.GetProperty("AttributeDefinitions").EnumerateArray().Select(k => k.GetProperty("AttributeName").GetString() + ":" + k.GetProperty("AttributeType").GetString()));
        Assert.Equal("PAY_PER_REQUEST", orders.GetProperty("BillingMode").GetString());
    }

    [Fact]
    public void A_synchronous_EnsureCreated_throws_SyncNotSupported_by_default()
    {
        using var db = TestContexts.Shop();

        Assert.Contains(
            DynamoDbStrings.SyncNotSupported("EnsureCreatedAsync"),
            Assert.Throws<InvalidOperationException>(() => db.Database.EnsureCreated()).Message);
    }

    [Fact]
    public void A_synchronous_EnsureDeleted_throws_SyncNotSupported_by_default()
    {
        using var db = TestContexts.Shop();

        Assert.Contains(
            DynamoDbStrings.SyncNotSupported("EnsureDeletedAsync"),
            Assert.Throws<InvalidOperationException>(() => db.Database.EnsureDeleted()).Message);
    }

    [Fact]
    public void A_synchronous_CanConnect_throws_SyncNotSupported_by_default()
    {
        using var db = TestContexts.Shop();

        Assert.Contains(
            DynamoDbStrings.SyncNotSupported("CanConnectAsync"),
            Assert.Throws<InvalidOperationException>(() => db.Database.CanConnect()).Message);
    }

    [Fact]
    public async Task Seed_data_is_one_Put_per_item_conditioned_on_the_item_not_existing_and_an_existing_item_is_left_alone()
    {
        await using var db = TestContexts.Scenario(
            b => b.Entity<Seeded>().HasData(new Seeded { Id = 1, Name = "one" }, new Seeded { Id = 2, Name = "two" }),
            configure: ScriptedClientWrapper.Use);
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("PutItem", 1, () => new ConditionalCheckFailedException("The conditional request failed"));

        Assert.True(await db.Database.EnsureCreatedAsync());

        var puts = client.Requests.OfType<PutItemRequest>().ToList();
        Assert.Equal(2, puts.Count);
        Assert.All(puts, p => Assert.Equal("attribute_not_exists(#n0)", p.ConditionExpression));
        Assert.All(puts, p => Assert.Equal("Id", p.ExpressionAttributeNames["#n0"]));
        Assert.Equal(["1", "2"], puts.Select(p => p.Item["Id"].N).Order());
        Assert.Equal(["one", "two"], puts.Select(p => p.Item["Name"].S).Order());
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Seed_data_is_not_written_into_a_table_that_already_existed()
    {
        await using var db = TestContexts.Scenario(
            b => b.Entity<Seeded>().HasData(new Seeded { Id = 1, Name = "one" }),
            configure: ScriptedClientWrapper.Use);
        var client = ScriptedClientWrapper.Of(db);
        Assert.True(await db.Database.EnsureCreatedAsync());

        Assert.False(await db.Database.EnsureCreatedAsync());

        Assert.Equal(1, client.AttemptsOf("PutItem"));
    }

    [Fact]
    public async Task A_seed_Put_that_fails_for_another_reason_fails_EnsureCreated_naming_the_entity()
    {
        await using var db = TestContexts.Scenario(
            b => b.Entity<Seeded>().HasData(new Seeded { Id = 1, Name = "one" }),
            configure: ScriptedClientWrapper.Use);
        ScriptedClientWrapper.Of(db).Fail("PutItem", 1, () => new AmazonDynamoDBException("Item size has exceeded the maximum allowed size"));

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => db.Database.EnsureCreatedAsync());

        Assert.Contains("Seeded", exception.Message, StringComparison.Ordinal);
        Assert.Contains("maximum allowed size", exception.Message, StringComparison.Ordinal);
    }

    public class Seeded
    {
        public int Id { get; set; }

        public string? Name { get; set; }
    }

    public class BinaryKeyed
    {
        public byte[] Id { get; set; } = [];
    }

    public class EnumKeyed
    {
        public OrderStatus Kind { get; set; }

        public DateTime At { get; set; }
    }
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EFCore.DynamoDb.Tests.MultiAttributeKeys;

/// <summary>
/// Global secondary indexes with multi-attribute keys (up to four partition and four sort attributes) in the model,
/// in model validation and in the CreateTable requests.
/// </summary>
public class DynamoDbMultiAttributeIndexModelTests
{
    private static ScenarioContext Context(Action<EntityTypeBuilder<Order>> configure, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Order>(o =>
            {
                o.HasKey(x => new { x.CustomerId, x.OrderId });
                o.Ignore(x => x.Customer);
                configure(o);
            }),
            scenario: nameof(DynamoDbMultiAttributeIndexModelTests) + "." + scenario);

    private static string ModelError(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbMultiAttributeIndexModelTests) + "." + scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    private static string OrderModelError(Action<EntityTypeBuilder<Order>> configure, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = Context(configure, scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    private static string KeySchema(List<KeySchemaElement> keySchema)
        => string.Join(", ", keySchema.Select(k => k.AttributeName + " " + k.KeyType.Value));

    [Fact]
    public void A_multi_attribute_index_is_created_with_its_partition_then_sort_attributes_in_order()
    {
        using var db = Context(o => o.HasGlobalSecondaryIndex("ByStatusTotal", x => new { x.Status, x.Total }, x => new { x.PlacedAt, x.OrderId }));

        var request = Assert.Single(db.Database.GetCreateTableRequests());

        var index = Assert.Single(request.GlobalSecondaryIndexes);
        Assert.Equal("Status HASH, Total HASH, PlacedAt RANGE, OrderId RANGE", KeySchema(index.KeySchema));
        Assert.Equal(
            ["CustomerId S", "OrderId S", "Status N", "Total N", "PlacedAt S"],
            request.AttributeDefinitions.Select(d => d.AttributeName + " " + d.AttributeType.Value));
    }

    [Fact]
    public void The_model_tells_partition_from_sort_attributes()
    {
        using var db = Context(o => o.HasGlobalSecondaryIndex("ByStatusTotal", x => new { x.Status, x.Total }, x => new { x.PlacedAt, x.OrderId }));

        var index = Assert.Single(db.Model.FindEntityType(typeof(Order))!.GetSecondaryIndexes());

        Assert.Equal(["Status", "Total"], index.GetIndexPartitionKeyProperties().Select(p => p.Name));
        Assert.Equal(["PlacedAt", "OrderId"], index.GetIndexSortKeyProperties().Select(p => p.Name));
        Assert.True(index.HasMultiAttributeKey());
        Assert.Null(index.GetIndexPartitionKeyProperty());
        Assert.Null(index.GetIndexSortKeyProperty());
    }

    [Fact]
    public void A_multi_attribute_partition_key_may_have_one_sort_attribute_or_none()
    {
        using var db = Context(o =>
        {
            o.HasGlobalSecondaryIndex("ByStatusTotal", x => new { x.Status, x.Total }, x => x.PlacedAt);
            o.HasGlobalSecondaryIndex("ByStatusQuantity", x => new { x.Status, x.Quantity });
            o.HasGlobalSecondaryIndex("ByStatus", x => x.Status, x => new { x.PlacedAt, x.Total });
        });

        var indexes = Assert.Single(db.Database.GetCreateTableRequests()).GlobalSecondaryIndexes.ToDictionary(i => i.IndexName, i => KeySchema(i.KeySchema));

        Assert.Equal("Status HASH, Total HASH, PlacedAt RANGE", indexes["ByStatusTotal"]);
        Assert.Equal("Status HASH, Quantity HASH", indexes["ByStatusQuantity"]);
        Assert.Equal("Status HASH, PlacedAt RANGE, Total RANGE", indexes["ByStatus"]);
    }

    [Fact]
    public void Five_partition_attributes_are_an_error()
        => Assert.Equal(
            DynamoDbStrings.TooManyIndexKeyAttributes("ByFive", "Order", "partition", 5),
            OrderModelError(o => o.HasGlobalSecondaryIndex("ByFive", x => new { x.Status, x.Total, x.Quantity, x.Note, x.PlacedAt })));

    [Fact]
    public void Five_sort_attributes_are_an_error()
        => Assert.Equal(
            DynamoDbStrings.TooManyIndexKeyAttributes("ByFive", "Order", "sort", 5),
            OrderModelError(o => o.HasGlobalSecondaryIndex("ByFive", x => x.CustomerId, x => new { x.Status, x.Total, x.Quantity, x.Note, x.PlacedAt })));

    [Fact]
    public void Four_partition_and_four_sort_attributes_are_allowed()
    {
        using var db = TestContexts.Scenario(
            b => b.Entity<Reading>(r =>
            {
                r.HasKey(x => x.Id);
                r.HasGlobalSecondaryIndex("ByEight", x => new { x.A, x.B, x.C, x.D }, x => new { x.E, x.F, x.G, x.H });
            }),
            scenario: nameof(DynamoDbMultiAttributeIndexModelTests) + "." + nameof(Four_partition_and_four_sort_attributes_are_allowed));

        var index = Assert.Single(Assert.Single(db.Database.GetCreateTableRequests()).GlobalSecondaryIndexes);

        Assert.Equal("A HASH, B HASH, C HASH, D HASH, E RANGE, F RANGE, G RANGE, H RANGE", KeySchema(index.KeySchema));
    }

    [Fact]
    public void A_key_attribute_that_is_not_a_string_number_or_binary_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidIndexKeyType("ByStatusGift", "Order", "IsGift", "bool"),
            OrderModelError(o => o.HasGlobalSecondaryIndex("ByStatusGift", x => new { x.Status, x.IsGift })));

    [Fact]
    public void An_anonymous_type_of_something_else_than_properties_is_an_error()
    {
        var builder = new ModelBuilder();

        var error = Assert.Throws<ArgumentException>(() =>
            builder.Entity<Order>().HasGlobalSecondaryIndex("ByLength", x => new { x.Status, Length = x.OrderId.Length }));

        Assert.Contains("must name properties of the entity", error.Message);
    }

    [Fact]
    public void Key_prefix_clash_a_prefixed_number_and_a_plain_number_on_one_index_attribute_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.KeyAttributeTypeClash(
                "Code", "Asset", "'Gauge.Code' (S, key prefix 'G#')", "'Sensor.Code' (N, no key prefix)"),
            ModelError(b =>
            {
                b.Entity<Asset>().HasKey(a => a.Id);
                b.Entity<Sensor>(s =>
                {
                    s.Property(x => x.Code).HasAttributeName("Code");
                    s.HasGlobalSecondaryIndex("BySiteCode", x => new { x.Site, x.Code });
                });
                b.Entity<Gauge>(g =>
                {
                    g.Property(x => x.Code).HasAttributeName("Code").HasKeyPrefix("G#");
                    g.HasGlobalSecondaryIndex("ByGaugeCode", x => new { x.Site, x.Code });
                });
            }));

    [Fact]
    public void Key_prefixes_on_both_properties_of_one_index_attribute_are_allowed()
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                b.Entity<Asset>().HasKey(a => a.Id);
                b.Entity<Sensor>(s =>
                {
                    s.Property(x => x.Code).HasAttributeName("Code").HasKeyPrefix("S#");
                    s.HasGlobalSecondaryIndex("BySiteCode", x => new { x.Site, x.Code });
                });
                b.Entity<Gauge>(g =>
                {
                    g.Property(x => x.Code).HasAttributeName("Code").HasKeyPrefix("G#");
                    g.HasGlobalSecondaryIndex("ByGaugeCode", x => new { x.Site, x.Code });
                });
            },
            scenario: nameof(DynamoDbMultiAttributeIndexModelTests) + "." + nameof(Key_prefixes_on_both_properties_of_one_index_attribute_are_allowed));

        var request = Assert.Single(db.Database.GetCreateTableRequests());

        Assert.Equal("S", request.AttributeDefinitions.Single(d => d.AttributeName == "Code").AttributeType.Value);
        Assert.Equal(2, request.GlobalSecondaryIndexes.Count);
    }

    [Fact]
    public void One_index_name_with_two_different_keys_in_a_shared_table_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedIndexKeyMismatch("BySite", "Asset", "Gauge", "HASH (Site) RANGE (Code)", "Sensor", "HASH (Site, Code)"),
            ModelError(b =>
            {
                b.Entity<Asset>().HasKey(a => a.Id);
                b.Entity<Sensor>(s =>
                {
                    s.Property(x => x.Code).HasAttributeName("Code");
                    s.HasGlobalSecondaryIndex("BySite", x => new { x.Site, x.Code });
                });
                b.Entity<Gauge>(g =>
                {
                    g.Property(x => x.Code).HasAttributeName("Code");
                    g.HasGlobalSecondaryIndex("BySite", x => x.Site, x => x.Code);
                });
            }));

    [Fact]
    public void An_EF_index_of_three_properties_made_global_is_still_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidIndexProperties("ByThree", "Order", "global", 3),
            OrderModelError(o => o.HasIndex(x => new { x.Status, x.PlacedAt, x.Total }, "ByThree").IsGlobalSecondaryIndex()));

    private sealed class Reading
    {
        public string Id { get; set; } = "";

        public string A { get; set; } = "";

        public string B { get; set; } = "";

        public int C { get; set; }

        public long D { get; set; }

        public DateTime E { get; set; }

        public string F { get; set; } = "";

        public decimal G { get; set; }

        public byte[] H { get; set; } = [];
    }

    private abstract class Asset
    {
        public string Id { get; set; } = "";

        public string Site { get; set; } = "";
    }

    private sealed class Sensor : Asset
    {
        public int Code { get; set; }
    }

    private sealed class Gauge : Asset
    {
        public int Code { get; set; }
    }
}

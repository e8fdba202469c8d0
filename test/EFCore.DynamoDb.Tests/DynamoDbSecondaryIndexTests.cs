using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EFCore.DynamoDb.Tests;

/// <summary>Secondary indexes and table capacity in the model and in the CreateTable requests.</summary>
public class DynamoDbSecondaryIndexTests
{
    private static ScenarioContext Context(
        Action<EntityTypeBuilder<Order>> configure,
        Action<DbContextOptionsBuilder>? options = null,
        [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Order>(o =>
            {
                o.HasKey(x => new { x.CustomerId, x.OrderId });
                o.Ignore(x => x.Customer);
                configure(o);
            }),
            configure: options,
            scenario: nameof(DynamoDbSecondaryIndexTests) + "." + scenario);

    private static CreateTableRequest CreateTableRequest(Action<EntityTypeBuilder<Order>> configure, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = Context(configure, scenario: scenario);
        return Assert.Single(db.Database.GetCreateTableRequests());
    }

    private static string ModelError(Action<EntityTypeBuilder<Order>> configure, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = Context(configure, scenario: scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    private static string KeySchema(List<KeySchemaElement> keySchema)
        => string.Join(", ", keySchema.Select(k => k.AttributeName + " " + k.KeyType.Value));

    [Fact]
    public void A_global_secondary_index_is_created_with_its_keys_and_all_attributes()
    {
        var request = CreateTableRequest(o => o.HasGlobalSecondaryIndex("ByStatus", x => x.Status, x => x.PlacedAt));

        var index = Assert.Single(request.GlobalSecondaryIndexes);
        Assert.Equal("ByStatus", index.IndexName);
        Assert.Equal("Status HASH, PlacedAt RANGE", KeySchema(index.KeySchema));
        Assert.Equal(ProjectionType.ALL, index.Projection.ProjectionType);
        Assert.Null(index.ProvisionedThroughput);
        Assert.Null(request.LocalSecondaryIndexes);
    }

    [Fact]
    public void Index_key_attributes_are_defined_once_with_their_types()
    {
        var request = CreateTableRequest(o =>
        {
            o.HasGlobalSecondaryIndex("ByStatus", x => x.Status, x => x.PlacedAt);
            o.HasGlobalSecondaryIndex("ByStatusAndTotal", x => x.Status, x => x.Total);
        });

        Assert.Equal(
            ["CustomerId S", "OrderId S", "Status N", "PlacedAt S", "Total N"],
            request.AttributeDefinitions.Select(d => d.AttributeName + " " + d.AttributeType.Value));
    }

    [Fact]
    public void A_global_secondary_index_may_have_only_a_partition_key()
    {
        var request = CreateTableRequest(o => o.HasGlobalSecondaryIndex("ByNote", x => x.Note));

        Assert.Equal("Note HASH", KeySchema(Assert.Single(request.GlobalSecondaryIndexes).KeySchema));
    }

    [Fact]
    public void A_keys_only_index_projects_only_keys()
    {
        var request = CreateTableRequest(o => o.HasGlobalSecondaryIndex("ByStatus", x => x.Status).ProjectsKeysOnly());

        Assert.Equal(ProjectionType.KEYS_ONLY, Assert.Single(request.GlobalSecondaryIndexes).Projection.ProjectionType);
    }

    [Fact]
    public void An_include_index_projects_the_attributes_of_the_named_properties()
    {
        var request = CreateTableRequest(o =>
        {
            o.Property(x => x.Total).HasAttributeName("amount");
            o.HasGlobalSecondaryIndex("ByStatus", x => x.Status).ProjectsInclude(x => x.Total, x => x.Note);
        });

        var projection = Assert.Single(request.GlobalSecondaryIndexes).Projection;
        Assert.Equal(ProjectionType.INCLUDE, projection.ProjectionType);
        Assert.Equal(["amount", "Note"], projection.NonKeyAttributes);
    }

    [Fact]
    public void A_local_secondary_index_keeps_the_table_partition_key()
    {
        var request = CreateTableRequest(o => o.HasLocalSecondaryIndex("ByTotal", x => x.Total));

        var index = Assert.Single(request.LocalSecondaryIndexes);
        Assert.Equal("ByTotal", index.IndexName);
        Assert.Equal("CustomerId HASH, Total RANGE", KeySchema(index.KeySchema));
        Assert.Equal(ProjectionType.ALL, index.Projection.ProjectionType);
        Assert.Null(request.GlobalSecondaryIndexes);
    }

    [Fact]
    public void A_keys_only_local_index_projects_only_keys()
    {
        var request = CreateTableRequest(o => o.HasLocalSecondaryIndex("ByTotal", x => x.Total).ProjectsKeysOnly());

        var projection = Assert.Single(request.LocalSecondaryIndexes).Projection;
        Assert.Equal(ProjectionType.KEYS_ONLY, projection.ProjectionType);
        Assert.Empty(projection.NonKeyAttributes ?? []);
    }

    [Fact]
    public void An_include_local_index_projects_the_attributes_of_the_named_properties()
    {
        var request = CreateTableRequest(o =>
        {
            o.Property(x => x.Note).HasAttributeName("memo");
            o.HasLocalSecondaryIndex("ByTotal", x => x.Total).ProjectsInclude(x => x.Note, x => x.PlacedAt);
        });

        var index = Assert.Single(request.LocalSecondaryIndexes);
        Assert.Equal("CustomerId HASH, Total RANGE", KeySchema(index.KeySchema));
        Assert.Equal(ProjectionType.INCLUDE, index.Projection.ProjectionType);
        Assert.Equal(["memo", "PlacedAt"], index.Projection.NonKeyAttributes);
    }

    [Fact]
    public void Index_keys_use_the_attribute_names_of_their_properties()
    {
        var request = CreateTableRequest(o =>
        {
            o.Property(x => x.Status).HasAttributeName("gsi1pk");
            o.Property(x => x.PlacedAt).HasAttributeName("gsi1sk");
            o.HasGlobalSecondaryIndex("GSI1", x => x.Status, x => x.PlacedAt);
        });

        Assert.Equal("gsi1pk HASH, gsi1sk RANGE", KeySchema(Assert.Single(request.GlobalSecondaryIndexes).KeySchema));
        Assert.Equal(
            ["CustomerId S", "OrderId S", "gsi1pk N", "gsi1sk S"],
            request.AttributeDefinitions.Select(d => d.AttributeName + " " + d.AttributeType.Value));
    }

    [Fact]
    public void Reprojecting_an_include_index_as_all_drops_the_included_attributes()
    {
        var request = CreateTableRequest(o => o.HasGlobalSecondaryIndex("ByStatus", x => x.Status).ProjectsInclude(x => x.Note).ProjectsAll());

        var projection = Assert.Single(request.GlobalSecondaryIndexes).Projection;
        Assert.Equal(ProjectionType.ALL, projection.ProjectionType);
        Assert.Empty(projection.NonKeyAttributes ?? []);
    }

    [Fact]
    public void An_EF_index_marked_as_global_secondary_index_is_created()
    {
        var request = CreateTableRequest(o => o.HasIndex(x => new { x.Status, x.PlacedAt }, "ByStatus").IsGlobalSecondaryIndex());

        var index = Assert.Single(request.GlobalSecondaryIndexes);
        Assert.Equal("ByStatus", index.IndexName);
        Assert.Equal("Status HASH, PlacedAt RANGE", KeySchema(index.KeySchema));
    }

    [Fact]
    public void An_EF_index_of_one_property_marked_as_global_secondary_index_has_only_a_partition_key()
    {
        var request = CreateTableRequest(o => o.HasIndex(x => x.Note, "ByNote").IsGlobalSecondaryIndex());

        var index = Assert.Single(request.GlobalSecondaryIndexes);
        Assert.Equal("Note HASH", KeySchema(index.KeySchema));
        Assert.Equal(ProjectionType.ALL, index.Projection.ProjectionType);
    }

    [Fact]
    public void An_EF_index_marked_as_global_secondary_index_is_a_global_index_in_the_model_and_logs_nothing()
    {
        var events = new List<EventData>();
        using var db = Context(
            o => o.HasIndex(x => new { x.Status, x.PlacedAt }, "ByStatus").IsGlobalSecondaryIndex(),
            options => options.LogTo((_, _) => true, events.Add));

        var index = Assert.Single(db.Model.FindEntityType(typeof(Order))!.GetSecondaryIndexes());
        Assert.Equal(DynamoDbIndexKind.Global, index.GetSecondaryIndexKind());
        Assert.Equal("Status", index.GetIndexPartitionKeyProperty()!.Name);
        Assert.Equal("PlacedAt", index.GetIndexSortKeyProperty()!.Name);
        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.IndexIgnored);
    }

    [Fact]
    public void A_global_index_of_a_provisioned_table_without_its_own_capacity_in_the_model_uses_the_table_capacity()
    {
        var request = CreateTableRequest(o =>
        {
            o.HasProvisionedThroughput(7, 3);
            o.HasGlobalSecondaryIndex("ByStatus", x => x.Status).HasProvisionedThroughput(2, 1);
            o.HasGlobalSecondaryIndex("ByNote", x => x.Note);
        });

        var throughputs = request.GlobalSecondaryIndexes.ToDictionary(
            i => i.IndexName,
            i => (i.ProvisionedThroughput.ReadCapacityUnits!.Value, i.ProvisionedThroughput.WriteCapacityUnits!.Value));
        Assert.Equal((2L, 1L), throughputs["ByStatus"]);
        Assert.Equal((7L, 3L), throughputs["ByNote"]);
    }

    [Fact]
    public void A_plain_EF_index_is_not_created()
    {
        var request = CreateTableRequest(o => o.HasIndex(x => x.Status, "ByStatus"));

        Assert.Null(request.GlobalSecondaryIndexes);
        Assert.Null(request.LocalSecondaryIndexes);
    }

    [Fact]
    public void A_plain_EF_index_logs_IndexIgnored()
    {
        var events = new List<EventData>();
        using var db = Context(o => o.HasIndex(x => x.Status, "ByStatus"), options => options.LogTo((_, _) => true, events.Add));

        _ = db.Model;

        var ignored = Assert.Single(events, e => e.EventId == DynamoDbEventId.IndexIgnored);
        Assert.Contains("'Order'", ignored.ToString());
    }

    [Fact]
    public void A_foreign_key_index_made_by_convention_logs_nothing()
    {
        var events = new List<EventData>();
        using var db = TestContexts.Scenario(
            b => b.Entity<Review>().HasOne(r => r.Customer).WithMany(),
            configure: o => o.LogTo((_, _) => true, events.Add));

        var index = Assert.Single(db.Model.FindEntityType(typeof(Review))!.GetIndexes());
        Assert.Equal("CustomerId", Assert.Single(index.Properties).Name);
        Assert.Null(index.GetSecondaryIndexKind());
        Assert.DoesNotContain(events, e => e.EventId == DynamoDbEventId.IndexIgnored);
    }

    [Fact]
    public void The_index_kind_is_readable_from_the_model()
    {
        using var db = Context(o =>
        {
            o.HasGlobalSecondaryIndex("ByStatus", x => x.Status, x => x.PlacedAt);
            o.HasLocalSecondaryIndex("ByTotal", x => x.Total);
        });
        var order = db.Model.FindEntityType(typeof(Order))!;

        var byStatus = order.GetSecondaryIndexes().Single(i => i.Name == "ByStatus");
        var byTotal = order.GetSecondaryIndexes().Single(i => i.Name == "ByTotal");
        Assert.Equal(DynamoDbIndexKind.Global, byStatus.GetSecondaryIndexKind());
        Assert.Equal("Status", byStatus.GetIndexPartitionKeyProperty()!.Name);
        Assert.Equal("PlacedAt", byStatus.GetIndexSortKeyProperty()!.Name);
        Assert.Equal(DynamoDbIndexKind.Local, byTotal.GetSecondaryIndexKind());
        Assert.Equal("CustomerId", byTotal.GetIndexPartitionKeyProperty()!.Name);
        Assert.Equal("Total", byTotal.GetIndexSortKeyProperty()!.Name);
    }

    [Fact]
    public void A_table_is_on_demand_by_default()
    {
        var request = CreateTableRequest(_ => { });

        Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
        Assert.Null(request.ProvisionedThroughput);
    }

    [Fact]
    public void A_provisioned_table_has_its_capacity_and_gives_it_to_its_global_indexes()
    {
        var request = CreateTableRequest(o =>
        {
            o.HasProvisionedThroughput(5, 6);
            o.HasGlobalSecondaryIndex("ByStatus", x => x.Status);
        });

        Assert.Equal(BillingMode.PROVISIONED, request.BillingMode);
        Assert.Equal((5L, 6L), (request.ProvisionedThroughput.ReadCapacityUnits!.Value, request.ProvisionedThroughput.WriteCapacityUnits!.Value));
        var index = Assert.Single(request.GlobalSecondaryIndexes).ProvisionedThroughput;
        Assert.Equal((5L, 6L), (index.ReadCapacityUnits!.Value, index.WriteCapacityUnits!.Value));
    }

    [Fact]
    public void A_global_index_of_a_provisioned_table_may_have_its_own_capacity()
    {
        var request = CreateTableRequest(o =>
        {
            o.HasProvisionedThroughput(5, 6);
            o.HasGlobalSecondaryIndex("ByStatus", x => x.Status).HasProvisionedThroughput(1, 2);
        });

        var index = Assert.Single(request.GlobalSecondaryIndexes).ProvisionedThroughput;
        Assert.Equal((1L, 2L), (index.ReadCapacityUnits!.Value, index.WriteCapacityUnits!.Value));
    }

    [Fact]
    public void Provisioned_throughput_must_be_positive()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => CreateTableRequest(o => o.HasProvisionedThroughput(0, 1)));

        Assert.StartsWith(DynamoDbStrings.ThroughputNotPositive(0, 1), exception.Message);
    }

    [Fact]
    public void Index_provisioned_throughput_must_be_positive()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => CreateTableRequest(o => o.HasGlobalSecondaryIndex("ByStatus", x => x.Status).HasProvisionedThroughput(1, 0)));

        Assert.StartsWith(DynamoDbStrings.ThroughputNotPositive(1, 0), exception.Message);
    }

    [Fact]
    public void A_provisioned_table_without_throughput_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.ProvisionedWithoutThroughput("Order"),
            ModelError(o => o.HasBillingMode(DynamoDbBillingMode.Provisioned)));

    [Fact]
    public void Index_throughput_on_an_on_demand_table_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.IndexThroughputOnDemandTable("ByStatus", "Order"),
            ModelError(o => o.HasGlobalSecondaryIndex("ByStatus", x => x.Status).HasProvisionedThroughput(1, 1)));

    [Theory]
    [InlineData("ab")]
    [InlineData("by status")]
    [InlineData("ByStatus!")]
    public void An_index_name_DynamoDB_rejects_is_an_error(string name)
        => Assert.Equal(
            DynamoDbStrings.InvalidIndexName(name, "Order"),
            ModelError(o => o.HasGlobalSecondaryIndex(name, x => x.Status), scenario: nameof(An_index_name_DynamoDB_rejects_is_an_error) + name));

    [Fact]
    public void An_index_name_longer_than_255_characters_is_an_error()
    {
        var name = new string('i', 256);

        Assert.Equal(DynamoDbStrings.InvalidIndexName(name, "Order"), ModelError(o => o.HasGlobalSecondaryIndex(name, x => x.Status)));
    }

    [Fact]
    public void An_unnamed_EF_index_marked_as_global_secondary_index_is_an_error_that_asks_for_a_name()
        => Assert.Equal(
            DynamoDbStrings.UnnamedSecondaryIndex("Order", "{'Note'}"),
            ModelError(o => o.HasIndex(x => x.Note).IsGlobalSecondaryIndex()));

    [Fact]
    public void A_global_index_of_three_properties_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidIndexProperties("ByThree", "Order", "global", 3),
            ModelError(o => o.HasIndex(x => new { x.Status, x.PlacedAt, x.Total }, "ByThree").IsGlobalSecondaryIndex()));

    [Fact]
    public void A_local_index_on_a_table_without_sort_key_is_an_error()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Product>().HasLocalSecondaryIndex("ByStock", p => p.Stock));

        Assert.Equal(
            DynamoDbStrings.LocalIndexWithoutTableSortKey("ByStock", "Product"),
            Assert.Throws<InvalidOperationException>(() => db.Model).Message);
    }

    [Fact]
    public void A_bool_index_key_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidIndexKeyType("ByGift", "Order", "IsGift", "bool"),
            ModelError(o => o.HasGlobalSecondaryIndex("ByGift", x => x.IsGift)));

    [Fact]
    public void A_bool_local_index_sort_key_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidIndexKeyType("ByGift", "Order", "IsGift", "bool"),
            ModelError(o => o.HasLocalSecondaryIndex("ByGift", x => x.IsGift)));

    [Fact]
    public void A_bool_global_index_sort_key_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidIndexKeyType("ByStatusAndGift", "Order", "IsGift", "bool"),
            ModelError(o => o.HasGlobalSecondaryIndex("ByStatusAndGift", x => x.Status, x => x.IsGift)));

    [Fact]
    public void A_local_index_on_a_table_without_sort_key_is_an_error_whatever_its_projection()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Product>().HasLocalSecondaryIndex("ByStock", p => p.Stock).ProjectsKeysOnly());

        Assert.Equal(
            DynamoDbStrings.LocalIndexWithoutTableSortKey("ByStock", "Product"),
            Assert.Throws<InvalidOperationException>(() => db.Model).Message);
    }

    [Fact]
    public void Index_throughput_on_a_table_that_is_explicitly_on_demand_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.IndexThroughputOnDemandTable("ByStatus", "Order"),
            ModelError(o =>
            {
                o.HasBillingMode(DynamoDbBillingMode.PayPerRequest);
                o.HasGlobalSecondaryIndex("ByStatus", x => x.Status).HasProvisionedThroughput(1, 1);
            }));

    [Fact]
    public void Including_a_property_that_is_not_mapped_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.IndexIncludesMissingProperty("ByStatus", "Order", "Note"),
            ModelError(o =>
            {
                o.Ignore(x => x.Note);
                o.HasGlobalSecondaryIndex("ByStatus", x => x.Status).ProjectsInclude(x => x.Note);
            }));

    public class Review
    {
        public int Id { get; set; }

        public string CustomerId { get; set; } = "";

        public Customer? Customer { get; set; }
    }
}

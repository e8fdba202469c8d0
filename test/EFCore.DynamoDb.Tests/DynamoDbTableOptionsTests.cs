using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// Table capacity in the CreateTable requests, without a server: on-demand by default, <c>HasBillingMode</c>,
/// <c>HasProvisionedThroughput</c> on the table and on each global index (an index without its own takes the
/// table's), including a table shared by several entity types, where any one of them may configure it.
/// </summary>
public sealed class DynamoDbTableOptionsTests
{
    private static CreateTableRequest Request(Action<ModelBuilder> buildModel, string table, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbTableOptionsTests) + "." + scenario);
        return db.Database.GetCreateTableRequests().Single(r => r.TableName == table);
    }

    private static string ModelError(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbTableOptionsTests) + "." + scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    private static (long, long) Throughput(ProvisionedThroughput? throughput)
        => (throughput!.ReadCapacityUnits!.Value, throughput.WriteCapacityUnits!.Value);

    [Fact]
    public void A_table_is_on_demand_by_default()
    {
        var request = Request(b => b.Entity<Order>().HasGlobalSecondaryIndex("ByStatus", o => o.Status), "Order");

        Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
        Assert.Null(request.ProvisionedThroughput);
        Assert.Null(Assert.Single(request.GlobalSecondaryIndexes).ProvisionedThroughput);
    }

    [Fact]
    public void A_table_has_no_table_class_or_deletion_protection_unless_configured()
    {
        var request = Request(b => b.Entity<Order>(), "Order");

        Assert.Null(request.TableClass);
        Assert.Null(request.DeletionProtectionEnabled);
    }

    [Fact]
    public void HasTableClass_sets_the_tables_storage_class()
    {
        var request = Request(b => b.Entity<Order>().HasTableClass(DynamoDbTableClass.StandardInfrequentAccess), "Order");

        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, request.TableClass);
    }

    [Fact]
    public void HasDeletionProtection_creates_the_table_protected_and_the_script_shows_it()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Order>().HasDeletionProtection(), scenario: nameof(DynamoDbTableOptionsTests) + ".DeletionProtection");

        Assert.True(db.Database.GetCreateTableRequests().Single(r => r.TableName == "Order").DeletionProtectionEnabled);
        Assert.Contains("\"DeletionProtectionEnabled\": true", db.Database.GenerateCreateScript());
    }

    [Fact]
    public void HasBillingMode_PayPerRequest_is_on_demand()
    {
        var request = Request(b => b.Entity<Order>().HasBillingMode(DynamoDbBillingMode.PayPerRequest), "Order");

        Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
        Assert.Null(request.ProvisionedThroughput);
    }

    [Fact]
    public void HasProvisionedThroughput_makes_the_table_provisioned()
    {
        var request = Request(b => b.Entity<Order>().HasProvisionedThroughput(7, 3), "Order");

        Assert.Equal(BillingMode.PROVISIONED, request.BillingMode);
        Assert.Equal((7L, 3L), Throughput(request.ProvisionedThroughput));
    }

    [Fact]
    public void HasBillingMode_Provisioned_with_throughput_is_provisioned()
    {
        var request = Request(b => b.Entity<Order>().HasBillingMode(DynamoDbBillingMode.Provisioned).HasProvisionedThroughput(4, 2), "Order");

        Assert.Equal(BillingMode.PROVISIONED, request.BillingMode);
        Assert.Equal((4L, 2L), Throughput(request.ProvisionedThroughput));
    }

    [Fact]
    public void HasBillingMode_PayPerRequest_after_HasProvisionedThroughput_is_on_demand()
    {
        var request = Request(b => b.Entity<Order>().HasProvisionedThroughput(4, 2).HasBillingMode(DynamoDbBillingMode.PayPerRequest), "Order");

        Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
        Assert.Null(request.ProvisionedThroughput);
    }

    [Fact]
    public void Global_indexes_take_the_tables_throughput_unless_they_have_their_own()
    {
        var request = Request(
            b =>
            {
                var order = b.Entity<Order>();
                order.HasProvisionedThroughput(10, 5);
                order.HasGlobalSecondaryIndex("ByStatus", o => o.Status).HasProvisionedThroughput(2, 1);
                order.HasGlobalSecondaryIndex("ByTotal", o => o.Total);
            },
            "Order");

        Assert.Equal(
            [("ByStatus", (2L, 1L)), ("ByTotal", (10L, 5L))],
            request.GlobalSecondaryIndexes.Select(i => (i.IndexName, Throughput(i.ProvisionedThroughput))).OrderBy(i => i.IndexName, StringComparer.Ordinal));
    }

    [Fact]
    public void Provisioned_billing_without_throughput_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.ProvisionedWithoutThroughput("Order"),
            ModelError(b => b.Entity<Order>().HasBillingMode(DynamoDbBillingMode.Provisioned)));

    [Fact]
    public void Index_throughput_on_an_on_demand_table_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.IndexThroughputOnDemandTable("ByStatus", "Order"),
            ModelError(b => b.Entity<Order>().HasGlobalSecondaryIndex("ByStatus", o => o.Status).HasProvisionedThroughput(1, 1)));

    [Fact]
    public void Index_throughput_after_switching_the_table_to_on_demand_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.IndexThroughputOnDemandTable("ByStatus", "Order"),
            ModelError(b =>
            {
                var order = b.Entity<Order>();
                order.HasProvisionedThroughput(4, 2);
                order.HasGlobalSecondaryIndex("ByStatus", o => o.Status).HasProvisionedThroughput(1, 1);
                order.HasBillingMode(DynamoDbBillingMode.PayPerRequest);
            }));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 5)]
    public void Throughput_below_one_unit_is_rejected(long read, long write)
    {
        var builder = new ModelBuilder();

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => builder.Entity<Order>().HasProvisionedThroughput(read, write));

        Assert.StartsWith(DynamoDbStrings.ThroughputNotPositive(read, write), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tables_throughput_configured_on_any_type_sharing_it_is_used()
    {
        // "Customer" comes first in the model; the capacity is configured on "Order".
        var request = Request(
            b =>
            {
                b.Entity<Customer>().ToTable("App").HasKey(c => c.Id);
                b.Entity<Order>().ToTable("App").HasKey(o => o.Id);
                b.Entity<Order>().HasProvisionedThroughput(8, 4);
                b.Entity<Order>().HasGlobalSecondaryIndex("ByStatus", o => o.Status);
            },
            "App");

        Assert.Equal(BillingMode.PROVISIONED, request.BillingMode);
        Assert.Equal((8L, 4L), Throughput(request.ProvisionedThroughput));
        Assert.Equal((8L, 4L), Throughput(Assert.Single(request.GlobalSecondaryIndexes).ProvisionedThroughput));
    }

    [Fact]
    public void An_index_of_one_type_may_have_throughput_when_another_type_makes_the_shared_table_provisioned()
    {
        var request = Request(
            b =>
            {
                b.Entity<Customer>().ToTable("App").HasKey(c => c.Id);
                b.Entity<Customer>().HasGlobalSecondaryIndex("ByName", c => c.Name).HasProvisionedThroughput(3, 2);
                b.Entity<Order>().ToTable("App").HasKey(o => o.Id);
                b.Entity<Order>().HasProvisionedThroughput(8, 4);
            },
            "App");

        Assert.Equal(BillingMode.PROVISIONED, request.BillingMode);
        Assert.Equal((3L, 2L), Throughput(Assert.Single(request.GlobalSecondaryIndexes).ProvisionedThroughput));
    }

    [Fact]
    public void Types_sharing_a_table_with_different_capacity_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableCapacityMismatch("App", "Customer", "PROVISIONED (5, 5)", "Order", "PROVISIONED (8, 4)"),
            ModelError(b =>
            {
                b.Entity<Customer>().ToTable("App").HasKey(c => c.Id);
                b.Entity<Customer>().HasProvisionedThroughput(5, 5);
                b.Entity<Order>().ToTable("App").HasKey(o => o.Id);
                b.Entity<Order>().HasProvisionedThroughput(8, 4);
            }));

    [Fact]
    public void Types_sharing_a_table_with_different_billing_modes_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableCapacityMismatch("App", "Customer", "PAY_PER_REQUEST", "Order", "PROVISIONED (8, 4)"),
            ModelError(b =>
            {
                b.Entity<Customer>().ToTable("App").HasKey(c => c.Id);
                b.Entity<Customer>().HasBillingMode(DynamoDbBillingMode.PayPerRequest);
                b.Entity<Order>().ToTable("App").HasKey(o => o.Id);
                b.Entity<Order>().HasProvisionedThroughput(8, 4);
            }));

    [Fact]
    public void Types_sharing_a_table_with_the_same_capacity_is_valid()
    {
        var request = Request(
            b =>
            {
                b.Entity<Customer>().ToTable("App").HasKey(c => c.Id);
                b.Entity<Customer>().HasProvisionedThroughput(6, 6);
                b.Entity<Order>().ToTable("App").HasKey(o => o.Id);
                b.Entity<Order>().HasProvisionedThroughput(6, 6);
            },
            "App");

        Assert.Equal((6L, 6L), Throughput(request.ProvisionedThroughput));
    }

    public class Customer
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";
    }

    public class Order
    {
        public string Id { get; set; } = "";

        public string Status { get; set; } = "";

        public int Total { get; set; }
    }
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// <c>MapIndexesToGlobalSecondaryIndexes()</c> and the relational table and index names (read by annotation name,
/// as EF's relational <c>ToTable</c> and <c>HasDatabaseName</c> set them) in the model and the CreateTable requests.
/// </summary>
public class DynamoDbIndexMappingTests
{
    private static IReadOnlyList<CreateTableRequest> CreateTableRequests(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbIndexMappingTests) + "." + scenario);
        return db.Database.GetCreateTableRequests();
    }

    private static string ModelError(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbIndexMappingTests) + "." + scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    private static void CustomersAndOrders(ModelBuilder b)
    {
        b.Entity<Customer>().Ignore(c => c.Email);
        b.Entity<Order>(o =>
        {
            o.HasKey(x => x.OrderId);
            o.HasOne(x => x.Customer).WithMany(c => c.Orders).HasForeignKey(x => x.CustomerId);
        });
    }

    private static string KeySchema(GlobalSecondaryIndex index)
        => string.Join(", ", index.KeySchema.Select(k => k.AttributeName + " " + k.KeyType.Value));

    [Fact]
    public void The_foreign_key_index_becomes_a_global_secondary_index_with_a_default_name()
    {
        var requests = CreateTableRequests(b =>
        {
            CustomersAndOrders(b);
            b.MapIndexesToGlobalSecondaryIndexes();
        });

        var orders = Assert.Single(requests, r => r.TableName == "Order");
        var index = Assert.Single(orders.GlobalSecondaryIndexes);
        Assert.Equal("IX_Order_CustomerId", index.IndexName);
        Assert.Equal("CustomerId HASH", KeySchema(index));
        Assert.Equal(ProjectionType.ALL, index.Projection.ProjectionType);
        Assert.Contains(orders.AttributeDefinitions, d => d.AttributeName == "CustomerId" && d.AttributeType == "S");
        Assert.Null(Assert.Single(requests, r => r.TableName == "Customer").GlobalSecondaryIndexes);
    }

    [Fact]
    public void Without_the_call_EF_indexes_stay_out_of_the_table()
    {
        var requests = CreateTableRequests(CustomersAndOrders);

        Assert.All(requests, r => Assert.Null(r.GlobalSecondaryIndexes));
    }

    [Fact]
    public void Declared_indexes_of_several_properties_get_a_multi_attribute_sort_key()
    {
        var requests = CreateTableRequests(b =>
        {
            CustomersAndOrders(b);
            b.Entity<Order>().HasIndex(x => new { x.Status, x.PlacedAt, x.Total });
            b.MapIndexesToGlobalSecondaryIndexes();
        });

        var index = Assert.Single(Assert.Single(requests, r => r.TableName == "Order").GlobalSecondaryIndexes, i => i.IndexName == "IX_Order_Status_PlacedAt_Total");
        Assert.Equal("Status HASH, PlacedAt RANGE, Total RANGE", KeySchema(index));
    }

    [Fact]
    public void Index_names_prefer_the_DynamoDB_name_then_the_relational_name_then_the_default()
    {
        var requests = CreateTableRequests(b =>
        {
            CustomersAndOrders(b);
            b.Entity<Order>().HasIndex(x => x.Status, "ByStatus").HasAnnotation("Relational:Name", "Ignored");
            b.Entity<Order>().HasIndex(x => x.PlacedAt).HasAnnotation("Relational:Name", "ByPlacedAt");
            b.Entity<Order>().HasIndex(x => x.Total);
            b.MapIndexesToGlobalSecondaryIndexes();
        });

        Assert.Equal(
            ["ByPlacedAt", "ByStatus", "IX_Order_CustomerId", "IX_Order_Total"],
            Assert.Single(requests, r => r.TableName == "Order").GlobalSecondaryIndexes.Select(i => i.IndexName).Order());
    }

    [Fact]
    public void Table_names_prefer_the_DynamoDB_name_then_the_relational_name_then_the_convention()
    {
        var requests = CreateTableRequests(b =>
        {
            b.Entity<Customer>().HasAnnotation("Relational:TableName", "AspNetCustomers");
            b.Entity<Order>(o =>
            {
                o.HasKey(x => x.OrderId);
                o.Ignore(x => x.Customer);
                o.HasAnnotation("Relational:TableName", "Ignored").ToTable("DynamoOrders");
            });
            b.Entity<Product>();
        });

        // Product's int key is generated, hence the key counters table.
        Assert.Equal(["AspNetCustomers", "DynamoOrders", "EFKeyCounters", "Product"], requests.Select(r => r.TableName).Order());
    }

    [Fact]
    public void A_key_type_the_index_cannot_hold_is_explained()
    {
        var message = ModelError(b =>
        {
            CustomersAndOrders(b);
            b.Entity<Order>().HasIndex(x => x.IsGift);
            b.MapIndexesToGlobalSecondaryIndexes();
        });

        Assert.Contains("IX_Order_IsGift", message, StringComparison.Ordinal);
        Assert.Contains("IsGift", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_indexes_of_one_name_with_different_keys_are_explained()
    {
        var message = ModelError(b =>
        {
            CustomersAndOrders(b);
            b.Entity<Order>().HasIndex(x => x.Status).HasAnnotation("Relational:Name", "Dup");
            b.Entity<Order>().HasIndex(x => x.PlacedAt).HasAnnotation("Relational:Name", "Dup");
            b.MapIndexesToGlobalSecondaryIndexes();
        });

        Assert.Contains("'Dup'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_types_put_in_one_table_by_relational_names_share_it_with_a_discriminator()
    {
        var requests = CreateTableRequests(b =>
        {
            b.Entity<Customer>().Ignore(c => c.Orders).HasAnnotation("Relational:TableName", "App");
            b.Entity<Product>(p =>
            {
                p.HasKey(x => x.Name);
                p.Ignore(x => x.Id);
                p.Property(x => x.Name).HasAttributeName("Id");
                p.HasAnnotation("Relational:TableName", "App");
            });
        });

        Assert.Equal("App", Assert.Single(requests).TableName);
    }
}

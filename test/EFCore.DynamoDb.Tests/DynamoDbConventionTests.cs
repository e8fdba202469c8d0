using EFCore.DynamoDb.ValueGeneration.Internal;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Tests;

public class DynamoDbConventionTests
{
    [Fact]
    public void Table_name_is_the_DbSet_property_name()
    {
        using var db = TestContexts.Shop();

        Assert.Equal("Orders", db.Model.FindEntityType(typeof(Order))!.GetTableName());
        Assert.Equal("Customers", db.Model.FindEntityType(typeof(Customer))!.GetTableName());
    }

    [Fact]
    public void Table_name_without_a_DbSet_is_the_CLR_type_name()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Gadget>());

        Assert.Equal("Gadget", db.Model.FindEntityType(typeof(Gadget))!.GetTableName());
    }

    [Fact]
    public void Table_name_of_a_DbSet_whose_name_differs_from_the_type_is_the_DbSet_name()
    {
        using var db = new NamingContext(TestContexts.Options<NamingContext>().Options);

        Assert.Equal("Widgets", db.Model.FindEntityType(typeof(Gadget))!.GetTableName());
    }

    [Fact]
    public void ToTable_overrides_the_DbSet_name()
    {
        using var db = new NamingContext(TestContexts.Options<NamingContext>().Options);

        Assert.Equal("custom-table", db.Model.FindEntityType(typeof(Gizmo))!.GetTableName());
    }

    [Fact]
    public void ToTable_overrides_the_type_name()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Gadget>().ToTable("Things"));

        Assert.Equal("Things", db.Model.FindEntityType(typeof(Gadget))!.GetTableName());
    }

    [Fact]
    public void ToTable_rejects_a_blank_name()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Gadget>().ToTable(" "));

        Assert.Throws<ArgumentException>(() => db.Model);
    }

    [Fact]
    public void Prefix_and_suffix_do_not_change_the_model_table_name()
    {
        using var db = TestContexts.Shop(d => d.TableNamePrefix("dev-").TableNameSuffix("-v2"));

        Assert.Equal("Orders", db.Model.FindEntityType(typeof(Order))!.GetTableName());
    }

    [Fact]
    public void Prefix_and_suffix_are_applied_in_read_requests()
    {
        using var db = TestContexts.Shop(d => d.TableNamePrefix("dev-").TableNameSuffix("-v2"));

        Assert.Equal("dev-Orders-v2", RequestJson.Of(db.Orders.Where(o => o.CustomerId == "c1")).Member("TableName"));
        Assert.Equal("dev-Products-v2", RequestJson.Of(db.Products.Where(p => p.Id == 1)).Member("TableName"));
        Assert.Equal("dev-Orders-v2", RequestJson.Of(db.Orders).Member("TableName"));
    }

    [Fact]
    public void Prefix_and_suffix_are_applied_in_write_commands()
    {
        using var db = TestContexts.Shop(d => d.TableNamePrefix("dev-").TableNameSuffix("-v2"));
        var order = new Order { CustomerId = "c1", OrderId = "o1" };
        db.Add(order);

        var command = db.GetService<DynamoDbWriteCommandFactory>().Create(db.Entry(order).GetInfrastructure())!;

        Assert.Equal("dev-Orders-v2", command.TableName);
    }

    [Fact]
    public void Prefix_and_suffix_are_applied_in_create_table_requests()
    {
        using var db = TestContexts.Shop(d => d.TableNamePrefix("dev-").TableNameSuffix("-v2"));

        Assert.Equal(
            ["dev-Accounts-v2", "dev-Customers-v2", "dev-EFKeyCounters-v2", "dev-Orders-v2", "dev-Products-v2", "dev-Readings-v2"],
            db.Database.GetCreateTableRequests().Select(r => r.TableName).Order());
    }

    [Fact]
    public void Prefix_alone_is_applied()
    {
        using var db = TestContexts.Shop(d => d.TableNamePrefix("test_"));

        Assert.Equal("test_Orders", RequestJson.Of(db.Orders.Where(o => o.CustomerId == "c1")).Member("TableName"));
    }

    [Fact]
    public void A_model_table_name_prefix_is_applied_after_the_options_prefix()
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                b.HasTableNamePrefix("shop-");
                b.Entity<Product>();
            },
            d => d.TableNamePrefix("dev-"),
            scenario: nameof(DynamoDbConventionTests) + ".ModelPrefix");

        Assert.Equal("Product", db.Model.FindEntityType(typeof(Product))!.GetTableName());
        Assert.Equal("dev-shop-Product", RequestJson.Of(db.Set<Product>().Where(p => p.Id == 1)).Member("TableName"));
        Assert.Equal(["dev-shop-Product", "dev-shop-EFKeyCounters"], db.Database.GetCreateTableRequests().Select(r => r.TableName));
    }

    [Fact]
    public void One_key_property_is_the_partition_key()
    {
        using var db = TestContexts.Shop();
        var product = db.Model.FindEntityType(typeof(Product))!;

        Assert.Equal("Id", product.GetPartitionKeyProperty()!.Name);
        Assert.Null(product.GetSortKeyProperty());
    }

    [Fact]
    public void Two_key_properties_are_the_partition_key_and_the_sort_key_in_order()
    {
        using var db = TestContexts.Shop();
        var order = db.Model.FindEntityType(typeof(Order))!;

        Assert.Equal("CustomerId", order.GetPartitionKeyProperty()!.Name);
        Assert.Equal("OrderId", order.GetSortKeyProperty()!.Name);
    }

    [Fact]
    public void Key_order_in_HasKey_decides_which_property_is_the_partition_key()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Pair>().HasKey(p => new { p.Second, p.First }));
        var pair = db.Model.FindEntityType(typeof(Pair))!;

        Assert.Equal("Second", pair.GetPartitionKeyProperty()!.Name);
        Assert.Equal("First", pair.GetSortKeyProperty()!.Name);
    }

    [Fact]
    public void HasPartitionKey_sets_the_primary_key()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Pair>().HasPartitionKey(p => p.First));
        var pair = db.Model.FindEntityType(typeof(Pair))!;

        Assert.Equal(["First"], pair.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.Equal("First", pair.GetPartitionKeyPropertyName());
        Assert.Null(pair.GetSortKeyProperty());
    }

    [Fact]
    public void HasPartitionKey_then_HasSortKey_sets_a_two_property_primary_key()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Pair>().HasPartitionKey(p => p.First).HasSortKey(p => p.Second));
        var pair = db.Model.FindEntityType(typeof(Pair))!;

        Assert.Equal(["First", "Second"], pair.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.Equal("First", pair.GetPartitionKeyProperty()!.Name);
        Assert.Equal("Second", pair.GetSortKeyProperty()!.Name);
        Assert.Equal("Second", pair.GetSortKeyPropertyName());
    }

    [Fact]
    public void HasSortKey_then_HasPartitionKey_sets_the_same_primary_key()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Pair>().HasSortKey(p => p.Second).HasPartitionKey(p => p.First));
        var pair = db.Model.FindEntityType(typeof(Pair))!;

        Assert.Equal(["First", "Second"], pair.FindPrimaryKey()!.Properties.Select(p => p.Name));
    }

    [Fact]
    public void HasSortKey_keeps_the_conventional_key_as_the_partition_key()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Gadget>().HasSortKey(g => g.Name));
        var gadget = db.Model.FindEntityType(typeof(Gadget))!;

        Assert.Equal(["Id", "Name"], gadget.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.Equal("Id", gadget.GetPartitionKeyPropertyName());
    }

    [Fact]
    public void HasPartitionKey_with_a_string_property_name_sets_the_primary_key()
    {
        using var db = TestContexts.Scenario(b => b.Entity(typeof(Pair)).HasPartitionKey("Second"));

        Assert.Equal(["Second"], db.Model.FindEntityType(typeof(Pair))!.FindPrimaryKey()!.Properties.Select(p => p.Name));
    }

    [Fact]
    public void HasPartitionKey_rejects_an_expression_that_is_not_a_property()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Pair>().HasPartitionKey(p => p.First.Length));

        Assert.Throws<ArgumentException>(() => db.Model);
    }

    [Fact]
    public void Attribute_name_is_the_property_name_by_default()
    {
        using var db = TestContexts.Shop();

        Assert.Equal("Total", db.Model.FindEntityType(typeof(Order))!.FindProperty(nameof(Order.Total))!.GetAttributeName());
    }

    [Fact]
    public void HasAttributeName_sets_the_attribute_name()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Gadget>().Property(g => g.Name).HasAttributeName("n"));

        Assert.Equal("n", db.Model.FindEntityType(typeof(Gadget))!.FindProperty(nameof(Gadget.Name))!.GetAttributeName());
    }

    [Fact]
    public void HasAttributeName_on_a_key_property_names_the_key_attribute_of_the_table()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Gadget>().Property(g => g.Id).HasAttributeName("pk"));

        var request = db.Database.GetCreateTableRequests().Single(r => r.TableName != "EFKeyCounters");
        Assert.Equal("pk", Assert.Single(request.KeySchema).AttributeName);
        Assert.Equal("pk", Assert.Single(request.AttributeDefinitions).AttributeName);
    }

    [Fact]
    public void HasAttributeName_rejects_an_empty_name()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Gadget>().Property(g => g.Name).HasAttributeName(""));

        Assert.Throws<ArgumentException>(() => db.Model);
    }

    [Fact]
    public void A_single_int_key_is_generated_on_add_from_its_key_counter()
    {
        using var db = TestContexts.Shop();
        var id = db.Model.FindEntityType(typeof(Product))!.FindProperty(nameof(Product.Id))!;

        Assert.Equal(ValueGenerated.OnAdd, id.ValueGenerated);
        Assert.True(id.IsGeneratedByKeyCounter());
        Assert.Equal("Products#Id", id.GetKeyCounterName());
        Assert.Equal(10, id.GetKeyBlockSize());
    }

    [Fact]
    public void A_single_long_key_is_generated_on_add_and_block_sizes_come_from_the_property_then_the_model()
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                b.HasKeyBlockSize(50);
                b.Entity<LongKeyed>();
                b.Entity<Product>().Property(p => p.Id).HasKeyBlockSize(5);
            },
            scenario: nameof(DynamoDbConventionTests) + ".BlockSizes");

        var longKey = db.Model.FindEntityType(typeof(LongKeyed))!.FindProperty(nameof(LongKeyed.Id))!;
        Assert.Equal(ValueGenerated.OnAdd, longKey.ValueGenerated);
        Assert.Equal(50, longKey.GetKeyBlockSize());
        Assert.Equal(5, db.Model.FindEntityType(typeof(Product))!.FindProperty(nameof(Product.Id))!.GetKeyBlockSize());
    }

    [Fact]
    public void An_integer_key_with_ValueGeneratedNever_is_not_generated_and_needs_no_counters_table()
    {
        using var db = TestContexts.Scenario(b => b.Entity<LongKeyed>().Property(e => e.Id).ValueGeneratedNever(), scenario: nameof(DynamoDbConventionTests) + ".NeverGenerated");

        Assert.False(db.Model.FindEntityType(typeof(LongKeyed))!.FindProperty(nameof(LongKeyed.Id))!.IsGeneratedByKeyCounter());
        Assert.Equal(["LongKeyed"], db.Database.GetCreateTableRequests().Select(r => r.TableName));
    }

    [Fact]
    public void An_added_entity_with_an_unset_int_key_gets_a_temporary_value_and_a_set_one_is_kept()
    {
        using var db = TestContexts.Shop();
        var unset = new Product { Name = "unset" };
        var set = new Product { Id = 7, Name = "set" };

        db.AddRange(unset, set);

        Assert.True(db.Entry(unset).Property(p => p.Id).IsTemporary);
        Assert.Equal(7, set.Id);
        Assert.False(db.Entry(set).Property(p => p.Id).IsTemporary);
    }

    [Fact]
    public void The_counters_table_is_keyed_by_the_counter_name_and_the_reservation_adds_to_its_value()
    {
        using var db = TestContexts.Shop(d => d.TableNamePrefix("dev-"));

        var counters = db.Database.GetCreateTableRequests().Single(r => r.TableName == "dev-EFKeyCounters");
        Assert.Equal("Name HASH S", string.Join(", ", counters.KeySchema.Select(k => $"{k.AttributeName} {k.KeyType.Value} {counters.AttributeDefinitions.Single(d => d.AttributeName == k.AttributeName).AttributeType.Value}")));
        Assert.Equal("PAY_PER_REQUEST", counters.BillingMode.Value);

        var reserve = DynamoDbKeyCounterAssigner.CreateReserveRequest("dev-EFKeyCounters", "Products#Id", 25);
        Assert.Equal("ADD #value :count", reserve.UpdateExpression);
        Assert.Equal("Value", reserve.ExpressionAttributeNames["#value"]);
        Assert.Equal("25", reserve.ExpressionAttributeValues[":count"].N);
        Assert.Equal("Products#Id", reserve.Key["Name"].S);
        Assert.Equal("UPDATED_NEW", reserve.ReturnValues.Value);
    }

    [Fact]
    public void Guid_keys_are_generated_on_add()
    {
        using var db = TestContexts.Shop();

        Assert.Equal(ValueGenerated.OnAdd, db.Model.FindEntityType(typeof(Account))!.FindProperty(nameof(Account.Id))!.ValueGenerated);
    }

    [Fact]
    public void An_added_entity_with_an_empty_Guid_key_gets_a_permanent_generated_key()
    {
        using var db = TestContexts.Shop();
        var account = new Account { Email = "a@example.com" };

        db.Add(account);

        Assert.NotEqual(Guid.Empty, account.Id);
        Assert.False(db.Entry(account).Property(a => a.Id).IsTemporary);
    }

    [Fact]
    public void An_added_entity_with_a_set_Guid_key_keeps_it()
    {
        using var db = TestContexts.Shop();
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var account = new Account { Id = id, Email = "a@example.com" };

        db.Add(account);

        Assert.Equal(id, account.Id);
    }

    [Fact]
    public void A_one_to_many_relationship_between_entity_types_builds()
    {
        using var db = TestContexts.Shop();

        var order = db.Model.FindEntityType(typeof(Order))!;
        var foreignKey = Assert.Single(order.GetForeignKeys());
        Assert.Equal(typeof(Customer), foreignKey.PrincipalEntityType.ClrType);
        Assert.Equal(["CustomerId"], foreignKey.Properties.Select(p => p.Name));
        Assert.Equal("Orders", foreignKey.PrincipalToDependent!.Name);
    }

    [Fact]
    public void Related_entity_types_keep_their_own_tables()
    {
        using var db = TestContexts.Shop();

        var tables = db.Database.GetCreateTableRequests().ToDictionary(r => r.TableName);
        Assert.Equal(["Id"], tables["Customers"].KeySchema.Select(k => k.AttributeName));
        Assert.Equal(["CustomerId", "OrderId"], tables["Orders"].KeySchema.Select(k => k.AttributeName));
    }

    [Fact]
    public void A_navigation_is_not_stored_as_an_attribute()
    {
        using var db = TestContexts.Shop();
        var customer = new Customer { Id = "c1", Name = "Ada" };
        var order = new Order { CustomerId = "c1", OrderId = "o1", Customer = customer };
        db.Add(order);

        var command = db.GetService<DynamoDbWriteCommandFactory>().Create(db.Entry(order).GetInfrastructure())!;

        Assert.DoesNotContain("Customer", command.KeyOrItem.Keys);
        Assert.Equal(
            ["CustomerId", "IsGift", "OrderId", "PlacedAt", "Status", "Total"],
            command.KeyOrItem.Keys.Order());
    }

    public class Gadget
    {
        public int Id { get; set; }

        public string Name { get; set; } = "";
    }

    public class Gizmo
    {
        public int Id { get; set; }
    }

    public class Pair
    {
        public string First { get; set; } = "";

        public string Second { get; set; } = "";
    }

    public class LongKeyed
    {
        public long Id { get; set; }
    }

    public class NamingContext(DbContextOptions<NamingContext> options) : DbContext(options)
    {
        public DbSet<Gadget> Widgets => Set<Gadget>();

        public DbSet<Gizmo> Gizmos => Set<Gizmo>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Gizmo>().ToTable("custom-table");
    }
}

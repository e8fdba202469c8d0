using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

public class DynamoDbModelValidatorTests
{
    private static string ModelError(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbModelValidatorTests) + "." + scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    [Fact]
    public void A_keyless_entity_type_on_a_table_no_keyed_type_stores_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.KeylessTypeWithoutTable("Item", "Item"),
            ModelError(b => b.Entity<Item>().HasNoKey()));

    [Fact]
    public void A_keyless_entity_type_on_a_keyed_types_table_is_a_view_without_a_table_or_discriminator_of_its_own()
    {
        using var db = TestContexts.Scenario(b =>
        {
            b.Entity<Item>().HasKey(i => i.Pk);
            b.Entity<Unkeyed>().HasNoKey().ToTable("Item");
        });

        var request = Assert.Single(db.Database.GetCreateTableRequests());
        Assert.Equal("Item", request.TableName);
        Assert.Null(db.Model.FindEntityType(typeof(Item))!.FindDiscriminatorProperty());
        Assert.Null(db.Model.FindEntityType(typeof(Unkeyed))!.FindDiscriminatorProperty());
    }

    [Fact]
    public void An_entity_type_without_any_key_property_is_an_error()
        => Assert.Contains(
            "'Unkeyed' requires a primary key",
            ModelError(b => b.Entity<Unkeyed>()));

    [Fact]
    public void A_bool_key_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidKeyType("Item", "Flag", "bool"),
            ModelError(b => b.Entity<Item>().HasKey(i => i.Flag)));

    [Fact]
    public void A_bool_sort_key_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidKeyType("Item", "Flag", "bool"),
            ModelError(b => b.Entity<Item>().HasKey(i => new { i.Pk, i.Flag })));

    [Fact]
    public void A_bool_key_converted_to_a_number_is_valid()
    {
        using var db = TestContexts.Scenario(b =>
        {
            b.Entity<Item>().HasKey(i => i.Flag);
            b.Entity<Item>().Property(i => i.Flag).HasConversion<int>();
        });

        Assert.Equal("Flag", db.Model.FindEntityType(typeof(Item))!.GetPartitionKeyProperty()!.Name);
    }

    [Fact]
    public void Two_entity_types_on_one_table_with_different_keys_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableKeyMismatch("Shared", "Item", "Pk S", "Other", "Id N"),
            ModelError(b =>
            {
                b.Entity<Item>().HasKey(i => i.Pk);
                b.Entity<Item>().ToTable("Shared");
                b.Entity<Other>().ToTable("Shared");
            }));

    [Fact]
    public void Two_entity_types_on_one_table_with_the_same_discriminator_value_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableDuplicateDiscriminator("Shared", "Item", "Other", "Same", "$type"),
            ModelError(b =>
            {
                b.Entity<Item>().HasKey(i => i.Pk);
                b.Entity<Item>().ToTable("Shared").Property(i => i.Pk).HasAttributeName("Id");
                b.Entity<Other>().ToTable("Shared").Property(o => o.Id).HasConversion<string>();
                b.Entity<Item>().HasDiscriminator<string>("$type").HasValue("Same");
                b.Entity<Other>().HasDiscriminator<string>("$type").HasValue("Same");
            }));

    [Fact]
    public void Two_entity_types_on_one_table_with_different_discriminator_attributes_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableDiscriminatorMismatch("Shared", "'Item' (kind), 'Other' ($type)"),
            ModelError(b =>
            {
                b.Entity<Item>().HasKey(i => i.Pk);
                b.Entity<Item>().ToTable("Shared").Property(i => i.Pk).HasAttributeName("Id");
                b.Entity<Other>().ToTable("Shared").Property(o => o.Id).HasConversion<string>();
                b.Entity<Item>().HasDiscriminator<string>("kind").HasValue("Item");
            }));

    [Fact]
    public void Two_entity_types_on_one_table_with_the_same_keys_share_it_with_a_type_discriminator()
    {
        using var db = TestContexts.Scenario(b =>
        {
            b.Entity<Item>().HasKey(i => i.Pk);
            b.Entity<Item>().ToTable("Shared").Property(i => i.Pk).HasAttributeName("Id");
            b.Entity<Other>().ToTable("Shared").Property(o => o.Id).HasConversion<string>();
        }, scenario: nameof(DynamoDbModelValidatorTests) + ".SharedTable");

        var item = db.Model.FindEntityType(typeof(Item))!;
        var other = db.Model.FindEntityType(typeof(Other))!;
        Assert.Equal("$type", item.FindDiscriminatorProperty()!.GetAttributeName());
        Assert.Equal(("Item", "Other"), (item.GetDiscriminatorValue(), other.GetDiscriminatorValue()));
    }

    [Fact]
    public void A_complex_property_is_stored_as_a_nested_map_of_its_properties()
    {
        using var db = TestContexts.Scenario(
            b => b.Entity<Customer>().ComplexProperty(c => c.Address),
            scenario: nameof(DynamoDbModelValidatorTests) + ".ComplexProperty");

        var city = db.Model.FindEntityType(typeof(Customer))!.FindComplexProperty(nameof(Customer.Address))!.ComplexType.FindProperty(nameof(Address.City))!;
        Assert.Equal(["Address", "City"], EFCore.DynamoDb.Metadata.Internal.AttributePath.Of(city));
    }

    [Fact]
    public void A_timestamp_property_that_cannot_hold_a_time_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.InvalidTimestampType("Stamped", "CreatedAt", "string"),
            ModelError(b => b.Entity<Stamped>().HasTimestamps()));

    [Fact]
    public void A_time_to_live_on_a_derived_type_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.TimeToLiveOnDerivedType("Lease", "Contract"),
            ModelError(b =>
            {
                b.Entity<Contract>();
                b.Entity<Lease>().HasTimeToLive(l => l.EndsAt);
            }));

    [Fact]
    public void Two_properties_with_the_same_attribute_name_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.DuplicateAttributeName("Item", "Name", "Sk", "Name"),
            ModelError(b =>
            {
                b.Entity<Item>().HasKey(i => i.Pk);
                b.Entity<Item>().Property(i => i.Sk).HasAttributeName("Name");
            }));

    [Fact]
    public void A_property_renamed_to_the_key_attribute_name_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.DuplicateAttributeName("Item", "Pk", "Name", "Pk"),
            ModelError(b =>
            {
                b.Entity<Item>().HasKey(i => i.Pk);
                b.Entity<Item>().Property(i => i.Name).HasAttributeName("Pk");
            }));

    [Fact]
    public void HasSortKey_without_a_partition_key_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SortKeyWithoutPartitionKey("Item", "Sk"),
            ModelError(b => b.Entity<Item>().HasSortKey(i => i.Sk)));

    [Fact]
    public void HasSortKey_followed_by_HasKey_on_another_property_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SortKeyWithoutPartitionKey("Item", "Sk"),
            ModelError(b => b.Entity<Item>().HasSortKey(i => i.Sk).HasKey(i => i.Pk)));

    [Fact]
    public void HasKey_after_HasPartitionKey_disagreeing_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.KeyDoesNotMatchPrimaryKey("Item", "Pk", "Sk"),
            ModelError(b => b.Entity<Item>().HasPartitionKey(i => i.Pk).HasKey(i => i.Sk)));

    [Fact]
    public void HasKey_after_HasSortKey_disagreeing_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.KeyDoesNotMatchPrimaryKey("Item", "Pk, Sk", "Pk, Name"),
            ModelError(b => b.Entity<Item>().HasPartitionKey(i => i.Pk).HasSortKey(i => i.Sk).HasKey(i => new { i.Pk, i.Name })));

    [Fact]
    public void HasKey_agreeing_with_HasPartitionKey_and_HasSortKey_is_valid()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Item>().HasPartitionKey(i => i.Pk).HasSortKey(i => i.Sk).HasKey(i => new { i.Pk, i.Sk }));

        Assert.Equal(["Pk", "Sk"], db.Model.FindEntityType(typeof(Item))!.FindPrimaryKey()!.Properties.Select(p => p.Name));
    }

    public class Item
    {
        public string Pk { get; set; } = "";

        public string Sk { get; set; } = "";

        public string Name { get; set; } = "";

        public bool Flag { get; set; }
    }

    public class Other
    {
        public int Id { get; set; }
    }

    public class Unkeyed
    {
        public string Pk { get; set; } = "";
    }

    public class Customer
    {
        public int Id { get; set; }

        public Address Address { get; set; } = new();
    }

    public class Address
    {
        public string City { get; set; } = "";
    }

    public class Stamped
    {
        public int Id { get; set; }

        public string CreatedAt { get; set; } = "";
    }

    public class Contract
    {
        public int Id { get; set; }
    }

    public class Lease : Contract
    {
        public DateTime EndsAt { get; set; }
    }
}

using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// Complex properties without a server: the nested maps an added entity is written as, the nested document paths a
/// change updates, filters and projections on nested members, and attribute names.
/// </summary>
public sealed partial class DynamoDbComplexTypeTests
{
    private static ScenarioContext Context(Action<ModelBuilder>? configure = null, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b =>
            {
                b.Entity<Customer>(c =>
                {
                    c.ComplexProperty(x => x.Address, a =>
                    {
                        a.Property(x => x.Street).HasAttributeName("street");
                        a.ComplexProperty(x => x.Geo).HasAttributeName("geo").Property(x => x.Lat).HasAttributeName("lat");
                    });
                    c.ComplexProperty(x => x.Contact);
                });
                configure?.Invoke(b);
            },
            scenario: nameof(DynamoDbComplexTypeTests) + "." + scenario);

    private static string ModelError(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbComplexTypeTests) + "." + scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    private static Customer NewCustomer()
        => new()
        {
            Id = "c1",
            Name = "Ada",
            Address = new Address { Street = "Main St 1", City = "Oslo", Zip = 150, Geo = new Geo { Lat = 59.9, Lon = 10.75 } },
            Contact = new Contact { Email = "ada@example.com" },
        };

    [Fact]
    public void An_added_entity_is_a_Put_with_nested_maps_at_every_depth()
    {
        using var db = Context();
        var customer = NewCustomer();
        db.Add(customer);

        var command = WriteCommands.Of(db, customer)!;

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Id"] = "S:c1",
                ["Name"] = "S:Ada",
                ["Address"] = "M{City=S:Oslo, Zip=N:150, geo=M{Lon=N:10.75, lat=N:59.9}, street=S:Main St 1}",
                ["Contact"] = "M{Email=S:ada@example.com}",
            },
            command.KeyOrItem.ToDictionary(p => p.Key, p => AttributeValueText.Of(p.Value)));
    }

    [Fact]
    public void A_null_optional_complex_value_has_no_attribute()
    {
        using var db = Context();
        var customer = NewCustomer();
        customer.Contact = null;
        db.Add(customer);

        Assert.DoesNotContain("Contact", WriteCommands.Of(db, customer)!.KeyOrItem.Keys);
    }

    [Fact]
    public void An_empty_string_in_a_nested_member_is_written()
    {
        using var db = Context();
        var customer = NewCustomer();
        customer.Address.City = "";
        db.Add(customer);

        Assert.Equal("S:", AttributeValueText.Of(WriteCommands.Of(db, customer)!.KeyOrItem["Address"].M["City"]));
    }

    [Fact]
    public void Changing_a_nested_member_sets_only_its_document_path()
    {
        using var db = Context();
        var customer = NewCustomer();
        db.Attach(customer);
        customer.Address.City = "Bergen";

        var command = WriteCommands.Of(db, customer)!;

        Assert.Equal(DynamoDbWriteOperation.Update, command.Operation);
        Assert.Equal("SET Address.City = :v", WriteCommands.ReadableUpdate(command));
        Assert.Equal(["S:Bergen"], command.Values!.Values.Select(AttributeValueText.Of));
    }

    [Fact]
    public void Changing_and_clearing_members_two_maps_deep_uses_their_renamed_paths()
    {
        using var db = Context();
        var customer = NewCustomer();
        db.Attach(customer);
        customer.Address.Geo.Lat = 1.5;
        customer.Address.Zip = null;

        var command = WriteCommands.Of(db, customer)!;

        Assert.Equal("SET Address.geo.lat = :v REMOVE Address.Zip", WriteCommands.ReadableUpdate(command));
    }

    [Fact]
    public void Each_attribute_name_of_a_path_has_one_placeholder()
    {
        using var db = Context();
        var customer = NewCustomer();
        db.Attach(customer);
        customer.Address.City = "Bergen";
        customer.Address.Street = "Other St";

        var command = WriteCommands.Of(db, customer)!;

        Assert.Equal(command.Names.Count, command.Names.Values.Distinct().Count());
        Assert.Equal(["Address", "City", "Id", "street"], command.Names.Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_optional_complex_value_that_was_null_is_set_as_a_whole_map()
    {
        using var db = Context();
        var customer = NewCustomer();
        customer.Contact = null;
        db.Attach(customer);
        customer.Contact = new Contact { Email = "new@example.com", Phone = "555" };

        var command = WriteCommands.Of(db, customer)!;

        Assert.Equal("SET Contact = :v", WriteCommands.ReadableUpdate(command));
        Assert.Equal(["M{Email=S:new@example.com, Phone=S:555}"], command.Values!.Values.Select(AttributeValueText.Of));
    }

    [Fact]
    public void An_optional_complex_value_set_to_null_removes_its_map()
    {
        using var db = Context();
        var customer = NewCustomer();
        db.Attach(customer);
        customer.Contact = null;

        Assert.Equal("REMOVE Contact", WriteCommands.ReadableUpdate(WriteCommands.Of(db, customer)!));
    }

    [Fact]
    public void A_member_of_an_optional_complex_value_that_stays_set_is_updated_by_its_path()
    {
        using var db = Context();
        var customer = NewCustomer();
        db.Attach(customer);
        customer.Contact!.Phone = "777";

        Assert.Equal("SET Contact.Phone = :v", WriteCommands.ReadableUpdate(WriteCommands.Of(db, customer)!));
    }

    [Fact]
    public void A_filter_on_nested_members_uses_document_paths()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Customer>().Where(c => c.Address.City == "Oslo" && c.Address.Geo.Lat > 60));

        var names = request.Names();
        Assert.Equal(
            "(Address.City = :v AND Address.geo.lat > :v)",
            Regex.Replace(Regex.Replace(request.Member("FilterExpression")!, @"#\w+", m => names[m.Value]), @":\w+", ":v"));
        Assert.Equal(["N:60", "S:Oslo"], request.Values().Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_projection_of_nested_members_reads_only_their_paths()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Customer>().Select(c => new { c.Name, c.Address.City, c.Address.Geo.Lat }));

        var names = request.Names();
        Assert.Equal(
            ["Address.City", "Address.geo.lat", "Name"],
            Regex.Replace(request.Member("ProjectionExpression")!, @"#\w+", m => names[m.Value]).Split(", ").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HasAttributeName_names_a_complex_property_and_the_members_of_its_type()
    {
        using var db = Context();

        var address = db.Model.FindEntityType(typeof(Customer))!.FindComplexProperty(nameof(Customer.Address))!;
        var geo = address.ComplexType.FindComplexProperty(nameof(Address.Geo))!;

        Assert.Equal("geo", geo.GetAttributeName());
        Assert.Equal("street", address.ComplexType.FindProperty(nameof(Address.Street))!.GetAttributeName());
        Assert.Equal(["Address", "geo", "lat"], AttributePath.Of(geo.ComplexType.FindProperty(nameof(Geo.Lat))!));
        Assert.Equal(["Address", "geo", "Lon"], AttributePath.Of(geo.ComplexType.FindProperty(nameof(Geo.Lon))!));
    }

    [Fact]
    public void The_non_generic_builders_name_attributes_too()
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                var address = b.Entity(typeof(Customer)).ComplexProperty(typeof(Address), nameof(Customer.Address));
                address.HasAttributeName("addr");
                address.Property(nameof(Address.City)).HasAttributeName("city");
                b.Entity<Customer>().ComplexProperty(x => x.Contact);
            },
            scenario: nameof(DynamoDbComplexTypeTests) + ".NonGeneric");

        var city = db.Model.FindEntityType(typeof(Customer))!.FindComplexProperty(nameof(Customer.Address))!.ComplexType.FindProperty(nameof(Address.City))!;

        Assert.Equal(["addr", "city"], AttributePath.Of(city));
    }

    [Fact]
    public void Two_members_of_a_complex_type_in_one_attribute_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.DuplicateAttributeName("Customer.Address#Address", "City", "Street", "City"),
            ModelError(b =>
            {
                b.Entity<Customer>().ComplexProperty(c => c.Address).Property(a => a.Street).HasAttributeName("City");
                b.Entity<Customer>().ComplexProperty(c => c.Contact);
            }));

    [Fact]
    public void A_complex_property_in_the_attribute_of_a_property_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.DuplicateAttributeName("Customer", "Name", "Address", "Name"),
            ModelError(b =>
            {
                b.Entity<Customer>().ComplexProperty(c => c.Address).HasAttributeName("Name");
                b.Entity<Customer>().ComplexProperty(c => c.Contact);
            }));

    [Fact]
    public void A_nested_complex_property_in_the_attribute_of_a_sibling_member_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.DuplicateAttributeName("Customer.Address#Address", "City", "Geo", "City"),
            ModelError(b =>
            {
                b.Entity<Customer>().ComplexProperty(c => c.Address).ComplexProperty(a => a.Geo).HasAttributeName("City");
                b.Entity<Customer>().ComplexProperty(c => c.Contact);
            }));

    [Fact]
    public void The_same_attribute_name_at_different_depths_is_valid()
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                b.Entity<Customer>().ComplexProperty(c => c.Address).Property(a => a.City).HasAttributeName("Name");
                b.Entity<Customer>().ComplexProperty(c => c.Contact).Property(c => c.Email).HasAttributeName("Name");
            },
            scenario: nameof(DynamoDbComplexTypeTests) + ".SameNameAtDepths");

        var customer = db.Model.FindEntityType(typeof(Customer))!;
        Assert.Equal(["Address", "Name"], AttributePath.Of(customer.FindComplexProperty(nameof(Customer.Address))!.ComplexType.FindProperty(nameof(Address.City))!));
    }

    public class Customer
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public Address Address { get; set; } = new();

        public Contact? Contact { get; set; }
    }

    public class Address
    {
        public string Street { get; set; } = "";

        public string City { get; set; } = "";

        public int? Zip { get; set; }

        public Geo Geo { get; set; } = new();
    }

    public class Geo
    {
        public double Lat { get; set; }

        public double Lon { get; set; }
    }

    public class Contact
    {
        public string Email { get; set; } = "";

        public string? Phone { get; set; }
    }

    public class Shop
    {
        public string Id { get; set; } = "";

        public Contact? Contact { get; set; }

        public List<Contact> Contacts { get; set; } = [];
    }
}

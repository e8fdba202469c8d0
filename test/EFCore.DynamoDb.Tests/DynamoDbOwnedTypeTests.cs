using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// Owned types without a server: where their members live in the item (paths, attribute names, the owned keys that
/// are not stored), the Put and Update an owner's save makes of its owned entities, the requests filters and
/// projections on owned members make, and every validation and translation error about them.
/// </summary>
public sealed class DynamoDbOwnedTypeTests
{
    private static ScenarioContext Context([System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Order>(o =>
            {
                o.OwnsOne(x => x.Address, a =>
                {
                    a.HasAttributeName("addr");
                    a.Property(x => x.City).HasAttributeName("city");
                    a.OwnsOne(x => x.Geo);
                });
                o.OwnsMany(x => x.Lines, l => l.OwnsOne(x => x.Discount));
            }),
            scenario: nameof(DynamoDbOwnedTypeTests));

    private static string ModelError(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbOwnedTypeTests) + "." + scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    private static Order NewOrder()
        => new()
        {
            Id = "o1",
            Address = new Address { Street = "Main St 1", City = "Oslo", Geo = new Geo { Lat = 59.9 } },
            Lines = [new Line { Sku = "a", Quantity = 2, Discount = new Discount { Percent = 10 } }, new Line { Sku = "b", Quantity = 1 }],
        };

    // An order as it is after its first save: tracked unchanged, its collection elements numbered.
    private static Order Attached(ScenarioContext db)
    {
        var order = NewOrder();
        db.Add(order);
        WriteCommands.Of(db, order);
        db.ChangeTracker.AcceptAllChanges();
        return order;
    }

    [Fact]
    public void An_added_owner_is_one_Put_holding_its_owned_entities_without_their_keys()
    {
        using var db = Context();
        var order = NewOrder();
        db.Add(order);

        var command = WriteCommands.Of(db, order)!;

        Assert.Equal(DynamoDbWriteOperation.Put, command.Operation);
        var item = AttributeValueText.Of(command.KeyOrItem);
        Assert.Equal(["Id", "Lines", "addr"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("M{Geo=M{Lat=N:59.9}, Street=S:Main St 1, city=S:Oslo}", item["addr"]);
        Assert.Equal("L[M{Discount=M{Percent=N:10}, Quantity=N:2, Sku=S:a}, M{Quantity=N:1, Sku=S:b}]", item["Lines"]);
    }

    [Fact]
    public void New_collection_elements_get_distinct_positions_when_saved()
    {
        using var db = Context();
        var order = NewOrder();
        db.Add(order);

        WriteCommands.Of(db, order);

        Assert.Equal([1, 2], order.Lines.Select(l => (int)db.Entry(l).Property("Id").CurrentValue!));
        Assert.All(order.Lines, l => Assert.False(db.Entry(l).Property("Id").IsTemporary));
    }

    [Fact]
    public void A_changed_owned_member_updates_its_nested_path()
    {
        using var db = Context();
        var order = Attached(db);
        order.Address!.City = "Bergen";
        order.Address.Geo!.Lat = 60.4;

        Assert.Equal("SET addr.city = :v, addr.Geo.Lat = :v", WriteCommands.ReadableUpdate(WriteCommands.Of(db, order)!));
    }

    [Fact]
    public void A_replaced_owned_reference_is_set_whole_and_a_removed_one_removed()
    {
        using var db = Context();
        var order = Attached(db);
        order.Address = new Address { Street = "New", City = "Tromso" };

        Assert.Equal("SET addr = :v", WriteCommands.ReadableUpdate(WriteCommands.Of(db, order)!));
        db.ChangeTracker.AcceptAllChanges();
        order.Address = null;
        Assert.Equal("REMOVE addr", WriteCommands.ReadableUpdate(WriteCommands.Of(db, order)!));
    }

    [Fact]
    public void Any_change_inside_an_owned_collection_sets_the_whole_list_with_the_owner_changes()
    {
        using var db = Context();
        var order = Attached(db);
        order.Status = "paid";
        order.Lines[1].Discount = new Discount { Percent = 5 };

        Assert.Equal("SET Status = :v, Lines = :v", WriteCommands.ReadableUpdate(WriteCommands.Of(db, order)!));
    }

    [Fact]
    public void An_unchanged_owner_without_owned_changes_writes_nothing()
    {
        using var db = Context();
        var order = Attached(db);

        Assert.Null(WriteCommands.Of(db, order));
    }

    [Fact]
    public void Owned_members_are_located_through_their_owners_maps_and_collection_elements_relative_to_the_element()
    {
        using var db = Context();
        var order = db.Model.FindEntityType(typeof(Order))!;
        var address = order.FindNavigation(nameof(Order.Address))!.TargetEntityType;
        var geo = address.FindNavigation(nameof(Address.Geo))!.TargetEntityType;
        var line = order.FindNavigation(nameof(Order.Lines))!.TargetEntityType;
        var discount = line.FindNavigation(nameof(Line.Discount))!.TargetEntityType;

        Assert.Equal(["addr", "city"], AttributePath.Of(address.FindProperty(nameof(Address.City))!));
        Assert.Equal(["addr", "Geo", "Lat"], AttributePath.Of(geo.FindProperty(nameof(Geo.Lat))!));
        Assert.Equal(["Sku"], AttributePath.Of(line.FindProperty(nameof(Line.Sku))!));
        Assert.Same(line, AttributePath.AnchorOf(discount.FindProperty(nameof(Discount.Percent))!));
        Assert.True(address.FindProperty("OrderId")!.IsOwnershipKey());
        Assert.True(line.FindProperty("Id")!.IsOrdinalKey());
    }

    [Fact]
    public void A_filter_on_owned_members_uses_their_nested_paths()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Order>().Where(o => o.Address!.City == "Oslo" && o.Address.Geo!.Lat > 50));

        Assert.Equal("(#n0.#n1 = :v0 AND #n0.#n2.#n3 > :v1)", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "addr", ["#n1"] = "city", ["#n2"] = "Geo", ["#n3"] = "Lat" }, request.Names());
    }

    [Fact]
    public void A_projection_of_owned_members_reads_only_their_paths()
    {
        using var db = Context();

        var request = RequestJson.Of(db.Set<Order>().Select(o => new { o.Id, o.Address!.City }));

        Assert.Equal("#n0, #n1.#n2", request.Member("ProjectionExpression"));
    }

    [Fact]
    public void A_filter_on_the_key_EF_gives_an_owned_type_is_refused()
    {
        using var db = Context();

        var error = Assert.Throws<InvalidOperationException>(() => db.Set<Order>().Where(o => EF.Property<string>(o.Address!, "OrderId") == "o1").ToQueryString());

        Assert.Contains(DynamoDbStrings.OwnedKeyNotStored("Address", "OrderId"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_inside_an_owned_collection_names_it()
    {
        using var db = Context();

        var error = Assert.Throws<InvalidOperationException>(() => db.Set<Order>().Where(o => o.Lines.Any(l => l.Quantity > 1)).ToQueryString());

        Assert.Contains(DynamoDbStrings.OwnedCollectionSubquery("Order.Lines"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_projection_of_an_owned_collection_subquery_is_refused()
    {
        using var db = Context();

        var error = Assert.Throws<InvalidOperationException>(() => db.Set<Order>().AsNoTracking().Select(o => o.Lines.Where(l => l.Quantity > 1).ToList()).ToQueryString());

        Assert.Contains(DynamoDbStrings.OwnedCollectionSubquery("Order.Lines"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tracking_projection_of_an_owned_entity_is_refused_as_EF_does()
    {
        using var db = Context();

        var error = Assert.Throws<InvalidOperationException>(() => db.Set<Order>().Select(o => o.Address).ToQueryString());

        Assert.Contains(CoreStrings.OwnedEntitiesCannotBeTrackedWithoutTheirOwner, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_non_generic_owned_builder_names_the_attribute_too()
    {
        using var db = TestContexts.Scenario(
            b => b.Entity(typeof(Order), o =>
            {
                o.OwnsOne(typeof(Address), nameof(Order.Address)).HasAttributeName("shipTo").Ignore(nameof(Address.Geo));
                o.Ignore(nameof(Order.Lines));
            }),
            scenario: nameof(DynamoDbOwnedTypeTests) + ".NonGeneric");
        var address = db.Model.FindEntityType(typeof(Order))!.FindNavigation(nameof(Order.Address))!.TargetEntityType;

        Assert.Equal("shipTo", address.GetContainingAttributeName());
    }

    [Fact]
    public void An_owned_navigation_and_a_property_in_one_attribute_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.DuplicateAttributeName("Order", "Status", "Address", "Status"),
            ModelError(b => b.Entity<Order>(o =>
            {
                o.OwnsOne(x => x.Address, a => a.HasAttributeName("Status").Ignore(x => x.Geo));
                o.Ignore(x => x.Lines);
            })));

    [Fact]
    public void A_secondary_index_on_an_owned_type_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SecondaryIndexOnOwnedType("ByCity", "Address", "Order"),
            ModelError(b => b.Entity<Order>(o =>
            {
                o.OwnsOne(x => x.Address, a =>
                {
                    a.Ignore(x => x.Geo);
                    a.HasIndex(x => x.City, "ByCity").IsGlobalSecondaryIndex();
                });
                o.Ignore(x => x.Lines);
            })));

    public class Order
    {
        public string Id { get; set; } = "";

        public string? Status { get; set; }

        public Address? Address { get; set; }

        public List<Line> Lines { get; set; } = [];
    }

    public class Address
    {
        public string Street { get; set; } = "";

        public string City { get; set; } = "";

        public Geo? Geo { get; set; }
    }

    public class Geo
    {
        public double Lat { get; set; }
    }

    public class Line
    {
        public string Sku { get; set; } = "";

        public int Quantity { get; set; }

        public Discount? Discount { get; set; }
    }

    public class Discount
    {
        public int Percent { get; set; }
    }
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// Complex collections without a server: the list of maps an added entity is written as, the whole-list SET (or
/// REMOVE) a change inside writes, the materialized values of a read item (a missing list, a wrong attribute type),
/// attribute names, the translation failure of a filter inside one, and the array a model may not declare.
/// </summary>
public sealed class DynamoDbComplexCollectionTests
{
    private static ScenarioContext Context(Action<DbContextOptionsBuilder>? configure = null)
        => TestContexts.Scenario(
            b => b.Entity<Order>(o =>
            {
                o.ComplexCollection(x => x.Lines, l =>
                {
                    l.HasAttributeName("lines");
                    l.Property(x => x.Sku).HasAttributeName("sku");
                    l.ComplexProperty(x => x.Discount).HasAttributeName("discount");
                });
                o.ComplexCollection(x => x.Notes);
            }),
            configure: configure,
            scenario: nameof(DynamoDbComplexCollectionTests));

    private static Order NewOrder()
        => new()
        {
            Id = "o1",
            Lines = [new Line { Sku = "a", Quantity = 2, Discount = new Discount { Percent = 10 } }, new Line { Sku = "b", Quantity = 1 }],
            Notes = [new Note { Text = "gift" }],
        };

    // An attached order as it was read: unchanged, so a change is a Modified entry.
    private static Order Attached(ScenarioContext db)
    {
        var order = NewOrder();
        db.Attach(order);
        return order;
    }

    [Fact]
    public void An_added_entity_stores_each_collection_as_a_list_of_maps_with_the_attribute_names()
    {
        using var db = Context();
        var order = NewOrder();
        db.Add(order);

        var item = AttributeValueText.Of(WriteCommands.Of(db, order)!.KeyOrItem);

        Assert.Equal("L[M{Quantity=N:2, discount=M{Percent=N:10}, sku=S:a}, M{Quantity=N:1, sku=S:b}]", item["lines"]);
        Assert.Equal("L[M{Text=S:gift}]", item["Notes"]);
    }

    [Fact]
    public void An_empty_collection_is_an_empty_list_and_a_null_optional_one_has_no_attribute()
    {
        using var db = Context();
        var order = new Order { Id = "o2", Lines = [], Notes = null };
        db.Add(order);

        var item = AttributeValueText.Of(WriteCommands.Of(db, order)!.KeyOrItem);

        Assert.Equal("L[]", item["lines"]);
        Assert.False(item.ContainsKey("Notes"));
    }

    [Fact]
    public void An_unchanged_collection_writes_nothing()
    {
        using var db = Context();
        var order = Attached(db);

        Assert.Null(WriteCommands.Of(db, order));
    }

    [Theory]
    [InlineData("member of an element")]
    [InlineData("nested complex value of an element")]
    [InlineData("element added")]
    [InlineData("element removed")]
    [InlineData("elements reordered")]
    [InlineData("collection replaced")]
    public void Any_change_inside_a_collection_sets_the_whole_list(string change)
    {
        using var db = Context();
        var order = Attached(db);
        switch (change)
        {
            case "member of an element": order.Lines[1].Quantity = 5; break;
            case "nested complex value of an element": order.Lines[0].Discount!.Percent = 20; break;
            case "element added": order.Lines.Add(new Line { Sku = "c" }); break;
            case "element removed": order.Lines.RemoveAt(0); break;
            case "elements reordered": order.Lines.Reverse(); break;
            case "collection replaced": order.Lines = [new Line { Sku = "z", Quantity = 9 }]; break;
        }

        var command = WriteCommands.Of(db, order)!;

        Assert.Equal(DynamoDbWriteOperation.Update, command.Operation);
        Assert.Equal("SET lines = :v", WriteCommands.ReadableUpdate(command));
        Assert.Equal(
            AttributeValueText.Of(new AttributeValue { L = order.Lines.Select(ExpectedMap).ToList() }),
            AttributeValueText.Of(command.Values!.Values.Single()));
    }

    [Fact]
    public void An_optional_collection_set_to_null_removes_its_list()
    {
        using var db = Context();
        var order = Attached(db);
        order.Notes = null;

        Assert.Equal("REMOVE Notes", WriteCommands.ReadableUpdate(WriteCommands.Of(db, order)!));
    }

    [Fact]
    public void A_change_inside_a_collection_and_a_scalar_change_are_one_update()
    {
        using var db = Context();
        var order = Attached(db);
        order.Status = "shipped";
        order.Notes![0].Text = "thanks";

        Assert.Equal("SET Status = :v, Notes = :v", WriteCommands.ReadableUpdate(WriteCommands.Of(db, order)!));
    }

    [Fact]
    public async Task A_read_item_materializes_each_element_with_its_nested_values()
    {
        await using var db = Context(RecordingClientWrapper.Use);
        RecordingClientWrapper.Of(db).Respond = _ =>
        [
            new()
            {
                ["Id"] = new() { S = "o1" },
                ["lines"] = new() { L = [Map(("sku", new() { S = "a" }), ("Quantity", new() { N = "2" }), ("discount", new() { M = new() { ["Percent"] = new() { N = "10" } } })), Map(("sku", new() { S = "b" }))] },
            },
        ];

        var order = await db.Set<Order>().SingleAsync(o => o.Id == "o1");

        Assert.Equal(["a:2:10", "b:0:none"], order.Lines.Select(l => $"{l.Sku}:{l.Quantity}:{l.Discount?.Percent.ToString() ?? "none"}"));
        Assert.Null(order.Notes);
        Assert.Equal(EntityState.Unchanged, db.Entry(order).State);
        Assert.Null(WriteCommands.Of(db, order));
    }

    [Fact]
    public async Task A_missing_required_collection_reads_as_empty()
    {
        await using var db = Context(RecordingClientWrapper.Use);
        RecordingClientWrapper.Of(db).Respond = _ => [new() { ["Id"] = new() { S = "o1" } }];

        var order = await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == "o1");

        Assert.Empty(order.Lines);
    }

    [Fact]
    public async Task A_collection_attribute_of_another_type_is_a_clear_error()
    {
        await using var db = Context(RecordingClientWrapper.Use);
        RecordingClientWrapper.Of(db).Respond = _ => [new() { ["Id"] = new() { S = "o1" }, ["lines"] = new() { S = "not a list" } }];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Set<Order>().SingleAsync(o => o.Id == "o1"));

        Assert.Equal(DynamoDbStrings.UnexpectedAttributeType("lines", "L", "S"), error.Message);
    }

    [Fact]
    public async Task An_element_that_is_not_a_map_is_a_clear_error()
    {
        await using var db = Context(RecordingClientWrapper.Use);
        RecordingClientWrapper.Of(db).Respond = _ => [new() { ["Id"] = new() { S = "o1" }, ["lines"] = new() { L = [Map(("sku", new() { S = "a" })), new() { N = "1" }] } }];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Set<Order>().SingleAsync(o => o.Id == "o1"));

        Assert.Equal(DynamoDbStrings.UnexpectedAttributeType("lines[1]", "M", "N"), error.Message);
    }

    [Fact]
    public async Task A_filter_inside_a_complex_collection_is_checked_on_the_returned_items()
    {
        await using var db = Context(ScriptedClientWrapper.Use);
        var scripted = ScriptedClientWrapper.Of(db);
        scripted.RespondToScan = _ => new ScanResponse
        {
            Items =
            [
                OrderItem("o1", ("a", 1, 10)),
                OrderItem("o2", ("b", 3, null), ("c", 5, 20)),
                OrderItem("o3"),
            ],
            Count = 3,
        };

        var any = await db.Set<Order>().Where(o => o.Id == "x" || o.Lines.Any(l => l.Sku == "c")).Select(o => o.Id).ToListAsync();
        var count = await db.Set<Order>().Where(o => o.Lines.Where(l => l.Quantity > 2).Count() == 2).Select(o => o.Id).ToListAsync();
        var nested = await db.Set<Order>().Where(o => o.Lines.Any(l => l.Discount!.Percent >= 10)).Select(o => o.Id).ToListAsync();
        var counted = await db.Set<Order>().CountAsync(o => o.Lines.Any());

        Assert.Equal(["o2"], any);
        Assert.Equal(["o2"], count);
        Assert.Equal(["o1", "o2"], nested);
        Assert.Equal(2, counted);
        Assert.All(scripted.Requests.Cast<ScanRequest>(), r => Assert.Null(r.ProjectionExpression));
    }

    [Fact]
    public void A_check_over_a_complex_collection_never_reads_an_index_that_lacks_it()
    {
        using var db = TestContexts.Scenario(
            b => b.Entity<Order>(o =>
            {
                o.ComplexCollection(x => x.Lines);
                o.ComplexCollection(x => x.Notes);
                o.HasGlobalSecondaryIndex("ByStatus", x => x.Status).ProjectsKeysOnly();
            }),
            scenario: nameof(DynamoDbComplexCollectionTests) + ".KeysOnlyIndex");

        var checkedQuery = db.Set<Order>().Where(o => o.Status == "open" && o.Lines.Any(l => l.Sku == "a")).Select(o => o.Id);
        var plainQuery = db.Set<Order>().Where(o => o.Status == "open").Select(o => o.Id);

        Assert.Null(RequestJson.Of(checkedQuery).Member("IndexName"));
        Assert.Equal("ByStatus", RequestJson.Of(plainQuery).Member("IndexName"));
    }

    private static Dictionary<string, AttributeValue> OrderItem(string id, params (string Sku, int Quantity, int? Percent)[] lines)
        => new()
        {
            ["Id"] = new() { S = id },
            ["lines"] = new()
            {
                L = lines.Select(l =>
                    {
                        var map = new Dictionary<string, AttributeValue> { ["sku"] = new() { S = l.Sku }, ["Quantity"] = new() { N = l.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
                        if (l.Percent is { } percent)
                        {
                            map["discount"] = new() { M = new() { ["Percent"] = new() { N = percent.ToString(System.Globalization.CultureInfo.InvariantCulture) } } };
                        }

                        return new AttributeValue { M = map };
                    })
                    .ToList(),
            },
        };

    [Fact]
    public void Members_of_an_element_are_located_relative_to_the_element()
    {
        using var db = Context();
        var lines = db.Model.FindEntityType(typeof(Order))!.FindComplexProperty(nameof(Order.Lines))!;

        Assert.Equal(["lines"], AttributePath.Of(lines));
        Assert.Equal(["sku"], AttributePath.Of(lines.ComplexType.FindProperty(nameof(Line.Sku))!));
        Assert.Equal(["discount", "Percent"], AttributePath.Of(lines.ComplexType.FindComplexProperty(nameof(Line.Discount))!.ComplexType.FindProperty(nameof(Discount.Percent))!));
    }

    [Fact]
    public void The_non_generic_builders_name_attributes_too()
    {
        using var db = TestContexts.Scenario(
            b => b.Entity(typeof(Order), o =>
            {
                var lines = o.ComplexCollection(typeof(List<Line>), nameof(Order.Lines)).HasAttributeName("items");
                lines.Property(typeof(string), nameof(Line.Sku)).HasAttributeName("code");
                o.Ignore(nameof(Order.Notes));
            }),
            scenario: nameof(DynamoDbComplexCollectionTests) + ".NonGeneric");
        var lines = db.Model.FindEntityType(typeof(Order))!.FindComplexProperty(nameof(Order.Lines))!;

        Assert.Equal(["items"], AttributePath.Of(lines));
        Assert.Equal(["code"], AttributePath.Of(lines.ComplexType.FindProperty(nameof(Line.Sku))!));
    }

    [Fact]
    public void A_complex_collection_declared_as_an_array_is_an_error()
    {
        using var db = TestContexts.Scenario(
            b => b.Entity<Crate>().ComplexCollection(c => c.Lines),
            scenario: nameof(DynamoDbComplexCollectionTests) + ".Array");

        Assert.Equal(
            DynamoDbStrings.ComplexCollectionArray("Crate", "Lines", "Line"),
            Assert.Throws<InvalidOperationException>(() => db.Model).Message);
    }

    private static AttributeValue Map(params (string Name, AttributeValue Value)[] attributes)
        => new() { M = attributes.ToDictionary(a => a.Name, a => a.Value) };

    private static AttributeValue ExpectedMap(Line line)
    {
        var map = new Dictionary<string, AttributeValue> { ["sku"] = new() { S = line.Sku }, ["Quantity"] = new() { N = line.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        if (line.Discount is not null)
        {
            map["discount"] = new() { M = new() { ["Percent"] = new() { N = line.Discount.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture) } } };
        }

        return new() { M = map };
    }

    public class Order
    {
        public string Id { get; set; } = "";

        public string? Status { get; set; }

        public List<Line> Lines { get; set; } = [];

        public List<Note>? Notes { get; set; }
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

    public class Note
    {
        public string Text { get; set; } = "";
    }

    public class Crate
    {
        public string Id { get; set; } = "";

        public Line[] Lines { get; set; } = [];
    }
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// Single-table design without a server: three entity types and a TPH hierarchy in the table "App" carry a
/// <c>$type</c> discriminator with their short names, a table of one type carries none, <c>HasDiscriminator</c>
/// renames it or chooses the values; every read of one type tests the type (a key lookup on the returned item, a
/// Query, index Query or Scan in its filter); and the model errors for types that cannot share a table.
/// </summary>
public sealed class DynamoDbSingleTableTests : IDisposable
{
    private readonly ScenarioContext _db = NewContext();

    public void Dispose() => _db.Dispose();

    private static void BuildApp(ModelBuilder b)
    {
        b.Entity<Customer>(e =>
        {
            e.ToTable("App");
            e.HasKey(c => new { c.PK, c.SK });
        });
        b.Entity<Order>(e =>
        {
            e.ToTable("App");
            e.HasKey(o => new { o.PK, o.SK });
            e.HasGlobalSecondaryIndex("ByStatus", o => o.Status, o => o.SK);
        });
        b.Entity<Invoice>(e =>
        {
            e.ToTable("App");
            e.HasKey(i => new { i.PK, i.SK });
        });
        b.Entity<Payment>(e =>
        {
            e.ToTable("App");
            e.HasKey(p => new { p.PK, p.SK });
        });
        b.Entity<CardPayment>();
        b.Entity<BankPayment>();
        b.Entity<Standalone>();
    }

    private static ScenarioContext NewContext(Action<DbContextOptionsBuilder>? configure = null)
        => TestContexts.Scenario(BuildApp, configure: configure, scenario: nameof(DynamoDbSingleTableTests));

    private static string ModelError(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbSingleTableTests) + "." + scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    private Microsoft.EntityFrameworkCore.Metadata.IEntityType EntityType<T>() => _db.Model.FindEntityType(typeof(T))!;

    [Fact]
    public void The_types_sharing_a_table_have_one_CreateTable_request_with_every_index()
    {
        var requests = _db.Database.GetCreateTableRequests();

        Assert.Equal(["App", "Standalone"], requests.Select(r => r.TableName).Order(StringComparer.Ordinal));
        var app = requests.Single(r => r.TableName == "App");
        Assert.Equal([("PK", KeyType.HASH), ("SK", KeyType.RANGE)], app.KeySchema.Select(k => (k.AttributeName, k.KeyType)));
        Assert.Equal(
            [("PK", "S"), ("SK", "S"), ("Status", "S")],
            app.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)).OrderBy(d => d.AttributeName, StringComparer.Ordinal));
        Assert.Equal("ByStatus", Assert.Single(app.GlobalSecondaryIndexes).IndexName);
    }

    [Theory]
    [InlineData(typeof(Customer), "Customer")]
    [InlineData(typeof(Order), "Order")]
    [InlineData(typeof(Invoice), "Invoice")]
    [InlineData(typeof(Payment), "Payment")]
    [InlineData(typeof(CardPayment), "CardPayment")]
    [InlineData(typeof(BankPayment), "BankPayment")]
    public void Each_type_in_the_shared_table_has_a_type_discriminator_with_its_short_name(Type clrType, string value)
    {
        var entityType = _db.Model.FindEntityType(clrType)!;

        Assert.Equal("$type", entityType.FindDiscriminatorProperty()!.GetAttributeName());
        Assert.Equal(value, entityType.GetDiscriminatorValue());
    }

    [Fact]
    public void A_type_alone_in_its_table_has_no_discriminator()
    {
        Assert.Null(EntityType<Standalone>().FindDiscriminatorProperty());
        Assert.DoesNotContain(EntityType<Standalone>().GetProperties(), p => p.GetAttributeName() == "$type");
    }

    [Fact]
    public void A_type_alone_in_its_table_is_written_without_a_type_attribute()
    {
        var standalone = new Standalone { Id = "s1", Name = "alone" };
        _db.Add(standalone);

        Assert.Equal(
            new Dictionary<string, string> { ["Id"] = "S:s1", ["Name"] = "S:alone" },
            AttributeValueText.Of(Command(standalone).KeyOrItem));
    }

    [Fact]
    public void Each_type_is_written_with_its_type_attribute()
    {
        var customer = new Customer { PK = "ACME", SK = "PROFILE", Name = "Acme" };
        var order = new Order { PK = "ACME", SK = "ORDER#1", Status = "open", Total = 5m };
        var card = new CardPayment { PK = "ACME", SK = "PAY#1", Amount = 2m, Last4 = "4242" };
        _db.AddRange(customer, order, card);

        Assert.Equal(
            new Dictionary<string, string> { ["PK"] = "S:ACME", ["SK"] = "S:PROFILE", ["$type"] = "S:Customer", ["Name"] = "S:Acme" },
            AttributeValueText.Of(Command(customer).KeyOrItem));
        Assert.Equal("S:Order", AttributeValueText.Of(Command(order).KeyOrItem["$type"]));
        Assert.Equal(
            new Dictionary<string, string> { ["PK"] = "S:ACME", ["SK"] = "S:PAY#1", ["$type"] = "S:CardPayment", ["Amount"] = "N:2", ["Last4"] = "S:4242" },
            AttributeValueText.Of(Command(card).KeyOrItem));
        Assert.Equal("App", Command(card).TableName);
    }

    [Fact]
    public void An_update_does_not_rewrite_the_type_attribute()
    {
        var order = new Order { PK = "ACME", SK = "ORDER#1", Status = "open", Total = 5m };
        _db.Attach(order);

        order.Status = "shipped";
        _db.ChangeTracker.DetectChanges();

        var command = Command(order);
        Assert.Equal("SET #n1 = :v0", command.UpdateExpression);
        Assert.Equal("Status", command.Names["#n1"]);
        Assert.DoesNotContain("$type", command.Names.Values);
    }

    [Fact]
    public void A_key_lookup_is_a_GetItem_that_checks_the_type_on_the_returned_item()
    {
        var query = _db.Set<Customer>().Where(c => c.PK == "ACME" && c.SK == "PROFILE");
        var request = RequestJson.Of(query);

        Assert.Equal("GetItem", request.Member("Operation"));
        Assert.Equal(new Dictionary<string, string> { ["PK"] = "S:ACME", ["SK"] = "S:PROFILE" }, request.Map("Key"));
        Assert.Null(request.Member("FilterExpression"));
        var note = Assert.Single(RequestJson.Notes(query));
        Assert.Contains("Then checked on each returned item", note, StringComparison.Ordinal);
        Assert.Contains("$type", note, StringComparison.Ordinal);
        Assert.Contains("Customer", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_of_a_key_holding_another_types_item_returns_null()
    {
        await using var db = NewContext(RecordingClientWrapper.Use);
        RecordingClientWrapper.Of(db).Respond = _ => [Item("ACME", "ORDER#1", "Order", ("Status", "open"))];

        var customer = await db.Set<Customer>().FindAsync("ACME", "ORDER#1");

        Assert.Null(customer);
        Assert.IsType<GetItemRequest>(Assert.Single(RecordingClientWrapper.Of(db).Requests));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task FindAsync_of_a_key_holding_its_types_item_returns_it()
    {
        await using var db = NewContext(RecordingClientWrapper.Use);
        RecordingClientWrapper.Of(db).Respond = _ => [Item("ACME", "ORDER#1", "Order", ("Status", "open"))];

        var order = await db.Set<Order>().FindAsync("ACME", "ORDER#1");

        Assert.Equal(("ACME", "ORDER#1", "open"), (order!.PK, order.SK, order.Status));
    }

    [Fact]
    public async Task FindAsync_on_the_base_type_materializes_the_derived_type_the_item_holds()
    {
        await using var db = NewContext(RecordingClientWrapper.Use);
        RecordingClientWrapper.Of(db).Respond = _ => [Item("ACME", "PAY#2", "CardPayment", ("Last4", "4242"))];

        var payment = await db.Set<Payment>().FindAsync("ACME", "PAY#2");

        Assert.Equal("4242", Assert.IsType<CardPayment>(payment).Last4);
    }

    [Fact]
    public async Task FindAsync_on_a_derived_type_of_a_sibling_types_item_returns_null()
    {
        await using var db = NewContext(RecordingClientWrapper.Use);
        RecordingClientWrapper.Of(db).Respond = _ => [Item("ACME", "PAY#3", "BankPayment", ("Iban", "DE00"))];

        Assert.Null(await db.Set<CardPayment>().FindAsync("ACME", "PAY#3"));
        Assert.IsType<BankPayment>(await db.Set<BankPayment>().FindAsync("ACME", "PAY#3"));
    }

    [Fact]
    public void A_partition_query_filters_by_type()
    {
        var request = RequestJson.Of(_db.Set<Customer>().Where(c => c.PK == "ACME"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("App", request.Member("TableName"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n1 = :v1", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "PK", ["#n1"] = "$type" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:ACME", [":v1"] = "S:Customer" }, request.Values());
    }

    [Fact]
    public void A_query_on_a_types_index_filters_by_type()
    {
        var request = RequestJson.Of(_db.Set<Order>().Where(o => o.Status == "open"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("ByStatus", request.Member("IndexName"));
        Assert.Equal("#n0 = :v0", request.Member("KeyConditionExpression"));
        Assert.Equal("#n1 = :v1", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Status", ["#n1"] = "$type" }, request.Names());
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:open", [":v1"] = "S:Order" }, request.Values());
    }

    [Fact]
    public void A_scan_filters_by_type()
    {
        var request = RequestJson.Of(_db.Set<Invoice>());

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("#n0 = :v0", request.Member("FilterExpression"));
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:Invoice" }, request.Values());
    }

    [Fact]
    public void A_scan_with_a_filter_also_filters_by_type()
    {
        var request = RequestJson.Of(_db.Set<Invoice>().Where(i => i.Amount > 10));

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal(["$type", "Amount"], request.Names().Values.Order(StringComparer.Ordinal));
        Assert.Contains(" AND ", request.Member("FilterExpression"), StringComparison.Ordinal);
        Assert.Contains("S:Invoice", request.Values().Values);
    }

    [Fact]
    public void The_base_type_of_a_hierarchy_in_a_shared_table_reads_its_whole_hierarchy_only()
    {
        var request = RequestJson.Of(_db.Set<Payment>());

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Equal("#n0 IN (:v0, :v1, :v2)", request.Member("FilterExpression"));
        Assert.Equal(["S:BankPayment", "S:CardPayment", "S:Payment"], request.Values().Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_derived_type_reads_its_items_only()
    {
        var request = RequestJson.Of(_db.Set<CardPayment>().Where(p => p.PK == "ACME"));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n1 = :v1", request.Member("FilterExpression"));
        Assert.Equal("S:CardPayment", request.Values()[":v1"]);
    }

    [Fact]
    public void OfType_narrows_the_filter_to_the_derived_type()
    {
        var request = RequestJson.Of(_db.Set<Payment>().Where(p => p.PK == "ACME").OfType<BankPayment>());

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("(#n1 IN (:v1, :v2, :v3) AND #n1 = :v4)", request.Member("FilterExpression"));
        Assert.Equal("S:BankPayment", request.Values()[":v4"]);
    }

    [Fact]
    public void Take_with_the_type_filter_pages_instead_of_setting_a_Limit()
    {
        var request = RequestJson.Of(_db.Set<Customer>().Where(c => c.PK == "ACME").Take(1));

        Assert.Equal("Query", request.Member("Operation"));
        Assert.Equal("#n1 = :v1", request.Member("FilterExpression"));
        Assert.False(request.TryGetProperty("Limit", out _));
    }

    [Fact]
    public void A_type_alone_in_its_table_is_read_without_a_type_filter()
    {
        var request = RequestJson.Of(_db.Set<Standalone>());

        Assert.Equal("Scan", request.Member("Operation"));
        Assert.Null(request.Member("FilterExpression"));
    }

    [Fact]
    public async Task A_base_type_query_materializes_each_item_as_the_type_it_holds()
    {
        await using var db = NewContext(RecordingClientWrapper.Use);
        // What DynamoDB returns for a Query of the base type: items of each type in the hierarchy.
        RecordingClientWrapper.Of(db).Respond = _ =>
        [
            Item("ACME", "PAY#1", "Payment"),
            Item("ACME", "PAY#2", "CardPayment", ("Last4", "4242")),
            Item("ACME", "PAY#3", "BankPayment", ("Iban", "DE00")),
        ];

        var payments = await db.Set<Payment>().Where(p => p.PK == "ACME").ToListAsync();

        Assert.Equal([typeof(Payment), typeof(CardPayment), typeof(BankPayment)], payments.Select(p => p.GetType()));
    }

    [Fact]
    public void HasDiscriminator_renames_the_attribute_and_chooses_the_values()
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                b.Entity<Customer>(e =>
                {
                    e.ToTable("App").HasKey(c => new { c.PK, c.SK });
                    e.HasDiscriminator<string>("kind").HasValue("CUST");
                });
                b.Entity<Order>(e =>
                {
                    e.ToTable("App").HasKey(o => new { o.PK, o.SK });
                    e.HasDiscriminator<string>("kind").HasValue("ORD");
                });
            },
            scenario: nameof(DynamoDbSingleTableTests) + ".Renamed");
        var order = new Order { PK = "ACME", SK = "ORDER#1", Status = "open" };
        db.Add(order);

        var item = AttributeValueText.Of(db.GetService<DynamoDbWriteCommandFactory>().Create(db.Entry(order).GetInfrastructure())!.KeyOrItem);
        var request = RequestJson.Of(db.Set<Customer>().Where(c => c.PK == "ACME"));

        Assert.Equal("S:ORD", item["kind"]);
        Assert.DoesNotContain("$type", item.Keys);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "PK", ["#n1"] = "kind" }, request.Names());
        Assert.Equal("S:CUST", request.Values()[":v1"]);
    }

    [Fact]
    public void HasDiscriminator_values_alone_keep_the_type_attribute()
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                b.Entity<Customer>(e => e.ToTable("App").HasKey(c => new { c.PK, c.SK }));
                b.Entity<Order>(e => e.ToTable("App").HasKey(o => new { o.PK, o.SK }));
                b.Entity<Customer>().HasDiscriminator<string>("$type").HasValue("c");
            },
            scenario: nameof(DynamoDbSingleTableTests) + ".Values");

        Assert.Equal(("c", "Order"), (db.Model.FindEntityType(typeof(Customer))!.GetDiscriminatorValue(), db.Model.FindEntityType(typeof(Order))!.GetDiscriminatorValue()));
        Assert.Equal("$type", db.Model.FindEntityType(typeof(Order))!.FindDiscriminatorProperty()!.GetAttributeName());
    }

    [Fact]
    public void Types_sharing_a_table_with_different_key_attribute_names_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableKeyMismatch("App", "Customer", "PK S, SK S", "Other", "Id S, SK S"),
            ModelError(b =>
            {
                b.Entity<Customer>(e => e.ToTable("App").HasKey(c => new { c.PK, c.SK }));
                b.Entity<Other>(e => e.ToTable("App").HasKey(o => new { o.Id, o.SK }));
            }));

    [Fact]
    public void Types_sharing_a_table_with_renamed_key_attributes_that_match_is_valid()
    {
        using var db = TestContexts.Scenario(
            b =>
            {
                b.Entity<Customer>(e => e.ToTable("App").HasKey(c => new { c.PK, c.SK }));
                b.Entity<Other>(e =>
                {
                    e.ToTable("App").HasKey(o => new { o.Id, o.SK });
                    e.Property(o => o.Id).HasAttributeName("PK");
                });
            },
            scenario: nameof(DynamoDbSingleTableTests) + ".RenamedKey");

        Assert.Equal("PK", Assert.Single(db.Database.GetCreateTableRequests()).KeySchema[0].AttributeName);
    }

    [Fact]
    public void Types_sharing_a_table_with_different_key_attribute_types_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableKeyMismatch("App", "Customer", "PK S, SK S", "Numbered", "PK N, SK S"),
            ModelError(b =>
            {
                b.Entity<Customer>(e => e.ToTable("App").HasKey(c => new { c.PK, c.SK }));
                b.Entity<Numbered>(e => e.ToTable("App").HasKey(n => new { n.PK, n.SK }));
            }));

    [Fact]
    public void Types_sharing_a_table_one_without_a_sort_key_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableKeyMismatch("App", "Customer", "PK S, SK S", "Order", "PK S"),
            ModelError(b =>
            {
                b.Entity<Customer>(e => e.ToTable("App").HasKey(c => new { c.PK, c.SK }));
                b.Entity<Order>(e => e.ToTable("App").HasKey(o => o.PK));
            }));

    [Fact]
    public void Types_sharing_a_table_with_the_same_discriminator_value_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableDuplicateDiscriminator("App", "Customer", "Order", "X", "$type"),
            ModelError(b =>
            {
                b.Entity<Customer>(e => e.ToTable("App").HasKey(c => new { c.PK, c.SK }));
                b.Entity<Order>(e => e.ToTable("App").HasKey(o => new { o.PK, o.SK }));
                b.Entity<Customer>().HasDiscriminator<string>("$type").HasValue("X");
                b.Entity<Order>().HasDiscriminator<string>("$type").HasValue("X");
            }));

    [Fact]
    public void A_derived_type_with_another_root_types_discriminator_value_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableDuplicateDiscriminator("App", "Customer", "CardPayment", "Customer", "$type"),
            ModelError(b =>
            {
                b.Entity<Customer>(e => e.ToTable("App").HasKey(c => new { c.PK, c.SK }));
                b.Entity<Payment>(e => e.ToTable("App").HasKey(p => new { p.PK, p.SK }));
                b.Entity<CardPayment>();
                b.Entity<Payment>().HasDiscriminator<string>("$type").HasValue<CardPayment>("Customer");
            }));

    [Fact]
    public void Types_sharing_a_table_with_different_discriminator_attributes_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.SharedTableDiscriminatorMismatch("App", "'Customer' (kind), 'Invoice' ($type), 'Order' ($type)"),
            ModelError(b =>
            {
                b.Entity<Customer>(e => e.ToTable("App").HasKey(c => new { c.PK, c.SK }));
                b.Entity<Order>(e => e.ToTable("App").HasKey(o => new { o.PK, o.SK }));
                b.Entity<Invoice>(e => e.ToTable("App").HasKey(i => new { i.PK, i.SK }));
                b.Entity<Customer>().HasDiscriminator<string>("kind").HasValue("Customer");
            }));

    private DynamoDbWriteCommand Command(object entity)
        => _db.GetService<DynamoDbWriteCommandFactory>().Create(_db.Entry(entity).GetInfrastructure())!;

    private static Dictionary<string, AttributeValue> Item(string pk, string sk, string type, params (string Name, string Value)[] strings)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["PK"] = new() { S = pk },
            ["SK"] = new() { S = sk },
            ["$type"] = new() { S = type },
            ["Amount"] = new() { N = "1" },
            ["Total"] = new() { N = "1" },
            ["Status"] = new() { S = "none" },
        };
        foreach (var (name, value) in strings)
        {
            item[name] = new() { S = value };
        }

        return item;
    }

    public class Customer
    {
        public string PK { get; set; } = "";

        public string SK { get; set; } = "";

        public string Name { get; set; } = "";
    }

    public class Order
    {
        public string PK { get; set; } = "";

        public string SK { get; set; } = "";

        public string Status { get; set; } = "";

        public decimal Total { get; set; }
    }

    public class Invoice
    {
        public string PK { get; set; } = "";

        public string SK { get; set; } = "";

        public decimal Amount { get; set; }
    }

    public class Payment
    {
        public string PK { get; set; } = "";

        public string SK { get; set; } = "";

        public decimal Amount { get; set; }
    }

    public class CardPayment : Payment
    {
        public string Last4 { get; set; } = "";
    }

    public class BankPayment : Payment
    {
        public string Iban { get; set; } = "";
    }

    public class Standalone
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";
    }

    public class Other
    {
        public string Id { get; set; } = "";

        public string SK { get; set; } = "";
    }

    public class Numbered
    {
        public int PK { get; set; }

        public string SK { get; set; } = "";
    }
}

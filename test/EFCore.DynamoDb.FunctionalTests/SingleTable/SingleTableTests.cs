using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>
/// Single-table design against DynamoDB Local: each item carries its type's short name in <c>$type</c> (a table of
/// one type carries none; <c>HasDiscriminator</c> renames it), and every read of one type returns only its items
/// as the right CLR types, whether it is a GetItem, a partition Query, an index Query or a Scan, with OfType,
/// First, Take and Count staying correct under the type filter.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class SingleTableTests(SingleTableFixture fixture) : IClassFixture<SingleTableFixture>
{
    public static TheoryData<string, string, string> SeededTypes => new()
    {
        { "ACME", "PROFILE", "Customer" },
        { "ACME", "ORDER#1", "Order" },
        { "ACME", "INV#2", "Invoice" },
        { "ACME", "PAY#1", "Payment" },
        { "ACME", "PAY#2", "CardPayment" },
        { "ACME", "PAY#3", "BankPayment" },
        { "GLOBEX", "PAY#1", "CardPayment" },
    };

    [Theory]
    [MemberData(nameof(SeededTypes))]
    public async Task Each_item_carries_its_types_short_name_in_the_type_attribute(string pk, string sk, string type)
    {
        var item = await fixture.GetRawItemAsync("App", ("PK", Attr.S(pk)), ("SK", Attr.S(sk)));

        Assert.Equal("S:" + type, AttributeValueText.Of(item!["$type"]));
    }

    [Fact]
    public async Task A_derived_items_raw_attributes_are_its_keys_type_and_properties()
    {
        var item = await fixture.GetRawItemAsync("App", ("PK", Attr.S("ACME")), ("SK", Attr.S("PAY#2")));

        Assert.Equal(
            new Dictionary<string, string> { ["PK"] = "S:ACME", ["SK"] = "S:PAY#2", ["$type"] = "S:CardPayment", ["Amount"] = "N:2", ["Last4"] = "S:4242" },
            item!.ToDictionary(p => p.Key, p => AttributeValueText.Of(p.Value)));
    }

    [Fact]
    public async Task The_only_type_of_a_table_is_stored_without_a_type_attribute()
    {
        var item = await fixture.GetRawItemAsync("Standalone", ("Id", Attr.S("s1")));

        Assert.Equal(new Dictionary<string, string> { ["Id"] = "S:s1", ["Name"] = "S:alone" }, item!.ToDictionary(p => p.Key, p => AttributeValueText.Of(p.Value)));
    }

    [Theory]
    [InlineData("n1", "N")]
    [InlineData("l1", "L")]
    public async Task HasDiscriminator_stores_the_chosen_attribute_and_value(string id, string kind)
    {
        var item = await fixture.GetRawItemAsync("Kinds", ("Id", Attr.S(id)));

        Assert.Equal("S:" + kind, AttributeValueText.Of(item!["kind"]));
        Assert.DoesNotContain("$type", item.Keys);
    }

    [Fact]
    public async Task A_renamed_discriminator_tells_the_types_apart_in_queries_and_lookups()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(["n1", "n2"], (await context.Notes.ToListAsync()).Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["l1"], (await context.Labels.ToListAsync()).Select(l => l.Id));
        Assert.Null(await context.Notes.FindAsync("l1"));
        Assert.Equal("label", (await context.Labels.FindAsync("l1"))!.Text);
    }

    [Fact]
    public async Task FindAsync_reads_its_types_item_with_one_GetItem()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var customer = await context.Customers.FindAsync("ACME", "PROFILE");

        Assert.Equal("Acme", customer!.Name);
        Assert.Equal(["GetItem"], log.Operations);
    }

    [Fact]
    public async Task FindAsync_of_a_key_holding_another_types_item_returns_null()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        Assert.Null(await context.Orders.FindAsync("ACME", "PROFILE"));
        Assert.Null(await context.Customers.FindAsync("ACME", "ORDER#1"));
        Assert.Null(await context.Invoices.FindAsync("ACME", "PAY#1"));
        Assert.Null(await context.Payments.FindAsync("ACME", "INV#1"));

        Assert.Equal(["GetItem", "GetItem", "GetItem", "GetItem"], log.Operations);
        Assert.Empty(context.ChangeTracker.Entries());
    }

    [Fact]
    public async Task FindAsync_on_the_base_type_returns_the_derived_type_the_item_holds()
    {
        await using var context = fixture.CreateContext();

        var card = await context.Payments.FindAsync("ACME", "PAY#2");
        var bank = await context.Payments.FindAsync("ACME", "PAY#3");
        var plain = await context.Payments.FindAsync("ACME", "PAY#1");

        Assert.Equal("4242", Assert.IsType<CardPayment>(card).Last4);
        Assert.Equal("DE00", Assert.IsType<BankPayment>(bank).Iban);
        Assert.IsType<Payment>(plain);
        Assert.Equal(1m, plain.Amount);
    }

    [Fact]
    public async Task FindAsync_on_a_derived_type_returns_null_for_a_sibling_or_base_item()
    {
        await using var context = fixture.CreateContext();

        Assert.Null(await context.CardPayments.FindAsync("ACME", "PAY#3"));
        Assert.Null(await context.CardPayments.FindAsync("ACME", "PAY#1"));
        Assert.Null(await context.BankPayments.FindAsync("ACME", "PAY#2"));
        Assert.NotNull(await context.BankPayments.FindAsync("ACME", "PAY#3"));
    }

    [Fact]
    public async Task A_key_lookup_through_Where_checks_the_type_too()
    {
        await using var context = fixture.CreateContext();

        Assert.Empty(await context.Orders.Where(o => o.PK == "ACME" && o.SK == "INV#1").ToListAsync());
        Assert.Single(await context.Invoices.Where(i => i.PK == "ACME" && i.SK == "INV#1").ToListAsync());
    }

    [Fact]
    public async Task A_partition_query_returns_only_the_queried_types_items()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

        var customers = await context.Customers.Where(c => c.PK == "ACME").ToListAsync();
        var orders = await context.Orders.Where(o => o.PK == "ACME").ToListAsync();
        var invoices = await context.Invoices.Where(i => i.PK == "ACME").ToListAsync();

        Assert.Equal(["PROFILE"], customers.Select(c => c.SK));
        Assert.Equal(["ORDER#1", "ORDER#2", "ORDER#3"], orders.Select(o => o.SK));
        Assert.Equal(["INV#1", "INV#2"], invoices.Select(i => i.SK));
        Assert.All(log.Requests, r => Assert.Equal("Query", r.Operation));
        Assert.All(log.Requests, r => Assert.Equal(["$type"], r.Details().ReferencedNames("FilterExpression")));
    }

    [Fact]
    public async Task A_partition_query_on_the_base_type_returns_every_type_of_the_hierarchy_as_its_CLR_type()
    {
        await using var context = fixture.CreateContext();

        var payments = await context.Payments.Where(p => p.PK == "ACME").ToListAsync();

        Assert.Equal(
            [("PAY#1", typeof(Payment)), ("PAY#2", typeof(CardPayment)), ("PAY#3", typeof(BankPayment))],
            payments.Select(p => (p.SK, p.GetType())));
    }

    [Fact]
    public async Task A_partition_query_on_a_derived_type_returns_only_its_items()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(["PAY#2"], (await context.CardPayments.Where(p => p.PK == "ACME").ToListAsync()).Select(p => p.SK));
        Assert.Equal(["PAY#3"], (await context.BankPayments.Where(p => p.PK == "ACME").ToListAsync()).Select(p => p.SK));
    }

    [Fact]
    public async Task OfType_returns_the_derived_types_items()
    {
        await using var context = fixture.CreateContext();

        var cards = await context.Payments.OfType<CardPayment>().ToListAsync();
        var acmeBanks = await context.Payments.Where(p => p.PK == "ACME").OfType<BankPayment>().ToListAsync();

        Assert.Equal([("ACME", "4242"), ("GLOBEX", "1111")], cards.Select(c => (c.PK, c.Last4)).Order());
        Assert.Equal("DE00", Assert.Single(acmeBanks).Iban);
    }

    [Fact]
    public async Task A_query_on_one_types_index_leaves_out_other_types_in_the_index()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var open = await context.Orders.Where(o => o.Status == "open").ToListAsync();

        Assert.Equal([("ACME", "ORDER#1"), ("ACME", "ORDER#3"), ("GLOBEX", "ORDER#1")], open.Select(o => (o.PK, o.SK)).Order());
        Assert.All(open, o => Assert.IsType<Order>(o));
        Assert.Equal([("Query", "ByStatus")], log.Requests.Select(r => (r.Operation, r.IndexName)).Distinct());
    }

    [Fact]
    public async Task A_scan_returns_only_the_queried_types_items()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var invoices = await context.Invoices.ToListAsync();
        var payments = await context.Payments.ToListAsync();

        Assert.Equal([("ACME", "INV#1"), ("ACME", "INV#2"), ("GLOBEX", "INV#1")], invoices.Select(i => (i.PK, i.SK)).Order());
        Assert.Equal(
            [("ACME", "PAY#1", "Payment"), ("ACME", "PAY#2", "CardPayment"), ("ACME", "PAY#3", "BankPayment"), ("GLOBEX", "PAY#1", "CardPayment")],
            payments.Select(p => (p.PK, p.SK, p.GetType().Name)).Order());
        Assert.Equal(["Scan"], log.Operations.Distinct());
    }

    [Fact]
    public async Task A_scan_with_a_filter_returns_only_the_queried_types_matches()
    {
        await using var context = fixture.CreateContext();

        // Invoices and orders both have a Status; only invoices are asked for.
        var open = await context.Invoices.Where(i => i.Status == "open" && i.Amount > 0).ToListAsync();

        Assert.Equal([("ACME", "INV#1"), ("GLOBEX", "INV#1")], open.Select(i => (i.PK, i.SK)).Order());
    }

    [Fact]
    public async Task First_finds_the_types_item_behind_items_of_other_types()
    {
        await using var context = fixture.CreateContext();

        // In sort-key order the profile comes after the invoices, orders and payments of the partition.
        var customer = await context.Customers.Where(c => c.PK == "ACME").FirstAsync();
        var viaPredicate = await context.Customers.FirstOrDefaultAsync(c => c.PK == "GLOBEX");
        var bank = await context.Payments.Where(p => p.PK == "ACME").OfType<BankPayment>().FirstOrDefaultAsync();

        Assert.Equal("Acme", customer.Name);
        Assert.Equal("Globex", viaPredicate!.Name);
        Assert.Equal("PAY#3", bank!.SK);
    }

    [Fact]
    public async Task Take_returns_that_many_items_of_the_type()
    {
        await using var context = fixture.CreateContext();

        var orders = await context.Orders.Where(o => o.PK == "ACME").Take(2).ToListAsync();
        var payments = await context.Payments.Where(p => p.PK == "ACME").OrderByDescending(p => p.SK).Take(2).ToListAsync();
        var customers = await context.Customers.Take(5).ToListAsync();

        Assert.Equal(["ORDER#1", "ORDER#2"], orders.Select(o => o.SK));
        Assert.Equal(["PAY#3", "PAY#2"], payments.Select(p => p.SK));
        // The writing tests may have added a customer in their own partition.
        Assert.InRange(customers.Count, 2, 3);
        Assert.All(customers, c => Assert.IsType<Customer>(c));
        Assert.Contains(customers, c => c.Name == "Acme");
    }

    [Fact]
    public async Task Count_and_Any_count_only_the_types_items()
    {
        await using var context = fixture.CreateContext();

        Assert.Equal(3, await context.Orders.CountAsync(o => o.PK == "ACME"));
        Assert.Equal(3, await context.Payments.CountAsync(p => p.PK == "ACME"));
        Assert.Equal(1, await context.CardPayments.CountAsync(p => p.PK == "ACME"));
        Assert.Equal(3, await context.Invoices.CountAsync());
        Assert.False(await context.Customers.AnyAsync(c => c.PK == "ACME" && c.SK == "ORDER#1"));
        Assert.True(await context.Orders.AnyAsync(o => o.PK == "GLOBEX"));
    }

    [Fact]
    public async Task A_projected_key_lookup_still_checks_the_type()
    {
        await using var context = fixture.CreateContext();

        var total = await context.Orders.Where(o => o.PK == "ACME" && o.SK == "ORDER#1").Select(o => o.Total).ToListAsync();
        var name = await context.Customers.Where(c => c.PK == "ACME" && c.SK == "ORDER#1").Select(c => c.Name).ToListAsync();
        var last4 = await context.CardPayments.Where(p => p.PK == "ACME" && p.SK == "PAY#2").Select(p => new { p.Last4, p.Amount }).ToListAsync();

        Assert.Equal([10m], total);
        Assert.Empty(name);
        Assert.Equal([new { Last4 = "4242", Amount = 2m }], last4);
    }

    [Fact]
    public async Task A_projected_query_returns_only_the_types_values()
    {
        await using var context = fixture.CreateContext();

        var totals = await context.Orders.Where(o => o.PK == "ACME").Select(o => o.Total).ToListAsync();
        var amounts = await context.Invoices.Select(i => i.Amount).ToListAsync();

        Assert.Equal([10m, 20m, 30m], totals.Order());
        Assert.Equal([5m, 6m, 8m], amounts.Order());
    }

    [Fact]
    public async Task A_lookup_of_several_keys_returns_only_the_types_items()
    {
        var keys = new[] { "PROFILE", "ORDER#1", "PAY#2", "MISSING" };
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var customers = await context.Customers.Where(c => c.PK == "ACME" && keys.Contains(c.SK)).ToListAsync();
        var payments = await context.Payments.Where(p => p.PK == "ACME" && keys.Contains(p.SK)).ToListAsync();

        Assert.Equal(["PROFILE"], customers.Select(c => c.SK));
        Assert.Equal([("PAY#2", typeof(CardPayment))], payments.Select(p => (p.SK, p.GetType())));
        Assert.Equal(["BatchGetItem"], log.Operations.Distinct());
    }

    [Fact]
    public async Task Pages_hold_only_the_types_items()
    {
        await using var context = fixture.CreateContext();
        var query = context.Orders.Where(o => o.PK == "ACME");

        var first = await query.ToPageAsync(2, null);
        var second = await query.ToPageAsync(2, first.ContinuationToken);

        Assert.Equal(["ORDER#1", "ORDER#2"], first.Values.Select(o => o.SK));
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(["ORDER#3"], second.Values.Select(o => o.SK));
        if (second.ContinuationToken is { } token)
        {
            Assert.Empty((await query.ToPageAsync(2, token)).Values);
        }
    }

    [Fact]
    public async Task Saving_a_new_entity_writes_its_type_and_updating_it_keeps_it()
    {
        var sk = "ORDER#" + Guid.NewGuid().ToString("N");
        await using (var context = fixture.CreateContext())
        {
            context.Orders.Add(new Order { PK = SingleTableFixture.TestPartition, SK = sk, Status = "pending", Total = 1 });
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var order = (await context.Orders.FindAsync(SingleTableFixture.TestPartition, sk))!;
            order.Total = 2;
            await context.SaveChangesAsync();
            Assert.Null(await context.Customers.FindAsync(SingleTableFixture.TestPartition, sk));
        }

        var item = await fixture.GetRawItemAsync("App", ("PK", Attr.S(SingleTableFixture.TestPartition)), ("SK", Attr.S(sk)));
        Assert.Equal("S:Order", AttributeValueText.Of(item!["$type"]));
        Assert.Equal("N:2", AttributeValueText.Of(item["Total"]));
    }

    [Fact]
    public async Task Adding_another_type_under_an_existing_key_is_a_duplicate_key()
    {
        await using (var context = fixture.CreateContext())
        {
            context.Customers.Add(new Customer { PK = SingleTableFixture.TestPartition, SK = "DUP", Name = "first" });
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            context.Orders.Add(new Order { PK = SingleTableFixture.TestPartition, SK = "DUP", Status = "pending" });
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        var item = await fixture.GetRawItemAsync("App", ("PK", Attr.S(SingleTableFixture.TestPartition)), ("SK", Attr.S("DUP")));
        Assert.Equal("S:Customer", AttributeValueText.Of(item!["$type"]));
    }
}

using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.SingleTable;

/// <summary>
/// Two tenants' items of every type in "App" (ACME: a profile, three orders, two invoices, one payment of each
/// type; GLOBEX: one of most), two notes and a label in "Kinds", one item in "Standalone". Tests that write use
/// the partition <see cref="TestPartition" /> and only orders and customers, so the Scans of invoices and payments
/// see the seed alone.
/// </summary>
public sealed class SingleTableFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<SingleTableContext>(server)
{
    /// <summary>The partition the writing tests use.</summary>
    public const string TestPartition = "TEST";

    /// <inheritdoc />
    protected override async Task SeedAsync(SingleTableContext context)
    {
        context.AddRange(
            new Customer { PK = "ACME", SK = "PROFILE", Name = "Acme" },
            new Order { PK = "ACME", SK = "ORDER#1", Status = "open", Total = 10 },
            new Order { PK = "ACME", SK = "ORDER#2", Status = "shipped", Total = 20 },
            new Order { PK = "ACME", SK = "ORDER#3", Status = "open", Total = 30 },
            new Invoice { PK = "ACME", SK = "INV#1", Status = "open", Amount = 5 },
            new Invoice { PK = "ACME", SK = "INV#2", Status = "paid", Amount = 6 },
            new Payment { PK = "ACME", SK = "PAY#1", Amount = 1 },
            new CardPayment { PK = "ACME", SK = "PAY#2", Amount = 2, Last4 = "4242" },
            new BankPayment { PK = "ACME", SK = "PAY#3", Amount = 3, Iban = "DE00" },
            new Customer { PK = "GLOBEX", SK = "PROFILE", Name = "Globex" },
            new Order { PK = "GLOBEX", SK = "ORDER#1", Status = "open", Total = 7 },
            new Invoice { PK = "GLOBEX", SK = "INV#1", Status = "open", Amount = 8 },
            new CardPayment { PK = "GLOBEX", SK = "PAY#1", Amount = 9, Last4 = "1111" },
            new Standalone { Id = "s1", Name = "alone" },
            new Note { Id = "n1", Text = "first" },
            new Note { Id = "n2", Text = "second" },
            new Label { Id = "l1", Text = "label" });
        await context.SaveChangesAsync();
    }
}

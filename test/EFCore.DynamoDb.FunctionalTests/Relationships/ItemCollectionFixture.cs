using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Relationships;

/// <summary>Three accounts with 0, 1 and 12 entries in their partitions, written once per test class.</summary>
public sealed class ItemCollectionFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<ItemCollectionContext>(server)
{
    /// <summary>The accounts as stored, entries wired, for LINQ-to-Objects.</summary>
    public IReadOnlyList<LedgerAccount> Accounts { get; } = Create();

    /// <inheritdoc />
    protected override async Task SeedAsync(ItemCollectionContext context)
    {
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        foreach (var account in Create())
        {
            context.Accounts.Add(account);
        }

        await context.SaveChangesAsync();
    }

    private static List<LedgerAccount> Create()
        => [.. new[] { ("A#1", "Ada", 12), ("A#2", "Bo", 1), ("A#3", "Cy", 0) }.Select(a =>
        {
            var account = new LedgerAccount { Pk = a.Item1, Owner = a.Item2 };
            account.Entries.AddRange(Enumerable.Range(1, a.Item3).Select(i => new LedgerEntry
            {
                Pk = a.Item1,
                Sk = $"ENTRY#{i:000}",
                Amount = i * 2.5m,
                Account = account,
            }));
            return account;
        })];
}

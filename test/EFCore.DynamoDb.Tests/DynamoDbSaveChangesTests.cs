using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

/// <summary>What SaveChanges decides before it sends anything (the endpoint is unreachable).</summary>
public class DynamoDbSaveChangesTests
{
    private static ShopContext ContextWithNewProducts(int count)
    {
        var db = TestContexts.Shop();
        db.Products.AddRange(Enumerable.Range(1, count).Select(i => new Product { Id = i, Name = "p" + i }));
        return db;
    }

    [Fact]
    public async Task More_than_100_entries_in_one_transaction_throw_before_anything_is_sent()
    {
        await using var db = ContextWithNewProducts(101);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.TooManyEntriesForTransaction(101, 100), exception.Message);
    }

    [Fact]
    public async Task The_too_many_entries_error_names_AutoTransactionBehavior_Never_and_BatchPutAsync()
    {
        await using var db = ContextWithNewProducts(101);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("AutoTransactionBehavior.Never", exception.Message);
        Assert.Contains("BatchPutAsync", exception.Message);
    }

    [Fact]
    public async Task More_than_100_entries_throw_with_AutoTransactionBehavior_Always_too()
    {
        await using var db = ContextWithNewProducts(150);
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.TooManyEntriesForTransaction(150, 100), exception.Message);
    }

    [Fact]
    public async Task A_save_that_fails_before_sending_leaves_every_entry_added()
    {
        await using var db = ContextWithNewProducts(101);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Added, e.State));
        Assert.Equal(101, db.ChangeTracker.Entries().Count());
    }

    [Fact]
    public async Task Modified_deleted_and_added_entries_count_together_toward_the_limit()
    {
        await using var db = ContextWithNewProducts(99);
        var modified = new Product { Id = 1000, Name = "m" };
        db.Attach(modified);
        modified.Stock = 5;
        db.Remove(new Product { Id = 1001, Name = "d" });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.TooManyEntriesForTransaction(101, 100), exception.Message);
    }

    [Fact]
    public void A_synchronous_SaveChanges_throws_SyncNotSupported_by_default()
    {
        using var db = ContextWithNewProducts(1);

        var exception = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Contains(DynamoDbStrings.SyncNotSupported(nameof(DbContext.SaveChangesAsync)), exception.Message);
    }

    [Fact]
    public async Task A_modified_entry_that_changes_nothing_stored_sends_nothing()
    {
        await using var db = TestContexts.Scenario(b => b.Entity<KeyOnly>().HasKey(k => new { k.Pk, k.Sk }));
        db.Entry(new KeyOnly { Pk = "a", Sk = "b" }).State = EntityState.Modified;

        Assert.Equal(0, await db.SaveChangesAsync());
    }

    [Fact]
    public void BeginTransaction_explains_that_each_save_is_already_atomic()
    {
        using var db = TestContexts.Shop();

        Assert.Equal(DynamoDbStrings.TransactionsNotSupported, Assert.Throws<NotSupportedException>(() => db.Database.BeginTransaction()).Message);
    }

    [Fact]
    public async Task BeginTransactionAsync_explains_that_each_save_is_already_atomic()
    {
        await using var db = TestContexts.Shop();

        Assert.Equal(
            DynamoDbStrings.TransactionsNotSupported,
            (await Assert.ThrowsAsync<NotSupportedException>(() => db.Database.BeginTransactionAsync())).Message);
    }

    [Fact]
    public void There_is_never_a_current_transaction()
    {
        using var db = TestContexts.Shop();

        Assert.Null(db.Database.CurrentTransaction);
    }

    public class KeyOnly
    {
        public string Pk { get; set; } = "";

        public string Sk { get; set; } = "";
    }
}

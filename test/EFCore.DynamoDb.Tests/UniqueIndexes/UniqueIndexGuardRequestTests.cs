using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests.UniqueIndexes;

/// <summary>
/// The TransactWriteItems a save of an entity with unique indexes sends (recorded by a scripted client, not sent): the
/// guard items claimed, moved and released, nulls left unchecked, composite values, a numeric-key table.
/// </summary>
public sealed class UniqueIndexGuardRequestTests
{
    private const string GuardTable = "EFUniqueIndexGuards";

    public sealed class Account
    {
        public int Id { get; set; }

        public string? Name { get; set; }

        public string? Tenant { get; set; }

        public string? Email { get; set; }
    }

    private static ScenarioContext Accounts(Action<DynamoDbDbContextOptionsBuilder>? dynamoDb = null)
        => TestContexts.Scenario(
            b =>
            {
                b.Entity<Account>().HasIndex(a => a.Name).IsUnique();
                b.Entity<Account>().HasIndex(a => new { a.Tenant, a.Email }, "TenantEmail").IsUnique();
            },
            dynamoDb,
            ScriptedClientWrapper.Use,
            scenario: nameof(UniqueIndexGuardRequestTests));

    private static List<TransactWriteItem> SingleTransaction(ScenarioContext db)
        => Assert.Single(ScriptedClientWrapper.Of(db).Requests.OfType<TransactWriteItemsRequest>()).TransactItems;

    [Fact]
    public async Task An_insert_claims_one_guard_per_unique_value_in_the_same_transaction()
    {
        await using var db = Accounts();
        db.Add(new Account { Id = 7, Name = "ann", Tenant = "t1", Email = "a@x" });

        await db.SaveChangesAsync();

        var items = SingleTransaction(db);
        Assert.Equal(3, items.Count);
        Assert.Equal("Account", items[0].Put.TableName);
        Assert.Equal("7", items[0].Put.Item["Id"].N);
        var name = items[1].Put;
        Assert.Equal(GuardTable, name.TableName);
        Assert.Equal("Account\u001fName\u001fS3:ann", name.Item["guard"].S);
        Assert.Equal("Account\u001fN:7", name.Item["owner"].S);
        Assert.Equal("attribute_not_exists(#g) OR #o = :o", name.ConditionExpression);
        Assert.Equal("Account\u001fN:7", name.ExpressionAttributeValues[":o"].S);
        Assert.Equal("Account\u001fTenant,Email\u001fS2:t1S3:a@x", items[2].Put.Item["guard"].S);
    }

    [Fact]
    public async Task A_null_value_claims_no_guard_and_an_entity_without_guards_is_a_single_PutItem()
    {
        await using var db = Accounts();
        db.Add(new Account { Id = 1, Name = null, Tenant = "t1", Email = null });

        await db.SaveChangesAsync();

        var requests = ScriptedClientWrapper.Of(db).Requests;
        Assert.IsType<PutItemRequest>(Assert.Single(requests));
    }

    [Fact]
    public async Task An_update_that_changes_a_unique_value_moves_its_guard_and_leaves_the_others()
    {
        await using var db = Accounts();
        var account = new Account { Id = 7, Name = "ann", Tenant = "t1", Email = "a@x" };
        db.Attach(account);
        account.Name = "bob";

        await db.SaveChangesAsync();

        var items = SingleTransaction(db);
        Assert.Equal(3, items.Count);
        Assert.NotNull(items[0].Update);
        Assert.Equal("Account\u001fName\u001fS3:ann", items[1].Delete.Key["guard"].S);
        Assert.Equal("attribute_not_exists(#g) OR #o = :o", items[1].Delete.ConditionExpression);
        Assert.Equal("Account\u001fN:7", items[1].Delete.ExpressionAttributeValues[":o"].S);
        Assert.Equal("Account\u001fName\u001fS3:bob", items[2].Put.Item["guard"].S);
    }

    [Fact]
    public async Task An_update_that_changes_no_unique_value_is_a_single_UpdateItem()
    {
        await using var db = Accounts();
        var account = new Account { Id = 7, Name = "ann", Tenant = "t1", Email = "a@x" };
        db.Attach(account);
        db.Entry(account).Property(a => a.Name).IsModified = true;

        await db.SaveChangesAsync();

        Assert.IsType<UpdateItemRequest>(Assert.Single(ScriptedClientWrapper.Of(db).Requests));
    }

    [Fact]
    public async Task A_delete_releases_its_guards()
    {
        await using var db = Accounts();
        var account = new Account { Id = 7, Name = "ann", Tenant = "t1", Email = "a@x" };
        db.Attach(account);
        db.Remove(account);

        await db.SaveChangesAsync();

        var items = SingleTransaction(db);
        Assert.NotNull(items[0].Delete);
        Assert.Equal(Account0Guards, items.Skip(1).Select(i => i.Delete.Key["guard"].S));
    }

    private static readonly string[] Account0Guards = ["Account\u001fName\u001fS3:ann", "Account\u001fTenant,Email\u001fS2:t1S3:a@x"];

    [Fact]
    public async Task A_value_moved_from_one_entity_to_another_in_one_save_is_one_guard_action()
    {
        await using var db = Accounts();
        var ann = new Account { Id = 1, Name = "ann" };
        db.Attach(ann);
        ann.Name = "old-ann";
        db.Add(new Account { Id = 2, Name = "ann" });

        await db.SaveChangesAsync();

        var guards = SingleTransaction(db).Skip(2).ToList();
        var claim = Assert.Single(guards, g => g.Put?.Item["guard"].S == "Account\u001fName\u001fS3:ann").Put;
        Assert.Equal("attribute_not_exists(#g) OR #o = :o OR #o = :r", claim.ConditionExpression);
        Assert.Equal("Account\u001fN:2", claim.ExpressionAttributeValues[":o"].S);
        Assert.Equal("Account\u001fN:1", claim.ExpressionAttributeValues[":r"].S);
        Assert.Equal(2, guards.Count);
    }

    [Fact]
    public async Task Two_entities_of_one_save_with_one_unique_value_fail_before_anything_is_sent()
    {
        await using var db = Accounts();
        db.AddRange(new Account { Id = 1, Name = "ann" }, new Account { Id = 2, Name = "ann" });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(DynamoDbStrings.UniqueIndexDuplicateSensitive("Account", "{Name}", "{Name: 'ann'}", inSave: true), exception.Message);
        Assert.Equal(2, exception.Entries.Count);
        Assert.Empty(ScriptedClientWrapper.Of(db).Requests);
    }

    [Fact]
    public async Task Under_Never_each_entity_and_its_guards_are_one_transaction()
    {
        await using var db = Accounts();
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        db.AddRange(new Account { Id = 1, Name = "ann" }, new Account { Id = 2, Name = "bob" });

        await db.SaveChangesAsync();

        var transactions = ScriptedClientWrapper.Of(db).Requests.OfType<TransactWriteItemsRequest>().ToList();
        Assert.Equal(2, transactions.Count);
        Assert.All(transactions, t => Assert.Equal(2, t.TransactItems.Count));
    }

    [Fact]
    public void The_guard_table_is_among_the_create_table_requests_with_a_string_key()
    {
        using var db = Accounts();

        var requests = db.Database.GetCreateTableRequests();

        Assert.Equal(ScalarAttributeTypeOf(requests.Single(r => r.TableName == "Account"), "Id"), Amazon.DynamoDBv2.ScalarAttributeType.N);
        var guards = requests.Single(r => r.TableName == GuardTable);
        Assert.Equal("guard", Assert.Single(guards.KeySchema).AttributeName);
        Assert.Equal(Amazon.DynamoDBv2.ScalarAttributeType.S, ScalarAttributeTypeOf(guards, "guard"));
    }

    private static Amazon.DynamoDBv2.ScalarAttributeType ScalarAttributeTypeOf(CreateTableRequest request, string attribute)
        => request.AttributeDefinitions.Single(d => d.AttributeName == attribute).AttributeType;

    [Fact]
    public async Task BatchPutAsync_and_BatchDeleteAsync_refuse_an_entity_type_with_a_unique_index()
    {
        await using var db = Accounts();

        var put = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Set<Account>().BatchPutAsync([new Account { Id = 1 }]));
        var delete = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Set<Account>().BatchDeleteAsync([new Account { Id = 1 }]));

        Assert.Equal(DynamoDbStrings.BatchUniqueIndex("BatchPutAsync", "Account", "{Name}"), put.Message);
        Assert.Equal(DynamoDbStrings.BatchUniqueIndex("BatchDeleteAsync", "Account", "{Name}"), delete.Message);
        Assert.Empty(ScriptedClientWrapper.Of(db).Requests);
    }

    [Fact]
    public async Task ExecuteUpdate_of_a_unique_property_and_ExecuteDelete_are_refused_naming_the_index()
    {
        await using var db = Accounts();

        var update = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Set<Account>().Where(a => a.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(a => a.Email, "e")));
        var delete = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Set<Account>().Where(a => a.Id == 1).ExecuteDeleteAsync());

        Assert.Contains("unique index 'TenantEmail' {Tenant, Email}", update.Message);
        Assert.Contains("unique index {Name}", delete.Message);
        Assert.Empty(ScriptedClientWrapper.Of(db).Requests);
    }
}

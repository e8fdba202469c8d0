using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The write requests a save sends, answered by a fake client (nothing reaches a server): how many are in flight under
/// <c>AutoTransactionBehavior.Never</c>, the ClientRequestToken of a retried transaction, what a failed condition
/// returns, and the condition of a ConditionCheck.
/// </summary>
public sealed class DynamoDbTransactionRequestTests
{
    private static ShopContext Shop(Action<DynamoDbDbContextOptionsBuilder>? dynamoDb = null)
        => TestContexts.Shop(dynamoDb, ScriptedClientWrapper.Use);

    // A context whose failed saves are not retried, so a test can change entities between two attempts.
    private static ShopContext ShopWithoutRetries() => Shop(d => d.ExecutionStrategy(e => new NonRetryingExecutionStrategy(e)));

    private static List<Product> NewProducts(int count, int first = 1)
        => Enumerable.Range(first, count).Select(i => new Product { Id = i, Name = "p" + i }).ToList();

    private static AmazonDynamoDBException ServerError()
        => new("We encountered an internal error. Please try again.")
        {
            StatusCode = HttpStatusCode.InternalServerError,
            ErrorType = ErrorType.Receiver,
            ErrorCode = "InternalServerError",
        };

    // The first TransactWriteItems fails with the exception; later ones succeed.
    private static List<string> Tokens(ScriptedClientWrapper client)
        => client.Requests.OfType<TransactWriteItemsRequest>().Select(r => r.ClientRequestToken).ToList();

    [Theory]
    [InlineData(4, 4)]
    [InlineData(null, 16)]
    public async Task Independent_writes_overlap_up_to_MaxConcurrentWrites_and_never_more(int? maxConcurrentWrites, int bound)
    {
        await using var db = Shop(maxConcurrentWrites is { } max ? d => d.MaxConcurrentWrites(max) : null);
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        var client = ScriptedClientWrapper.Of(db);
        // Every write waits until `bound` writes are in flight at once: a save that never overlaps that many times out.
        var enoughInFlight = new TaskCompletionSource();
        client.OnAttempt = _ =>
        {
            if (client.MaxInFlight >= bound)
            {
                enoughInFlight.TrySetResult();
            }

            return enoughInFlight.Task.WaitAsync(TimeSpan.FromSeconds(10));
        };
        db.Products.AddRange(NewProducts(3 * bound));

        Assert.Equal(3 * bound, await db.SaveChangesAsync());

        Assert.Equal(3 * bound, client.Requests.OfType<PutItemRequest>().Count());
        Assert.Equal(bound, client.MaxInFlight);
    }

    [Fact]
    public async Task A_transaction_that_failed_without_an_answer_is_retried_by_the_execution_strategy_with_the_same_ClientRequestToken()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("TransactWriteItems", 1, () => ServerError());
        db.Products.AddRange(NewProducts(2));

        Assert.Equal(2, await db.SaveChangesAsync());

        var tokens = Tokens(client);
        Assert.Equal(2, tokens.Count);
        Assert.Matches("^[0-9a-f]{32}$", tokens[0]);
        Assert.Equal(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task A_transaction_that_timed_out_is_retried_with_the_same_ClientRequestToken()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        // What the SDK's HTTP client throws on a timeout: a cancellation the caller did not ask for.
        client.Fail("TransactWriteItems", 1, () => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."));
        db.Products.AddRange(NewProducts(2));
        await Assert.ThrowsAsync<TaskCanceledException>(() => db.SaveChangesAsync());

        await db.SaveChangesAsync();

        var tokens = Tokens(client);
        Assert.Equal(2, tokens.Count);
        Assert.Equal(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task A_failed_transaction_retried_after_an_entity_changed_gets_a_new_ClientRequestToken()
    {
        await using var db = ShopWithoutRetries();
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("TransactWriteItems", 1, () => ServerError());
        var products = NewProducts(2);
        db.Products.AddRange(products);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        products[1].Name = "renamed";
        await db.SaveChangesAsync();

        var tokens = Tokens(client);
        Assert.Equal(2, tokens.Count);
        Assert.NotEqual(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task A_transaction_DynamoDB_cancelled_is_not_retried_with_its_ClientRequestToken()
    {
        await using var db = ShopWithoutRetries();
        var client = ScriptedClientWrapper.Of(db);
        client.Fail("TransactWriteItems", 1, () => new TransactionCanceledException("cancelled") { CancellationReasons = [new() { Code = "None" }, new() { Code = "TransactionConflict" }] });
        db.Products.AddRange(NewProducts(2));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await db.SaveChangesAsync();

        var tokens = Tokens(client);
        Assert.NotEqual(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task Separate_successful_saves_get_separate_ClientRequestTokens()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        db.Products.AddRange(NewProducts(2));
        await db.SaveChangesAsync();
        db.Products.AddRange(NewProducts(2, first: 3));

        await db.SaveChangesAsync();

        var tokens = Tokens(client);
        Assert.Equal(2, tokens.Count);
        Assert.NotEqual(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task A_single_Update_and_a_single_Delete_return_the_old_item_when_their_condition_fails()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        var modified = new Product { Id = 1, Name = "m" };
        db.Attach(modified);
        modified.Stock = 5;
        await db.SaveChangesAsync();
        db.Remove(modified);
        await db.SaveChangesAsync();

        Assert.Equal(ReturnValuesOnConditionCheckFailure.ALL_OLD, Assert.IsType<UpdateItemRequest>(client.Requests[0]).ReturnValuesOnConditionCheckFailure);
        Assert.Equal(ReturnValuesOnConditionCheckFailure.ALL_OLD, Assert.IsType<DeleteItemRequest>(client.Requests[1]).ReturnValuesOnConditionCheckFailure);
    }

    [Fact]
    public async Task Update_Delete_and_ConditionCheck_actions_of_a_transaction_return_the_old_item_when_their_condition_fails()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        var modified = new Product { Id = 1, Name = "m" };
        db.Attach(modified);
        modified.Stock = 5;
        db.Remove(new Product { Id = 2, Name = "d" });
        db.Database.AddConditionCheck<Product>(3, p => p.Stock > 0);

        await db.SaveChangesAsync();

        var actions = Assert.IsType<TransactWriteItemsRequest>(Assert.Single(client.Requests)).TransactItems;
        Assert.Equal(3, actions.Count);
        Assert.Equal(ReturnValuesOnConditionCheckFailure.ALL_OLD, Assert.Single(actions, a => a.Update is not null).Update.ReturnValuesOnConditionCheckFailure);
        Assert.Equal(ReturnValuesOnConditionCheckFailure.ALL_OLD, Assert.Single(actions, a => a.Delete is not null).Delete.ReturnValuesOnConditionCheckFailure);
        Assert.Equal(ReturnValuesOnConditionCheckFailure.ALL_OLD, Assert.Single(actions, a => a.ConditionCheck is not null).ConditionCheck.ReturnValuesOnConditionCheckFailure);
    }

    [Fact]
    public async Task A_ConditionCheck_requires_the_partition_key_to_exist_and_the_predicate_to_hold()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        db.Database.AddConditionCheck<Order>(new object[] { "c1", "o1" }, o => o.Total > 5m && o.Note != null);
        db.Products.Add(new Product { Id = 1, Name = "p" });

        await db.SaveChangesAsync();

        var request = Assert.IsType<TransactWriteItemsRequest>(Assert.Single(client.Requests));
        Assert.IsType<Put>(request.TransactItems[0].Put);
        var check = request.TransactItems[1].ConditionCheck;
        Assert.Equal("Orders", check.TableName);
        Assert.Equal("c1", check.Key["CustomerId"].S);
        Assert.Equal("o1", check.Key["OrderId"].S);
        var names = check.ExpressionAttributeNames;
        var expression = System.Text.RegularExpressions.Regex.Replace(check.ConditionExpression, @"#\w+", m => names[m.Value]);
        expression = System.Text.RegularExpressions.Regex.Replace(expression, @":\w+", m => check.ExpressionAttributeValues[m.Value] is { N: { } n } ? "N:" + n : "S:" + check.ExpressionAttributeValues[m.Value].S);
        Assert.Equal("(attribute_exists(CustomerId) AND (Total > N:5 AND (attribute_exists(Note) AND NOT attribute_type(Note, S:NULL))))", expression);
    }

    [Fact]
    public async Task A_Put_replacing_a_deleted_entity_requires_its_item_as_read_and_returns_the_old_item_when_that_fails()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        var id = Guid.NewGuid();
        var old = new Account { Id = id, Email = "old@example.com", Version = 3 };
        db.Attach(old);
        db.Remove(old);
        db.Add(new Account { Id = id, Email = "new@example.com", Version = 4 });

        await db.SaveChangesAsync();

        var put = Assert.IsType<PutItemRequest>(Assert.Single(client.Requests));
        Assert.Equal("new@example.com", put.Item["Email"].S);
        var condition = System.Text.RegularExpressions.Regex.Replace(put.ConditionExpression, @"#\w+", m => put.ExpressionAttributeNames[m.Value]);
        condition = System.Text.RegularExpressions.Regex.Replace(condition, @":\w+", m => "N:" + put.ExpressionAttributeValues[m.Value].N);
        Assert.Equal("attribute_exists(Id) AND Version = N:3", condition);
        Assert.Equal(ReturnValuesOnConditionCheckFailure.ALL_OLD, put.ReturnValuesOnConditionCheckFailure);
    }

    [Fact]
    public async Task A_Put_of_a_new_entity_must_not_overwrite_and_asks_for_the_stored_item_to_recognise_its_own_earlier_write()
    {
        await using var db = Shop();
        var client = ScriptedClientWrapper.Of(db);
        db.Add(new Product { Id = 1, Name = "p" });

        await db.SaveChangesAsync();

        var put = Assert.IsType<PutItemRequest>(Assert.Single(client.Requests));
        Assert.Equal("attribute_not_exists(" + put.ExpressionAttributeNames.Single().Key + ")", put.ConditionExpression);
        Assert.Equal(ReturnValuesOnConditionCheckFailure.ALL_OLD, put.ReturnValuesOnConditionCheckFailure);
    }
}

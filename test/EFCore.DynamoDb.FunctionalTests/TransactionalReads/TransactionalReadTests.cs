using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.FunctionalTests.Query;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.FunctionalTests.TransactionalReads;

/// <summary>
/// <c>WithTransactionalRead()</c> on DynamoDB Local: a set of whole keys is read with one TransactGetItems, returning
/// what LINQ-to-Objects returns over the seeded data, tracked like any query; other shapes and more than 100 keys fail
/// before anything is sent; a cancelled transaction is retried by the execution strategy, then reported clearly.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class TransactionalReadTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    // Retries after 0, then 10 ms: EF's backoff, bounded small so the tests stay fast.
    private static IExecutionStrategy FastRetries(ExecutionStrategyDependencies dependencies)
        => new DynamoDbExecutionStrategy(dependencies, 2, TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task Contains_on_sort_keys_of_one_partition_reads_them_with_one_TransactGetItems()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var numbers = new[] { 1, 3, 5, 99 };

        var orders = await context.Orders.Where(o => o.CustomerId == "c1" && numbers.Contains(o.OrderNumber)).WithTransactionalRead().ToListAsync();

        var expected = fixture.Orders.Where(o => o.CustomerId == "c1" && numbers.Contains(o.OrderNumber));
        Assert.Equal(expected.Select(o => o.ToString()).Order(StringComparer.Ordinal), orders.Select(o => o.ToString()).Order(StringComparer.Ordinal));
        var request = Assert.Single(log.Requests);
        Assert.Equal("TransactGetItems", request.Operation);
        Assert.Equal(4, request.Details().GetProperty("TransactItems").GetArrayLength());
        Assert.All(orders, o => Assert.Equal(EntityState.Unchanged, context.Entry(o).State));
    }

    [Fact]
    public async Task Contains_on_partition_keys_reads_the_items_that_exist()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var skus = new List<string> { "p3", "p1", "missing" };

        var products = await context.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).WithTransactionalRead().ToListAsync();

        Assert.Equal(["Pen", "Pencil"], products.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["TransactGetItems"], log.Operations);
        Assert.Empty(context.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Equality_on_the_whole_key_reads_one_item_transactionally()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var order = await context.Orders.WithTransactionalRead().FirstOrDefaultAsync(o => o.CustomerId == "c2" && o.OrderNumber == 3);

        Assert.Equal("c2/3", order?.ToString());
        Assert.Equal(["TransactGetItems"], log.Operations);
    }

    [Fact]
    public async Task A_projection_of_a_transactional_read_reads_only_its_attributes_and_the_partition_key()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var skus = new[] { "p1", "p2" };

        var prices = await context.Products.Where(p => skus.Contains(p.Sku)).WithTransactionalRead().Select(p => p.Price).ToListAsync();

        Assert.Equal([1.5m, 4m], prices.Order());
        var get = Assert.Single(log.Requests).Details().GetProperty("TransactItems")[0].GetProperty("Get");
        // The partition key tells an item without the projected attributes from a missing item.
        Assert.Equal(["Price", "Sku"], get.GetProperty("ExpressionAttributeNames").EnumerateObject().Select(p => p.Value.GetString()));
    }

    [Fact]
    public async Task More_than_100_keys_fail_before_sending()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var skus = Enumerable.Range(0, 101).Select(i => "p" + i).ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            context.Products.Where(p => skus.Contains(p.Sku)).WithTransactionalRead().ToListAsync());

        Assert.Equal(DynamoDbStrings.TransactionalReadTooManyKeys("Product", 101), error.Message);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task A_predicate_that_is_not_a_key_set_fails_before_sending()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            context.Orders.Where(o => o.CustomerId == "c1" && o.Total > 10m).WithTransactionalRead().ToListAsync());

        Assert.Equal(DynamoDbStrings.TransactionalReadNeedsKeys("Order"), error.Message);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task Database_TransactionalReadAsync_reads_two_entity_types_in_one_TransactGetItems()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());
        var numbers = new[] { 2, 4 };
        var skus = new[] { "p2", "p3", "missing" };

        var (orders, products) = await context.Database.TransactionalReadAsync(
            context.Orders.Where(o => o.CustomerId == "c1" && numbers.Contains(o.OrderNumber)),
            context.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)));

        Assert.Equal(["c1/2", "c1/4"], orders.Select(o => o.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["Paper", "Pencil"], products.Select(p => p.Name).Order(StringComparer.Ordinal));
        var request = Assert.Single(log.Requests);
        Assert.Equal("TransactGetItems", request.Operation);
        Assert.Equal(
            [fixture.TableName("Orders"), fixture.TableName("Orders"), fixture.TableName("Products"), fixture.TableName("Products"), fixture.TableName("Products")],
            request.Details().GetProperty("TransactItems").EnumerateArray().Select(i => i.GetProperty("Get").GetProperty("TableName").GetString()));
        Assert.All(orders, o => Assert.Equal(EntityState.Unchanged, context.Entry(o).State));
        Assert.All(products, p => Assert.Equal(EntityState.Detached, context.Entry(p).State));
    }

    [Fact]
    public async Task Database_TransactionalReadAsync_reads_three_queries_and_projections()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var (totals, names, order) = await context.Database.TransactionalReadAsync(
            context.Orders.Where(o => o.CustomerId == "c2" && o.OrderNumber == 3).Select(o => new { o.Total }),
            context.Products.Where(p => p.Sku == "p1").Select(p => p.Name),
            context.Orders.Where(o => o.CustomerId == "c1" && o.OrderNumber == 1));

        Assert.Equal(fixture.Orders.Single(o => o.CustomerId == "c2" && o.OrderNumber == 3).Total, Assert.Single(totals).Total);
        Assert.Equal("Pen", Assert.Single(names));
        Assert.Equal("c1/1", Assert.Single(order).ToString());
        Assert.Equal(["TransactGetItems"], log.Operations);
    }

    [Fact]
    public async Task Database_TransactionalReadAsync_of_more_than_100_keys_in_all_fails_before_sending()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var skus = Enumerable.Range(0, 60).Select(i => "p" + i).ToList();
        var numbers = Enumerable.Range(0, 41).ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Database.TransactionalReadAsync(
            context.Products.Where(p => skus.Contains(p.Sku)),
            context.Orders.Where(o => o.CustomerId == "c1" && numbers.Contains(o.OrderNumber))));

        Assert.Equal(DynamoDbStrings.TransactionalReadTooManyKeys("Product, Order", 101), error.Message);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task Database_TransactionalReadAsync_with_a_query_that_is_not_a_key_set_fails_before_sending()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Database.TransactionalReadAsync(
            context.Products.Where(p => p.Sku == "p1"),
            context.Orders.Where(o => o.CustomerId == "c1")));

        Assert.Equal(DynamoDbStrings.TransactionalReadNeedsKeys("Order"), error.Message);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task A_transactional_read_cancelled_by_a_conflict_once_is_retried_and_succeeds()
    {
        using var handler = new FaultInjectingHandler().Fail("TransactGetItems", 1, InjectedFault.TransactionConflict);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FastRetries);
        var skus = new[] { "p1", "p2" };

        var products = await context.Products.Where(p => skus.Contains(p.Sku)).WithTransactionalRead().ToListAsync();

        Assert.Equal(2, products.Count);
        Assert.Equal(2, handler.Count("TransactGetItems"));
    }

    [Fact]
    public async Task A_transactional_read_cancelled_on_every_attempt_is_a_clear_error()
    {
        using var handler = new FaultInjectingHandler().Fail("TransactGetItems", 10, InjectedFault.TransactionConflict);
        using var client = handler.CreateClient(fixture.Server.ServiceUrl, maxErrorRetry: 0);
        await using var context = fixture.CreateContext(client, FastRetries);
        var skus = new[] { "p1", "p2" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            context.Products.Where(p => skus.Contains(p.Sku)).WithTransactionalRead().ToListAsync());

        Assert.Equal(DynamoDbStrings.TransactionalReadCanceled("Product", "TransactionConflict"), error.Message);
        Assert.Equal(3, handler.Count("TransactGetItems"));
    }
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// Synchronous calls block on DynamoDB's asynchronous SDK: an error naming the async method by default; allowed
/// once the SyncNotSupported warning is downgraded.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class SyncPolicyTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    [Fact]
    public void ToList_throws_naming_ToListAsync_and_sends_nothing()
    {
        var log = new RequestLog();
        using var context = fixture.CreateContext(log);

        var exception = Assert.Throws<InvalidOperationException>(() => context.Orders.Where(o => o.CustomerId == "c1").ToList());

        Assert.Contains("ToListAsync", exception.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DynamoDbEventId.SyncNotSupported), exception.Message, StringComparison.Ordinal);
        Assert.Empty(log.Operations);
    }

    [Fact]
    public void Find_throws_and_sends_nothing()
    {
        var log = new RequestLog();
        using var context = fixture.CreateContext(log);

        var exception = Assert.Throws<InvalidOperationException>(() => context.Products.Find("p1"));

        Assert.Contains("Async", exception.Message, StringComparison.Ordinal);
        Assert.Empty(log.Operations);
    }

    [Fact]
    public async Task SaveChanges_throws_naming_SaveChangesAsync_and_writes_nothing()
    {
        var log = new RequestLog();
        using (var context = fixture.CreateContext(log))
        {
            context.Products.Add(new Product { Sku = "sync-refused", Name = "Refused" });

            var exception = Assert.Throws<InvalidOperationException>(() => context.SaveChanges());

            Assert.Contains("SaveChangesAsync", exception.Message, StringComparison.Ordinal);
        }

        Assert.Empty(log.Operations);
        Assert.Null(await fixture.GetRawItemAsync("Products", ("Sku", Attr.S("sync-refused"))));
    }

    [Fact]
    public async Task EnsureCreated_throws_naming_EnsureCreatedAsync_and_creates_nothing()
    {
        var prefix = DynamoDbContextFixture<OrdersContext>.NewTableNamePrefix();
        using (var context = CreateContext(prefix))
        {
            var exception = Assert.Throws<InvalidOperationException>(() => context.Database.EnsureCreated());

            Assert.Contains("EnsureCreatedAsync", exception.Message, StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => fixture.RawClient.DescribeTableAsync(prefix + "Orders"));
    }

    [Fact]
    public void EnsureDeleted_throws_naming_EnsureDeletedAsync()
    {
        using var context = fixture.CreateContext();

        var exception = Assert.Throws<InvalidOperationException>(() => context.Database.EnsureDeleted());

        Assert.Contains("EnsureDeletedAsync", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToList_works_after_downgrading_the_warning_and_logs_it()
    {
        var log = new RequestLog();
        using var context = fixture.CreateContext(log, AllowSync);

        var orders = context.Orders.Where(o => o.CustomerId == "c1").ToList();

        Assert.Equal(Enumerable.Range(1, 8), orders.Select(o => o.OrderNumber));
        Assert.Contains(DynamoDbEventId.SyncNotSupported, log.EventIds);
        Assert.Equal(["Query"], log.Operations);
    }

    [Fact]
    public void Find_and_First_work_after_downgrading_the_warning()
    {
        using var context = fixture.CreateContext(configure: AllowSync);

        Assert.Equal("Pen", context.Products.Find("p1")?.Name);
        Assert.Equal(2, context.Orders.First(o => o.CustomerId == "c1" && o.OrderNumber == 2).OrderNumber);
    }

    [Fact]
    public async Task SaveChanges_works_after_downgrading_the_warning()
    {
        using (var context = fixture.CreateContext(configure: AllowSync))
        {
            context.Products.Add(new Product { Sku = "sync-allowed", Name = "Allowed", Price = 2m });

            Assert.Equal(1, context.SaveChanges());
        }

        var item = await fixture.GetRawItemAsync("Products", ("Sku", Attr.S("sync-allowed")));
        Assert.Equal("Allowed", item!["Name"].S);
    }

    [Fact]
    public async Task EnsureCreated_and_EnsureDeleted_work_after_downgrading_the_warning()
    {
        var prefix = DynamoDbContextFixture<OrdersContext>.NewTableNamePrefix();
        using var context = CreateContext(prefix, AllowSync);

        Assert.True(context.Database.EnsureCreated());
        Assert.False(context.Database.EnsureCreated());
        Assert.Equal(TableStatus.ACTIVE, (await fixture.RawClient.DescribeTableAsync(prefix + "Orders")).Table.TableStatus);

        Assert.True(context.Database.EnsureDeleted());
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => fixture.RawClient.DescribeTableAsync(prefix + "Orders"));
    }

    private static void AllowSync(DbContextOptionsBuilder options)
        => options.ConfigureWarnings(w => w.Log(DynamoDbEventId.SyncNotSupported));

    private OrdersContext CreateContext(string prefix, Action<DbContextOptionsBuilder>? configure = null)
    {
        var builder = new DbContextOptionsBuilder<OrdersContext>()
            .UseDynamoDb(d => d.ServiceUrl(fixture.Server.ServiceUrl).TableNamePrefix(prefix))
            .ForTests();
        configure?.Invoke(builder);
        return new OrdersContext(builder.Options);
    }
}

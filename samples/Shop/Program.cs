using EFCore.DynamoDb.Local;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop;

// DYNAMODB_ENDPOINT points the sample at a running DynamoDB; otherwise it starts DynamoDB Local for itself.
await using var server = await DynamoDbLocalServer.StartAsync();
Console.WriteLine($"DynamoDB endpoint: {server.ServiceUrl}{(server.StartedByUs ? " (DynamoDB Local, started for this run)" : "")}");

var services = new ServiceCollection()
    .AddDbContextFactory<ShopContext>(options => options
        .UseDynamoDb(dynamo => dynamo.ServiceUrl(server.ServiceUrl.ToString()).TableNamePrefix("shop-sample-"))
        // Show each request the provider sends: operation, table, time and consumed capacity.
        .LogTo(message => Console.WriteLine("  > " + message.Split(Environment.NewLine).Last()), [DynamoDbEventId.RequestExecuted, DynamoDbEventId.ScanQueryWarning], LogLevel.Information))
    .BuildServiceProvider();

await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<ShopContext>();

    Console.WriteLine("Creating the tables (EnsureDeleted first, so every run starts empty):");
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();

    Console.WriteLine("Writing one customer and three orders in one SaveChanges (one TransactWriteItems):");
    db.Customers.Add(new Customer { Id = "c1", Name = "Ada Lovelace", Email = "ada@example.com" });
    db.Orders.AddRange(
        new Order { CustomerId = "c1", OrderId = "2024-001", Total = 12.5m, Status = OrderStatus.Delivered, PlacedAt = DateTimeOffset.UtcNow.AddDays(-30) },
        new Order { CustomerId = "c1", OrderId = "2024-002", Total = 249.99m, Status = OrderStatus.Shipped, PlacedAt = DateTimeOffset.UtcNow.AddDays(-2) },
        new Order { CustomerId = "c2", OrderId = "2024-003", Total = 7m, Status = OrderStatus.Placed, PlacedAt = DateTimeOffset.UtcNow });
    await db.SaveChangesAsync();
}

await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<ShopContext>();

    Console.WriteLine("Reading one order by its whole key (GetItem):");
    var order = await db.Orders.FindAsync("c1", "2024-001");
    Console.WriteLine($"  {order!.CustomerId}/{order.OrderId}: {order.Total:0.00}, {order.Status}");

    Console.WriteLine("Reading customer c1's orders (Query on the partition key):");
    foreach (var o in await db.Orders.Where(x => x.CustomerId == "c1").ToListAsync())
    {
        Console.WriteLine($"  {o.OrderId}: {o.Total:0.00}");
    }

    Console.WriteLine("Reading every order over 100 (Scan, with the scan warning):");
    foreach (var o in await db.Orders.Where(x => x.Total > 100).ToListAsync())
    {
        Console.WriteLine($"  {o.CustomerId}/{o.OrderId}: {o.Total:0.00}");
    }

    Console.WriteLine("Reading shipped orders, newest first (Query on the ByStatus index, ScanIndexForward=false):");
    foreach (var o in await db.Orders.Where(x => x.Status == OrderStatus.Shipped).OrderByDescending(x => x.PlacedAt).ToListAsync())
    {
        Console.WriteLine($"  {o.CustomerId}/{o.OrderId}: placed {o.PlacedAt:yyyy-MM-dd}");
    }

    Console.WriteLine("Reading customer c1's orders one page at a time (ToPageAsync with a continuation token):");
    string? token = null;
    do
    {
        var page = await db.Orders.Where(x => x.CustomerId == "c1").ToPageAsync(pageSize: 1, token);
        Console.WriteLine($"  page: {string.Join(", ", page.Values.Select(p => p.OrderId))}{(page.ContinuationToken is null ? " (last)" : "")}");
        token = page.ContinuationToken;
    }
    while (token is not null);

    Console.WriteLine("Shipping order 2024-001 again (UpdateItem of the changed attribute only):");
    order.Status = OrderStatus.Shipped;
    await db.SaveChangesAsync();

    Console.WriteLine("Trying to insert a duplicate customer (PutItem with attribute_not_exists):");
    db.Customers.Add(new Customer { Id = "c1", Name = "Someone else" });
    try
    {
        await db.SaveChangesAsync();
    }
    catch (DbUpdateException exception)
    {
        Console.WriteLine("  refused: " + exception.Message);
        db.ChangeTracker.Clear();
    }

    Console.WriteLine("Two contexts change the same order; the row version makes the second one reload and retry:");
    await using (var other = scope.ServiceProvider.GetRequiredService<IDbContextFactory<ShopContext>>().CreateDbContext())
    {
        var theirs = (await other.Orders.FindAsync("c1", "2024-002"))!;
        var ours = (await db.Orders.FindAsync("c1", "2024-002"))!;
        theirs.Total += 1;
        await other.SaveChangesAsync();
        ours.Total += 2;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException exception)
        {
            Console.WriteLine("  conflict: " + exception.Message);
            await exception.Entries.Single().ReloadAsync();
            ours.Total += 2;
            await db.SaveChangesAsync();
            Console.WriteLine($"  saved after reload: total {ours.Total}, version {ours.Version}");
        }
    }

    Console.WriteLine("Importing 60 orders with BatchPutAsync (BatchWriteItem, 25 a request, sent concurrently):");
    await db.Orders.BatchPutAsync(Enumerable.Range(1, 60).Select(i => new Order
    {
        CustomerId = "c2",
        OrderId = $"2024-{i:D3}",
        Total = i,
        Status = OrderStatus.Placed,
        PlacedAt = DateTimeOffset.UtcNow.AddMinutes(-i),
    }));

    Console.WriteLine("Adding a 5.00 fee to c2's orders under 10 with ExecuteUpdateAsync (SET #Total = #Total + :v per item):");
    var changed = await db.Orders.Where(o => o.CustomerId == "c2" && o.Total < 10).ExecuteUpdateAsync(s => s.SetProperty(o => o.Total, o => o.Total + 5));
    Console.WriteLine($"  {changed} orders changed");

    Console.WriteLine("Placing an order only if customer c1 has an email (a condition check in the same transaction):");
    db.Database.AddConditionCheck<Customer>("c1", c => c.Email != null);
    db.Orders.Add(new Order { CustomerId = "c1", OrderId = "2024-004", Total = 20m, Status = OrderStatus.Placed, PlacedAt = DateTimeOffset.UtcNow });
    await db.SaveChangesAsync();
}

Console.WriteLine("Done.");

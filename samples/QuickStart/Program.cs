using Microsoft.EntityFrameworkCore;

// DynamoDB Local on its usual port, or the endpoint in DYNAMODB_ENDPOINT.
var endpoint = Environment.GetEnvironmentVariable("DYNAMODB_ENDPOINT") ?? "http://localhost:8000";
var options = new DbContextOptionsBuilder<ShopContext>()
    .UseDynamoDb(d => d.ServiceUrl(endpoint))
    .Options;

await using var db = new ShopContext(options);
await db.Database.EnsureDeletedAsync();                                       // a fresh start (DeleteTable)
await db.Database.EnsureCreatedAsync();                                       // CreateTable, waits for ACTIVE

db.Add(new Customer { Id = "c1", Name = "Ada" });
db.Add(new Order { CustomerId = "c1", OrderId = "2024-001", Total = 12.5m });
await db.SaveChangesAsync();                                                  // TransactWriteItems, attribute_not_exists

var order = await db.Orders.FindAsync("c1", "2024-001");                      // GetItem
var recent = await db.Orders.Where(x => x.CustomerId == "c1").ToListAsync(); // Query
var big = await db.Orders.Where(x => x.Total > 100).ToListAsync();          // Scan + ScanQueryWarning
Console.WriteLine($"Order total {order?.Total}; c1 has {recent.Count} order(s); {big.Count} over 100.");

public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Customer>().HasKey(c => c.Id);                              // partition key
        b.Entity<Order>().HasKey(o => new { o.CustomerId, o.OrderId });      // partition + sort key
    }
}

public class Customer
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
}

public class Order
{
    public string CustomerId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public decimal Total { get; set; }
}

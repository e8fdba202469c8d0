using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>The <see cref="OrderSeed" /> orders and three products, written once per test class.</summary>
public sealed class OrdersFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<OrdersContext>(server)
{
    /// <summary>The orders as they are stored, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Order> Orders { get; } = OrderSeed.Create();

    /// <inheritdoc />
    protected override async Task SeedAsync(OrdersContext context)
    {
        context.Orders.AddRange(OrderSeed.Create());
        context.Products.AddRange(
            new Product { Sku = "p1", Name = "Pen", Price = 1.5m },
            new Product { Sku = "p2", Name = "Paper", Price = 4m },
            new Product { Sku = "p3", Name = "Pencil", Price = 0.75m });
        await context.SaveChangesAsync();

        // Other tools write nulls as NULL-typed attributes rather than leaving them out.
        string[] nullableAttributes = ["Name", "Count", "Gift", "Escalation", "Discount", "Note"];
        await RawClient.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableName("Orders"),
            Key = new() { ["CustomerId"] = Attr.S(OrderSeed.NullTypedCustomer), ["OrderNumber"] = Attr.N(1) },
            UpdateExpression = "SET " + string.Join(", ", nullableAttributes.Select((_, i) => $"#a{i} = :null")),
            ExpressionAttributeNames = nullableAttributes.Select((name, i) => (name, i)).ToDictionary(x => $"#a{x.i}", x => x.name),
            ExpressionAttributeValues = new() { [":null"] = Attr.Null() },
        });
    }
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// The <see cref="TicketSeed" /> tickets, written once per test class through the provider, then the nulls of one
/// ticket rewritten as NULL-typed attributes with the raw SDK; DescribeTable of the table as EnsureCreated made it.
/// </summary>
public sealed class TicketsFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<TicketsContext>(server)
{
    /// <summary>The tickets as they are stored, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Ticket> Tickets { get; } = TicketSeed.Create();

    /// <summary>DescribeTable (raw) of the Tickets table, after EnsureCreatedAsync.</summary>
    public TableDescription Table { get; private set; } = null!;

    /// <inheritdoc />
    protected override async Task SeedAsync(TicketsContext context)
    {
        Table = (await RawClient.DescribeTableAsync(TableName("Tickets"))).Table;

        context.Tickets.AddRange(TicketSeed.Create());
        await context.SaveChangesAsync();

        // Not Due: it is a key of the BySeverityDue index, which DynamoDB keeps of type S.
        string[] nullableAttributes = ["Spent", "Blocked"];
        await RawClient.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableName("Tickets"),
            Key = new() { ["Project"] = Attr.S(TicketSeed.NullTypedProject), ["Code"] = Attr.S(TicketSeed.NullTypedCode) },
            UpdateExpression = "SET " + string.Join(", ", nullableAttributes.Select((_, i) => $"#a{i} = :null")),
            ExpressionAttributeNames = nullableAttributes.Select((name, i) => (name, i)).ToDictionary(x => $"#a{x.i}", x => x.name),
            ExpressionAttributeValues = new() { [":null"] = Attr.Null() },
        });
    }
}

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>A DTO a query projects into with an object initializer.</summary>
public class TicketSummary
{
    public string Code { get; set; } = "";

    public int Points { get; set; }

    public string? Assignee { get; set; }

    public decimal? Spent { get; set; }
}

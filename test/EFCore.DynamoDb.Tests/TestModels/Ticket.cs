namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>An entity for row-version scenarios: an integer version, and other candidate version types.</summary>
public class Ticket
{
    public string Id { get; set; } = "";

    public int Seats { get; set; }

    public long Version { get; set; }

    public byte[]? Stamp { get; set; }

    public string? Code { get; set; }

    public TicketHolder? Holder { get; set; }

    public List<TicketHolder> Holders { get; set; } = [];
}

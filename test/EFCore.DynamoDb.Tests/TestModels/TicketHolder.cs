namespace EFCore.DynamoDb.Tests.TestModels;

/// <summary>An owned type of <see cref="Ticket" />.</summary>
public class TicketHolder
{
    public string Name { get; set; } = "";

    public int Revision { get; set; }
}

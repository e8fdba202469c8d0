namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>A DTO a query projects into through its constructor.</summary>
public sealed record TicketLine(string Project, string Code, TicketState State);

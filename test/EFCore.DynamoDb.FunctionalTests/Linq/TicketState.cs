namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>Stored as its name.</summary>
public enum TicketState
{
    Open,
    InProgress,
    Resolved,
    Closed,
}

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>Stored as a number (the default for enums).</summary>
public enum OrderStatus
{
    Placed,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}

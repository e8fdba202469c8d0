namespace EFCore.DynamoDb.Benchmarks;

/// <summary>An enum stored as a number.</summary>
public enum OrderStatus
{
    Placed,
    Shipped,
}

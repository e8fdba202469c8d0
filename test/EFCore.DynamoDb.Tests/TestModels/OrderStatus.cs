namespace EFCore.DynamoDb.Tests.TestModels;

public enum OrderStatus
{
    Placed,
    Shipped,
    Delivered,
}

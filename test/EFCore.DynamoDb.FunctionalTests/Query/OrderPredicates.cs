using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
/// Named predicates over <see cref="Order" />, each with the DynamoDB operation it must become. The tests run
/// each against DynamoDB and against LINQ-to-Objects over the same seed, and compare the keys.
/// </summary>
public static class OrderPredicates
{
    /// <summary>Predicates whose result is empty on the seed (all others must match some orders but not all).</summary>
    public static readonly HashSet<string> ExpectedEmpty = ["Partition key matching no item", "Two different partition keys", "Whole key of a missing item"];

    /// <summary>Every predicate by name: the expression and the operation (GetItem, Query or Scan).</summary>
    public static readonly IReadOnlyDictionary<string, (Expression<Func<Order, bool>> Predicate, string Operation)> All = Build();

    private static Dictionary<string, (Expression<Func<Order, bool>>, string)> Build()
    {
        var customer = "c3";
        var fromNumber = 3;
        var status = OrderStatus.Delivered;
        string? noName = null;
        var cutoff = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.FromHours(9));
        var minimumTotal = 50m;
        var startDate = new DateOnly(2024, 3, 1);

        return new()
        {
            // Query: equality on the partition key, plus an optional sort key comparison, plus a filter.
            ["Partition key"] = (o => o.CustomerId == "c2", "Query"),
            ["Partition key on the right"] = (o => "c3" == o.CustomerId, "Query"),
            ["Partition key from a captured variable"] = (o => o.CustomerId == customer, "Query"),
            ["Partition key matching no item"] = (o => o.CustomerId == "nobody", "Query"),
            ["Partition key and sort key >"] = (o => o.CustomerId == "c1" && o.OrderNumber > 3, "Query"),
            ["Partition key and sort key <="] = (o => o.CustomerId == "c1" && o.OrderNumber <= 5, "Query"),
            ["Partition key and sort key <"] = (o => o.CustomerId == "c4" && o.OrderNumber < 2, "Query"),
            ["Partition key and sort key >= from a captured variable"] = (o => o.CustomerId == customer && o.OrderNumber >= fromNumber, "Query"),
            ["Partition key and sort key mirrored"] = (o => o.CustomerId == "c2" && 4 > o.OrderNumber, "Query"),
            ["Partition key and inclusive sort key range (BETWEEN)"] = (o => o.CustomerId == "c2" && o.OrderNumber >= 2 && o.OrderNumber <= 5, "Query"),
            ["Partition key and inclusive sort key range, upper bound first"] = (o => o.CustomerId == "c3" && o.OrderNumber <= 6 && o.OrderNumber >= fromNumber, "Query"),
            ["Sort key before partition key"] = (o => o.OrderNumber >= 4 && o.CustomerId == "c4", "Query"),
            ["Partition key and Status"] = (o => o.CustomerId == "c1" && o.Status == OrderStatus.Shipped, "Query"),
            ["Partition key and an OR of filters"] = (o => o.CustomerId == "c1" && (o.Status == OrderStatus.Paid || o.Total > 100m), "Query"),
            ["Partition key and Note == null"] = (o => o.CustomerId == "c4" && o.Note == null, "Query"),
            ["Partition key and a negated filter"] = (o => o.CustomerId == "c5" && !(o.Total > 50m), "Query"),
            ["Whole key and a filter"] = (o => o.CustomerId == "c1" && o.OrderNumber == 1 && o.Shipped, "Query"),
            ["Null-typed order by partition key and null filters"] = (o => o.CustomerId == "c6" && o.Name == null && o.Quantity == null && o.Gift == null && o.Note == null, "Query"),

            // GetItem: equality on the whole primary key and nothing else.
            ["Whole key"] = (o => o.CustomerId == "c1" && o.OrderNumber == 2, "GetItem"),
            ["Whole key, sort key first"] = (o => o.OrderNumber == 7 && o.CustomerId == "c5", "GetItem"),
            ["Whole key of a missing item"] = (o => o.CustomerId == "c1" && o.OrderNumber == 99, "GetItem"),

            // Query: a key condition holds one condition per key and a Query's filter may name no key attribute, so
            // further conditions on the keys are checked on the items the partition's Query returns.
            ["Two different partition keys"] = (o => o.CustomerId == "c1" && o.CustomerId == "c2", "Query"),
            ["Partition key and a half-open sort key range"] = (o => o.CustomerId == "c2" && o.OrderNumber >= 2 && o.OrderNumber < 6, "Query"),
            ["Partition key and sort key !="] = (o => o.CustomerId == "c5" && o.OrderNumber != 4, "Query"),
            ["Partition key and the sort key in an OR"] = (o => o.CustomerId == "c5" && (o.OrderNumber == 4 || o.Total > 50m), "Query"),

            // Scan: no equality on the partition key.
            ["Status =="] = (o => o.Status == OrderStatus.Shipped, "Scan"),
            ["Status !="] = (o => o.Status != OrderStatus.Cancelled, "Scan"),
            ["Status >="] = (o => o.Status >= OrderStatus.Shipped, "Scan"),
            ["Status from a captured variable"] = (o => o.Status == status, "Scan"),
            ["Name =="] = (o => o.Name == "Beta", "Scan"),
            ["Name !="] = (o => o.Name != "Beta", "Scan"),
            ["Name == null"] = (o => o.Name == null, "Scan"),
            ["Name != null"] = (o => o.Name != null, "Scan"),
            ["Name == a captured null"] = (o => o.Name == noName, "Scan"),
            ["Name through EF.Property"] = (o => EF.Property<string?>(o, nameof(Order.Name)) == "Alpha", "Scan"),
            ["Date range"] = (o => o.Date >= new DateOnly(2024, 3, 1) && o.Date < new DateOnly(2024, 6, 1), "Scan"),
            ["Date >= a captured variable"] = (o => o.Date >= startDate, "Scan"),
            ["Total >"] = (o => o.Total > 100m, "Scan"),
            ["Total <= 0"] = (o => o.Total <= 0m, "Scan"),
            ["Total < a captured variable"] = (o => o.Total < minimumTotal, "Scan"),
            ["Quantity (Count) == null"] = (o => o.Quantity == null, "Scan"),
            ["Quantity (Count) != null"] = (o => o.Quantity != null, "Scan"),
            ["Quantity (Count) > 3"] = (o => o.Quantity > 3, "Scan"),
            ["Quantity (Count) != 3"] = (o => o.Quantity != 3, "Scan"),
            ["Not Quantity (Count) > 3"] = (o => !(o.Quantity > 3), "Scan"),
            ["Quantity (Count) null or small"] = (o => o.Quantity == null || o.Quantity < 2, "Scan"),
            ["Bool member"] = (o => o.Shipped, "Scan"),
            ["Negated bool member"] = (o => !o.Shipped, "Scan"),
            ["Bool == false"] = (o => o.Shipped == false, "Scan"),
            ["Nullable bool == true"] = (o => o.Gift == true, "Scan"),
            ["Nullable bool != true"] = (o => o.Gift != true, "Scan"),
            ["Nullable bool == null"] = (o => o.Gift == null, "Scan"),
            ["Enum stored as string =="] = (o => o.Priority == Priority.High, "Scan"),
            ["Enum stored as string !="] = (o => o.Priority != Priority.Low, "Scan"),
            ["Nullable enum stored as string == null"] = (o => o.Escalation == null, "Scan"),
            ["Nullable enum stored as string =="] = (o => o.Escalation == Priority.High, "Scan"),
            ["DateTimeOffset > a captured instant at +09:00"] = (o => o.PlacedAt > cutoff, "Scan"),
            ["Nullable double >"] = (o => o.Discount > 1.5, "Scan"),
            ["Nullable double == 17 significant digits"] = (o => o.Discount == 0.30000000000000004, "Scan"),
            ["Note == fragile"] = (o => o.Note == "fragile", "Scan"),
            ["Sort key alone"] = (o => o.OrderNumber == 3, "Scan"),
            ["Sort key range alone"] = (o => o.OrderNumber > 6, "Scan"),
            ["Partition key OR partition key"] = (o => o.CustomerId == "c1" || o.CustomerId == "c2", "Scan"),
            ["Partition key !="] = (o => o.CustomerId != "c1", "Scan"),
            ["Negated partition key equality"] = (o => !(o.CustomerId == "c1"), "Scan"),
            ["AND inside OR"] = (o => (o.Status == OrderStatus.Paid && o.Total > 20m) || (o.Shipped && o.Quantity != null), "Scan"),
            ["Negated AND"] = (o => !(o.Shipped && o.Gift == false), "Scan"),
            ["Negated OR"] = (o => !(o.Status == OrderStatus.Placed || o.Name == null), "Scan"),
        };
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.TestUtilities;
using Microsoft.EntityFrameworkCore.TestModels.Northwind;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>
/// The queries the Include test classes (tracking and not) assert instead of upstream tests that rely on store order:
/// Skip/Take/Last with no ordering take rows in the order the store read them, key order in a relational store, hash
/// order in a DynamoDB Scan; and an ordering with ties keeps the tied rows in that order. Here the key order is asked
/// for explicitly, and ties are broken by key, so the rows asserted are the ones upstream expects.
/// </summary>
public static class NorthwindIncludeInKeyOrder
{
    /// <summary><c>Include_collection_take_no_order_by</c> in key order.</summary>
    public static IQueryable<Customer> TakeWithOrders(ISetSource ss) => InKeyOrder(ss).Take(10).Include(c => c.Orders);

    /// <summary><c>Include_collection_skip_no_order_by</c> in key order.</summary>
    public static IQueryable<Customer> SkipWithOrders(ISetSource ss) => InKeyOrder(ss).Skip(10).Include(c => c.Orders);

    /// <summary><c>Include_collection_skip_take_no_order_by</c> in key order.</summary>
    public static IQueryable<Customer> SkipTakeWithOrders(ISetSource ss) => InKeyOrder(ss).Skip(10).Take(5).Include(c => c.Orders);

    /// <summary><c>Include_collection_with_last_no_orderby</c> in key order.</summary>
    public static IQueryable<Customer> WithOrders(ISetSource ss) => InKeyOrder(ss).Include(c => c.Orders);

    /// <summary><c>Repro9735</c>'s ordering, its ties broken by OrderID.</summary>
    public static IQueryable<Order> Repro9735(ISetSource ss)
        => ss.Set<Order>().Include(b => b.OrderDetails)
            .OrderBy(b => b.Customer!.CustomerID != null)
            .ThenBy(b => b.Customer != null ? b.Customer.CustomerID : string.Empty)
            .ThenBy(b => b.OrderID)
            .Take(2);

    private static IOrderedQueryable<Customer> InKeyOrder(ISetSource ss) => ss.Set<Customer>().OrderBy(c => c.CustomerID);
}

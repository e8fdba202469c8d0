using EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.TestModels.Northwind;
using Microsoft.EntityFrameworkCore.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Specification.Query;

/// <summary>EF Core's <see cref="NorthwindGroupByQueryTestBase{TFixture}" />, run as written against DynamoDB Local.</summary>
public partial class NorthwindGroupByQueryDynamoDbTest(NorthwindQueryDynamoDbFixture<NoopModelCustomizer> fixture)
    : NorthwindGroupByQueryTestBase<NorthwindQueryDynamoDbFixture<NoopModelCustomizer>>(fixture)
{
    // g.Skip(1).Take(2) with no ordering inside a group: which orders are skipped and taken is the order the store read
    // them, key order in a relational store, hash order in a DynamoDB Scan. The query as written is asserted for its
    // groups, the size of each window and that each window holds distinct orders of its group.
    /// <inheritdoc />
    public override async Task GroupBy_complex_key_without_aggregate(bool async)
    {
        if (!async)
        {
            await SpecAssert.SyncNotSupportedAsync(() => base.GroupBy_complex_key_without_aggregate(async));
            return;
        }

        using var context = Fixture.CreateContext();
        var actual = await context.Set<Order>()
            .GroupBy(o => o.Customer!.CustomerID.Substring(0, 1))
            .Select(g => new { g.Key, Window = g.Skip(1).Take(2) })
            .ToListAsync();

        var groups = Fixture.GetExpectedData().Set<Order>()
            .GroupBy(o => o.CustomerID!.Substring(0, 1))
            .ToDictionary(g => g.Key, g => g.Select(o => o.OrderID).ToHashSet());
        Assert.Equal(groups.Keys.Order(), actual.Select(a => a.Key).Order());
        Assert.All(actual, a =>
        {
            var window = a.Window.Select(o => o.OrderID).ToList();
            Assert.Equal(Math.Min(Math.Max(groups[a.Key].Count - 1, 0), 2), window.Count);
            Assert.Equal(window.Count, window.Distinct().Count());
            Assert.All(window, id => Assert.Contains(id, groups[a.Key]));
        });
    }
}

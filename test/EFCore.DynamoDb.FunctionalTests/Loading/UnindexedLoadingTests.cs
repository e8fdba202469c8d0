using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Loading;

/// <summary>Loading a collection whose foreign key no index holds: one Scan, with the scan warning naming the fix.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class UnindexedLoadingTests(UnindexedLoadingFixture fixture) : IClassFixture<UnindexedLoadingFixture>
{
    [Fact]
    public async Task Collection_load_scans_once_and_the_warning_names_the_navigation_and_the_index()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        var ann = (await context.Shoppers.FindAsync("ann"))!;
        log.Clear();

        await context.Entry(ann).Collection(s => s.Baskets).LoadAsync();

        Assert.Equal(["b1", "b2", "b3"], ann.Baskets.Select(b => b.Id).Order());
        Assert.Equal(["Scan"], log.Operations);
        var message = Assert.Single(log.MessagesOf(DynamoDbEventId.ScanQueryWarning), m => m.Contains("'Shopper.Baskets'", StringComparison.Ordinal));
        Assert.Contains("'ShopperId'", message, StringComparison.Ordinal);
        Assert.Contains("MapIndexesToGlobalSecondaryIndexes", message, StringComparison.Ordinal);
    }
}

using System.Globalization;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The check of each returned item against the conditions on a Query's own keys that DynamoDB takes neither in the
/// key condition nor in the filter (<see cref="ItemConditionEvaluator" />). Items come from
/// <see cref="ScriptedClientWrapper" />: nothing is sent.
/// </summary>
public sealed class DynamoDbClientSideCheckTests
{
    [Fact]
    public async Task A_checked_value_is_converted_once_per_query_not_once_per_item()
    {
        var conversions = new ConversionCounter();
        await using var db = TestContexts.Scenario(
            b => b.Entity<Reading>(r =>
            {
                r.HasKey(x => new { x.DeviceId, x.Timestamp });
                r.Property(x => x.Timestamp).HasConversion(v => conversions.ToProvider(v), v => v);
            }),
            configure: ScriptedClientWrapper.Use);
        var items = Enumerable.Range(1, 20)
            .Select(i => new Dictionary<string, AttributeValue>
            {
                ["DeviceId"] = new() { S = "d1" },
                ["Timestamp"] = new() { N = i.ToString(CultureInfo.InvariantCulture) },
                ["Value"] = new() { N = "0" },
            })
            .ToList();
        ScriptedClientWrapper.Of(db).RespondToQuery = _ => new QueryResponse { Items = items, Count = items.Count };
        var skipped = 7L;

        var readings = await db.Set<Reading>().Where(r => r.DeviceId == "d1" && r.Timestamp != skipped).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 20).Where(i => i != 7).Select(i => (long)i), readings.Select(r => r.Timestamp));
        Assert.Equal(1, conversions.Count);
    }

    // Counts the conversions of a property's values to what DynamoDB stores.
    private sealed class ConversionCounter
    {
        public int Count { get; private set; }

        public long ToProvider(long value)
        {
            Count++;
            return value;
        }
    }
}

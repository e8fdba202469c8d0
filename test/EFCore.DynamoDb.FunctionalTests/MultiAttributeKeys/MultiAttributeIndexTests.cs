using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.MultiAttributeKeys;

/// <summary>
/// A global index with a multi-attribute key (tenant, region | day, sensor, sequence) on DynamoDB Local: every shape
/// of key condition DynamoDB accepts returns what LINQ-to-Objects returns over the same readings, from one Query on
/// the index whose KeyConditionExpression names every attribute it constrains; shapes DynamoDB cannot key on never
/// read the index.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class MultiAttributeIndexTests(ReadingsFixture fixture) : IClassFixture<ReadingsFixture>
{
    private static readonly DateOnly Day2 = new(2026, 3, 2);

    private ReadingsContext Context(RequestLog log) => fixture.CreateContext(log, o => o.EnableSensitiveDataLogging());

    // The request's KeyConditionExpression with its placeholders replaced by attribute names and "type:value" text.
    private static string KeyCondition(DynamoDbRequestEventData request)
    {
        var details = request.Details();
        var names = details.GetProperty("ExpressionAttributeNames").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var values = details.Values();
        var text = Regex.Replace(details.String("KeyConditionExpression")!, "#[A-Za-z0-9_]+", m => names[m.Value]);
        return Regex.Replace(text, ":[A-Za-z0-9_]+", m => values[m.Value]);
    }

    private static void AssertOneIndexQuery(RequestLog log, string expectedKeyCondition)
    {
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Query", "ByTenantRegion"), (request.Operation, request.IndexName));
        Assert.Equal(expectedKeyCondition, KeyCondition(request));
    }

    [Fact]
    public async Task Equality_on_both_partition_attributes_reads_the_partition_in_sort_attribute_order()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var readings = await context.Readings.Where(r => r.Tenant == "acme" && r.Region == "eu").ToListAsync();

        var expected = fixture.Readings.Where(r => r.Tenant == "acme" && r.Region == "eu")
            .OrderBy(r => r.Day).ThenBy(r => r.Sensor, StringComparer.Ordinal).ThenBy(r => r.Sequence);
        Assert.Equal(expected.Select(r => r.Id), readings.Select(r => r.Id));
        AssertOneIndexQuery(log, "Tenant = S:acme AND Region = S:eu");
    }

    [Fact]
    public async Task A_range_on_the_first_sort_attribute_is_in_the_key_condition()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var readings = await context.Readings.Where(r => r.Tenant == "globex" && r.Region == "us" && r.Day >= Day2).ToListAsync();

        Assert.Equal(
            fixture.Readings.Where(r => r.Tenant == "globex" && r.Region == "us" && r.Day >= Day2).Select(r => r.Id).Order(StringComparer.Ordinal),
            readings.Select(r => r.Id).Order(StringComparer.Ordinal));
        AssertOneIndexQuery(log, "Tenant = S:globex AND Region = S:us AND Day >= S:2026-03-02");
    }

    [Fact]
    public async Task Equality_on_the_first_sort_attribute_and_StartsWith_on_the_second_is_in_the_key_condition()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var readings = await context.Readings.Where(r => r.Tenant == "acme" && r.Region == "us" && r.Day == Day2 && r.Sensor.StartsWith("temp")).ToListAsync();

        var expected = fixture.Readings.Where(r => r.Tenant == "acme" && r.Region == "us" && r.Day == Day2 && r.Sensor.StartsWith("temp", StringComparison.Ordinal));
        Assert.Equal(6, readings.Count);
        Assert.Equal(expected.Select(r => r.Id).Order(StringComparer.Ordinal), readings.Select(r => r.Id).Order(StringComparer.Ordinal));
        AssertOneIndexQuery(log, "Tenant = S:acme AND Region = S:us AND Day = S:2026-03-02 AND begins_with(Sensor, S:temp)");
    }

    [Fact]
    public async Task Equality_on_every_sort_attribute_but_the_last_and_a_range_on_the_last_reads_backward_when_ordered_descending()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var readings = await context.Readings
            .Where(r => r.Tenant == "acme" && r.Region == "eu" && r.Day == Day2 && r.Sensor == "temp-1" && r.Sequence > 1)
            .OrderByDescending(r => r.Sequence)
            .ToListAsync();

        Assert.Equal(["acme/eu/2/temp-1/3", "acme/eu/2/temp-1/2"], readings.Select(r => r.Id));
        AssertOneIndexQuery(log, "Tenant = S:acme AND Region = S:eu AND Day = S:2026-03-02 AND Sensor = S:temp-1 AND Sequence > N:1");
        Assert.False(log.Requests[0].Details().Bool("ScanIndexForward"));
    }

    [Fact]
    public async Task Ordering_by_every_sort_attribute_descending_reads_backward_and_Take_stops_early()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var readings = await context.Readings
            .Where(r => r.Tenant == "globex" && r.Region == "eu")
            .OrderByDescending(r => r.Day).ThenByDescending(r => r.Sensor).ThenByDescending(r => r.Sequence)
            .Take(4)
            .ToListAsync();

        var expected = fixture.Readings.Where(r => r.Tenant == "globex" && r.Region == "eu")
            .OrderByDescending(r => r.Day).ThenByDescending(r => r.Sensor, StringComparer.Ordinal).ThenByDescending(r => r.Sequence)
            .Take(4);
        Assert.Equal(expected.Select(r => r.Id), readings.Select(r => r.Id));
        AssertOneIndexQuery(log, "Tenant = S:globex AND Region = S:eu");
        var details = log.Requests[0].Details();
        Assert.False(details.Bool("ScanIndexForward"));
        Assert.Equal(4, details.Int("Limit"));
        Assert.DoesNotContain(DynamoDbEventId.ClientSideOrderingWarning, log.EventIds);
    }

    [Fact]
    public async Task A_condition_on_a_sort_attribute_after_a_gap_is_checked_on_the_items_of_the_partition()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var readings = await context.Readings.Where(r => r.Tenant == "acme" && r.Region == "eu" && r.Sequence == 3).ToListAsync();

        Assert.Equal(
            fixture.Readings.Where(r => r.Tenant == "acme" && r.Region == "eu" && r.Sequence == 3).Select(r => r.Id).Order(StringComparer.Ordinal),
            readings.Select(r => r.Id).Order(StringComparer.Ordinal));
        AssertOneIndexQuery(log, "Tenant = S:acme AND Region = S:eu");
    }

    [Fact]
    public async Task Equality_on_one_partition_attribute_only_scans_the_table()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var readings = await context.Readings.Where(r => r.Tenant == "acme" && r.Day == Day2 && r.Sequence == 1).ToListAsync();

        Assert.Equal(
            fixture.Readings.Where(r => r.Tenant == "acme" && r.Day == Day2 && r.Sequence == 1).Select(r => r.Id).Order(StringComparer.Ordinal),
            readings.Select(r => r.Id).Order(StringComparer.Ordinal));
        var request = Assert.Single(log.Requests);
        Assert.Equal(("Scan", null), (request.Operation, request.IndexName));
        Assert.Contains(DynamoDbEventId.ScanQueryWarning, log.EventIds);
    }

    [Fact]
    public async Task WithIndex_without_every_partition_attribute_fails_before_sending()
    {
        var log = new RequestLog();
        await using var context = Context(log);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            context.Readings.Where(r => r.Tenant == "acme" && r.Day == Day2).WithIndex("ByTenantRegion").ToListAsync());

        Assert.Equal(DynamoDbStrings.MultiAttributeIndexKeyNotConstrained("ByTenantRegion", "'Tenant', 'Region'", "'Day', 'Sensor', 'Sequence'"), error.Message);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task Pages_of_a_multi_attribute_index_continue_where_the_last_one_ended()
    {
        var log = new RequestLog();
        await using var context = Context(log);
        var query = context.Readings.AsNoTracking().Where(r => r.Tenant == "globex" && r.Region == "us" && r.Day < new DateOnly(2026, 3, 3));

        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await query.ToPageAsync(5, token);
            ids.AddRange(page.Values.Select(r => r.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        var expected = fixture.Readings.Where(r => r.Tenant == "globex" && r.Region == "us" && r.Day < new DateOnly(2026, 3, 3))
            .OrderBy(r => r.Day).ThenBy(r => r.Sensor, StringComparer.Ordinal).ThenBy(r => r.Sequence);
        Assert.Equal(expected.Select(r => r.Id), ids);
        Assert.All(log.Requests, r => Assert.Equal(("Query", "ByTenantRegion"), (r.Operation, r.IndexName)));
    }

    [Fact]
    public async Task The_table_has_the_index_with_every_key_attribute_in_order()
    {
        var table = (await fixture.RawClient.DescribeTableAsync(fixture.TableName("Readings"))).Table;

        var index = Assert.Single(table.GlobalSecondaryIndexes);
        Assert.Equal(
            [("Tenant", KeyType.HASH), ("Region", KeyType.HASH), ("Day", KeyType.RANGE), ("Sensor", KeyType.RANGE), ("Sequence", KeyType.RANGE)],
            index.KeySchema.Select(k => (k.AttributeName, k.KeyType)));
    }

    [Fact]
    public async Task EnsureCreated_adds_a_multi_attribute_index_to_an_existing_table_and_queries_use_it()
    {
        var prefix = DynamoDbContextFixture<ReadingsContext>.NewTableNamePrefix();
        try
        {
            await using (var v1 = CreateContext<ReadingsWithoutIndexContext>(prefix))
            {
                Assert.True(await v1.Database.EnsureCreatedAsync());
                await v1.Readings.BatchPutAsync(fixture.Readings.Where(r => r.Day == Day2 && r.Sequence == 1));
            }

            var log = new RequestLog();
            await using (var v2 = CreateContext<ReadingsContext>(prefix, log))
            {
                await v2.Database.EnsureCreatedAsync();
                Assert.Equal(["UpdateTable"], log.Operations.Where(o => o is "UpdateTable" or "CreateTable"));

                log.Clear();
                var readings = await v2.Readings.Where(r => r.Tenant == "acme" && r.Region == "us" && r.Day == Day2).ToListAsync();

                Assert.Equal(["acme/us/2/humidity-1/1", "acme/us/2/temp-1/1", "acme/us/2/temp-2/1"], readings.Select(r => r.Id));
                Assert.Equal([("Query", "ByTenantRegion")], log.Requests.Select(r => (r.Operation, r.IndexName)));
            }
        }
        finally
        {
            await using var cleanup = CreateContext<ReadingsContext>(prefix);
            await cleanup.Database.EnsureDeletedAsync();
        }
    }

    private TContext CreateContext<TContext>(string prefix, RequestLog? log = null)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>().UseDynamoDb(d => d.ServiceUrl(fixture.Server.ServiceUrl).TableNamePrefix(prefix)).ForTests();
        log?.AttachTo(builder);
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TableOptions;

/// <summary>
/// Capacity settings against DynamoDB Local, checked with the raw DescribeTable and against
/// GetCreateTableRequests: provisioned tables and their global indexes, an explicitly on-demand table, a shared
/// table whose capacity a type other than the first configures; and EnsureCreated refusing an existing table whose
/// key schema differs from the model.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class TableOptionsTests(TableOptionsFixture fixture) : IClassFixture<TableOptionsFixture>
{
    private static (long?, long?) Units(ProvisionedThroughputDescription? throughput) => (throughput?.ReadCapacityUnits, throughput?.WriteCapacityUnits);

    private static (long?, long?) Units(ProvisionedThroughput? throughput) => (throughput?.ReadCapacityUnits, throughput?.WriteCapacityUnits);

    [Fact]
    public void HasProvisionedThroughput_provisions_the_table()
    {
        var table = fixture.Describe("Meters");

        Assert.Equal((5L, 4L), Units(table.ProvisionedThroughput));
        Assert.NotEqual(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode);
    }

    [Theory]
    [InlineData("Meters", "ByZone", 2, 1)]
    [InlineData("Meters", "ByKind", 5, 4)]
    [InlineData("Devices", "ApplianceByZone", 2, 2)]
    [InlineData("Devices", "SensorByZone", 3, 3)]
    public void A_global_index_has_its_own_throughput_or_the_tables(string table, string index, long read, long write)
        => Assert.Equal(
            (read, write),
            Units(Assert.Single(fixture.Describe(table).GlobalSecondaryIndexes, i => i.IndexName == index).ProvisionedThroughput));

    [Fact]
    public void HasBillingMode_PayPerRequest_creates_an_on_demand_table()
    {
        var table = fixture.Describe("Gauges");

        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode);
        Assert.Contains(table.ProvisionedThroughput?.ReadCapacityUnits, new long?[] { null, 0 });
        Assert.Equal("ByZone", Assert.Single(table.GlobalSecondaryIndexes).IndexName);
    }

    [Fact]
    public void A_shared_table_has_the_capacity_one_of_its_types_configures()
    {
        var table = fixture.Describe("Devices");

        Assert.Equal((3L, 3L), Units(table.ProvisionedThroughput));
        Assert.NotEqual(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode);
    }

    [Fact]
    public async Task GetCreateTableRequests_show_the_capacity_that_was_created()
    {
        await using var context = fixture.CreateContext();

        var requests = context.Database.GetCreateTableRequests().ToDictionary(r => r.TableName);

        foreach (var table in new[] { "Meters", "Gauges", "Devices" })
        {
            var request = requests[fixture.TableName(table)];
            var description = fixture.Describe(table);
            Assert.Equal(description.BillingModeSummary?.BillingMode == BillingMode.PAY_PER_REQUEST, request.BillingMode == BillingMode.PAY_PER_REQUEST);
            if (request.BillingMode == BillingMode.PROVISIONED)
            {
                Assert.Equal(Units(description.ProvisionedThroughput), Units(request.ProvisionedThroughput));
                Assert.Equal(
                    description.GlobalSecondaryIndexes.Select(i => (i.IndexName, Units(i.ProvisionedThroughput))).OrderBy(i => i.IndexName, StringComparer.Ordinal),
                    request.GlobalSecondaryIndexes.Select(i => (i.IndexName, Units(i.ProvisionedThroughput))).OrderBy(i => i.IndexName, StringComparer.Ordinal));
            }
            else
            {
                Assert.Null(request.ProvisionedThroughput);
                Assert.All(request.GlobalSecondaryIndexes, i => Assert.Null(i.ProvisionedThroughput));
            }
        }
    }

    [Fact]
    public async Task Items_are_written_and_read_through_a_provisioned_tables_index()
    {
        await using (var context = fixture.CreateContext())
        {
            context.Meters.Add(new Meter { Id = "m1", Zone = "north", Kind = "water" });
            context.Sensors.Add(new Sensor { Id = "s1", Zone = "north" });
            await context.SaveChangesAsync();
        }

        var log = new RequestLog();
        await using var reader = fixture.CreateContext(log);
        Assert.Equal(["m1"], (await reader.Meters.Where(m => m.Zone == "north").ToListAsync()).Select(m => m.Id));
        Assert.Equal(["s1"], (await reader.Sensors.Where(s => s.Zone == "north").ToListAsync()).Select(s => s.Id));
        Assert.Equal([("Query", "ByZone"), ("Query", "SensorByZone")], log.Requests.Select(r => (r.Operation, r.IndexName)));
    }

    [Fact]
    public async Task EnsureCreated_throws_when_an_existing_table_has_another_key_attribute_type()
    {
        var prefix = DynamoDbContextFixture<TableOptionsContext>.NewTableNamePrefix();
        await fixture.RawClient.CreateTableAsync(new CreateTableRequest
        {
            TableName = prefix + "Gauges",
            KeySchema = [new KeySchemaElement("Id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("Id", ScalarAttributeType.N)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });

        await AssertKeyMismatchAsync(prefix, "Gauges", "(Id HASH S)", "(Id HASH N)");
    }

    [Fact]
    public async Task EnsureCreated_throws_when_an_existing_table_has_another_sort_key()
    {
        var prefix = DynamoDbContextFixture<TableOptionsContext>.NewTableNamePrefix();
        await fixture.RawClient.CreateTableAsync(new CreateTableRequest
        {
            TableName = prefix + "Meters",
            KeySchema = [new KeySchemaElement("Id", KeyType.HASH), new KeySchemaElement("Zone", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("Id", ScalarAttributeType.S), new AttributeDefinition("Zone", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });

        await AssertKeyMismatchAsync(prefix, "Meters", "(Id HASH S)", "(Id HASH S, Zone RANGE S)");
    }

    private async Task AssertKeyMismatchAsync(string prefix, string table, string expected, string actual)
    {
        var options = new DbContextOptionsBuilder<TableOptionsContext>()
            .UseDynamoDb(d => d.ServiceUrl(fixture.Server.ServiceUrl).TableNamePrefix(prefix))
            .ForTests()
            .Options;
        await using var context = new TableOptionsContext(options);
        try
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Database.EnsureCreatedAsync());

            Assert.Equal(DynamoDbStrings.ExistingTableKeyMismatch(prefix + table, expected, actual), exception.Message);
            var existing = (await fixture.RawClient.DescribeTableAsync(prefix + table)).Table;
            Assert.Empty(existing.GlobalSecondaryIndexes ?? []);
            Assert.Equal(BillingMode.PAY_PER_REQUEST, existing.BillingModeSummary?.BillingMode);
        }
        finally
        {
            await context.Database.EnsureDeletedAsync();
        }
    }
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// EnsureCreated creates the secondary indexes of <see cref="TicketsContext" /> (checked with the raw
/// DescribeTable: key schema, projection, non-key attributes, provisioned throughput), and GetCreateTableRequests
/// shows them without creating anything.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class SecondaryIndexSchemaTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    [Fact]
    public void The_table_is_provisioned_with_its_own_throughput()
    {
        var table = fixture.Table;

        Assert.Equal(
            [("Project", KeyType.HASH), ("Code", KeyType.RANGE)],
            table.KeySchema.Select(k => (k.AttributeName, k.KeyType)));
        Assert.Equal(
            (TicketsContext.TableReadCapacity, TicketsContext.TableWriteCapacity),
            (table.ProvisionedThroughput.ReadCapacityUnits, table.ProvisionedThroughput.WriteCapacityUnits));
        Assert.NotEqual(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode);
    }

    [Fact]
    public void Every_table_and_index_key_attribute_is_defined_once_with_its_type()
        => Assert.Equal(
            [("Assignee", "S"), ("Code", "S"), ("Due", "S"), ("Milestone", "S"), ("Opened", "S"), ("Points", "N"), ("Project", "S"), ("Reporter", "S"), ("Severity", "N"), ("State", "S")],
            fixture.Table.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)).OrderBy(d => d.AttributeName, StringComparer.Ordinal));

    [Fact]
    public void EnsureCreated_creates_exactly_the_declared_global_and_local_indexes()
    {
        Assert.Equal(["ByAssignee", "ByMilestone", "ByReporter", "BySeverityDue", "ByState"], fixture.Table.GlobalSecondaryIndexes.Select(i => i.IndexName).Order(StringComparer.Ordinal));
        Assert.Equal(["ByOpened", "ByPoints"], fixture.Table.LocalSecondaryIndexes.Select(i => i.IndexName).Order(StringComparer.Ordinal));
        Assert.All(fixture.Table.GlobalSecondaryIndexes, i => Assert.Equal(IndexStatus.ACTIVE, i.IndexStatus));
    }

    [Theory]
    [InlineData("ByAssignee", "Assignee", "Opened", "ALL", "", 2, 3)]
    [InlineData("ByState", "State", "Points", "KEYS_ONLY", "", TicketsContext.TableReadCapacity, TicketsContext.TableWriteCapacity)]
    [InlineData("ByReporter", "Reporter", null, "INCLUDE", "Estimate,Title", 3, 1)]
    [InlineData("ByMilestone", "Milestone", null, "ALL", "", TicketsContext.TableReadCapacity, TicketsContext.TableWriteCapacity)]
    [InlineData("BySeverityDue", "Severity", "Due", "ALL", "", TicketsContext.TableReadCapacity, TicketsContext.TableWriteCapacity)]
    public void A_global_index_has_its_keys_projection_and_throughput(
        string name,
        string partitionKey,
        string? sortKey,
        string projectionType,
        string nonKeyAttributes,
        long readCapacity,
        long writeCapacity)
    {
        var index = Assert.Single(fixture.Table.GlobalSecondaryIndexes, i => i.IndexName == name);

        Assert.Equal(ExpectedKeySchema(partitionKey, sortKey), index.KeySchema.Select(k => (k.AttributeName, k.KeyType)));
        Assert.Equal(projectionType, index.Projection.ProjectionType.Value);
        Assert.Equal(nonKeyAttributes, string.Join(",", (index.Projection.NonKeyAttributes ?? []).Order(StringComparer.Ordinal)));
        Assert.Equal((readCapacity, writeCapacity), (index.ProvisionedThroughput.ReadCapacityUnits, index.ProvisionedThroughput.WriteCapacityUnits));
    }

    [Theory]
    [InlineData("ByOpened", "Opened", "ALL", "")]
    [InlineData("ByPoints", "Points", "INCLUDE", "Title")]
    public void A_local_index_has_the_table_partition_key_its_own_sort_key_and_projection(string name, string sortKey, string projectionType, string nonKeyAttributes)
    {
        var index = Assert.Single(fixture.Table.LocalSecondaryIndexes, i => i.IndexName == name);

        Assert.Equal(ExpectedKeySchema("Project", sortKey), index.KeySchema.Select(k => (k.AttributeName, k.KeyType)));
        Assert.Equal(projectionType, index.Projection.ProjectionType.Value);
        Assert.Equal(nonKeyAttributes, string.Join(",", (index.Projection.NonKeyAttributes ?? []).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task A_sparse_global_index_holds_only_the_items_that_have_its_key()
    {
        var response = await fixture.RawClient.ScanAsync(new ScanRequest { TableName = fixture.TableName("Tickets"), IndexName = "ByAssignee", Select = Select.COUNT });

        Assert.Equal(fixture.Tickets.Count(t => t.Assignee is not null), response.Count);
        Assert.InRange(response.Count ?? 0, 1, fixture.Tickets.Count - 1);
    }

    [Fact]
    public async Task GetCreateTableRequests_shows_the_indexes_without_creating_the_table()
    {
        var prefix = DynamoDbContextFixture<TicketsContext>.NewTableNamePrefix();
        var options = new DbContextOptionsBuilder<TicketsContext>()
            .UseDynamoDb(d => d.ServiceUrl(fixture.Server.ServiceUrl).TableNamePrefix(prefix))
            .ForTests()
            .Options;
        await using var context = new TicketsContext(options);

        var request = Assert.Single(context.Database.GetCreateTableRequests());

        Assert.Equal(prefix + "Tickets", request.TableName);
        Assert.Equal(BillingMode.PROVISIONED, request.BillingMode);
        Assert.Equal((TicketsContext.TableReadCapacity, TicketsContext.TableWriteCapacity), (request.ProvisionedThroughput.ReadCapacityUnits, request.ProvisionedThroughput.WriteCapacityUnits));
        Assert.Equal(
            [
                ("ByAssignee", "Assignee HASH, Opened RANGE", "ALL", "", 2L, 3L),
                ("ByMilestone", "Milestone HASH", "ALL", "", TicketsContext.TableReadCapacity, TicketsContext.TableWriteCapacity),
                ("ByReporter", "Reporter HASH", "INCLUDE", "Estimate,Title", 3L, 1L),
                ("BySeverityDue", "Severity HASH, Due RANGE", "ALL", "", TicketsContext.TableReadCapacity, TicketsContext.TableWriteCapacity),
                ("ByState", "State HASH, Points RANGE", "KEYS_ONLY", "", TicketsContext.TableReadCapacity, TicketsContext.TableWriteCapacity),
            ],
            request.GlobalSecondaryIndexes
                .Select(i => (i.IndexName, Describe(i.KeySchema), i.Projection.ProjectionType.Value, NonKey(i.Projection),
                    i.ProvisionedThroughput.ReadCapacityUnits ?? 0, i.ProvisionedThroughput.WriteCapacityUnits ?? 0))
                .OrderBy(i => i.IndexName, StringComparer.Ordinal));
        Assert.Equal(
            [("ByOpened", "Project HASH, Opened RANGE", "ALL", ""), ("ByPoints", "Project HASH, Points RANGE", "INCLUDE", "Title")],
            request.LocalSecondaryIndexes
                .Select(i => (i.IndexName, Describe(i.KeySchema), i.Projection.ProjectionType.Value, NonKey(i.Projection)))
                .OrderBy(i => i.IndexName, StringComparer.Ordinal));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => fixture.RawClient.DescribeTableAsync(prefix + "Tickets"));
    }

    [Fact]
    public async Task GenerateCreateScript_names_every_index()
    {
        await using var context = fixture.CreateContext();

        // Named in full: this project also sees the relational GenerateCreateScript.
        var script = DynamoDbDatabaseFacadeExtensions.GenerateCreateScript(context.Database);

        foreach (var index in new[] { "ByAssignee", "ByState", "ByReporter", "ByMilestone", "BySeverityDue", "ByOpened", "ByPoints" })
        {
            Assert.Contains("\"" + index + "\"", script, StringComparison.Ordinal);
        }

        Assert.Contains("KEYS_ONLY", script, StringComparison.Ordinal);
        Assert.Contains("INCLUDE", script, StringComparison.Ordinal);
    }

    private static List<(string, KeyType)> ExpectedKeySchema(string partitionKey, string? sortKey)
        => sortKey is null ? [(partitionKey, KeyType.HASH)] : [(partitionKey, KeyType.HASH), (sortKey, KeyType.RANGE)];

    private static string Describe(List<KeySchemaElement> keySchema)
        => string.Join(", ", keySchema.Select(k => k.AttributeName + " " + k.KeyType.Value));

    private static string NonKey(Projection projection)
        => string.Join(",", (projection.NonKeyAttributes ?? []).Order(StringComparer.Ordinal));
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.EnsureCreated;

/// <summary>EnsureCreatedAsync / EnsureDeletedAsync against DynamoDB Local, checked with the raw DescribeTable.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class EnsureCreatedTests(EnsureCreatedFixture fixture, DynamoDbServerFixture server) : IClassFixture<EnsureCreatedFixture>
{
    [Fact]
    public void EnsureCreated_returns_true_when_it_created_tables()
        => Assert.True(fixture.FirstEnsureCreatedResult);

    [Fact]
    public async Task EnsureCreated_returns_false_when_every_table_already_exists()
    {
        await using var context = fixture.CreateContext();

        Assert.False(await context.Database.EnsureCreatedAsync());
    }

    [Fact]
    public async Task EnsureCreated_creates_one_active_table_per_entity_type_with_prefix_and_suffix()
    {
        var tableNames = new List<string>();
        string? start = null;
        do
        {
            var page = await server.RawClient.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start });
            tableNames.AddRange(page.TableNames ?? []);
            start = page.LastEvaluatedTableName;
        }
        while (start is not null);

        Assert.Equal(
            [
                fixture.TableNamePrefix + "Attachments-v2",
                fixture.TableNamePrefix + "Customers-v2",
                fixture.TableNamePrefix + "EFKeyCounters-v2",
                fixture.TableNamePrefix + "Ledger-v2",
                fixture.TableNamePrefix + "Shipments-v2",
                fixture.TableNamePrefix + "Tallies-v2",
            ],
            tableNames.Where(n => n.StartsWith(fixture.TableNamePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(
            new[] { "Customers", "Shipments", "Attachments", "Ledger", "Tallies" },
            t => Assert.Equal(TableStatus.ACTIVE, fixture.Describe(t).TableStatus));
    }

    [Fact]
    public void ToTable_names_the_table()
        => Assert.Equal(fixture.TableNamePrefix + "Tallies-v2", fixture.Describe("Tallies").TableName);

    [Fact]
    public void Single_property_key_becomes_a_HASH_only_key_schema()
    {
        var table = fixture.Describe("Customers");

        var key = Assert.Single(table.KeySchema);
        Assert.Equal("Id", key.AttributeName);
        Assert.Equal(KeyType.HASH, key.KeyType);
        Assert.Equal(ScalarAttributeType.S, Assert.Single(table.AttributeDefinitions).AttributeType);
    }

    [Fact]
    public void Two_property_key_becomes_HASH_and_RANGE_in_key_order()
    {
        var table = fixture.Describe("Shipments");

        Assert.Equal(
            [("Carrier", KeyType.HASH), ("Number", KeyType.RANGE)],
            table.KeySchema.Select(k => (k.AttributeName, k.KeyType)));
    }

    [Theory]
    [InlineData("Customers", "Id", "S")]
    [InlineData("Shipments", "Carrier", "S")]
    [InlineData("Shipments", "Number", "N")]
    [InlineData("Attachments", "Hash", "B")]
    [InlineData("Ledger", "PK", "S")]
    [InlineData("Ledger", "SK", "S")]
    [InlineData("Tallies", "Id", "N")]
    public void Key_attribute_type_follows_the_key_property_type(string table, string attribute, string expectedType)
    {
        var definitions = fixture.Describe(table).AttributeDefinitions;

        Assert.Equal(expectedType, Assert.Single(definitions, d => d.AttributeName == attribute).AttributeType.Value);
    }

    [Fact]
    public void Only_key_attributes_are_defined()
    {
        Assert.Equal(["Carrier", "Number"], fixture.Describe("Shipments").AttributeDefinitions.Select(d => d.AttributeName).Order(StringComparer.Ordinal));
        Assert.Equal(["Id"], fixture.Describe("Customers").AttributeDefinitions.Select(d => d.AttributeName));
    }

    [Fact]
    public void HasAttributeName_renames_the_key_attributes()
    {
        var table = fixture.Describe("Ledger");

        Assert.Equal([("PK", KeyType.HASH), ("SK", KeyType.RANGE)], table.KeySchema.Select(k => (k.AttributeName, k.KeyType)));
    }

    [Fact]
    public void Tables_are_billed_per_request()
        => Assert.All(
            new[] { "Customers", "Shipments", "Attachments", "Ledger", "Tallies" },
            t => Assert.Equal(BillingMode.PAY_PER_REQUEST, fixture.Describe(t).BillingModeSummary?.BillingMode));

    [Fact]
    public async Task GetCreateTableRequests_describes_the_tables_without_creating_them()
    {
        var prefix = DynamoDbContextFixture<SchemaContext>.NewTableNamePrefix();
        await using var context = CreateContext<SchemaContext>(prefix);

        var requests = context.Database.GetCreateTableRequests();

        Assert.Equal(
            [prefix + "Attachments", prefix + "Customers", prefix + "EFKeyCounters", prefix + "Ledger", prefix + "Shipments", prefix + "Tallies"],
            requests.Select(r => r.TableName).Order(StringComparer.Ordinal));
        Assert.All(requests, r => Assert.Equal(BillingMode.PAY_PER_REQUEST, r.BillingMode));
        await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => server.RawClient.DescribeTableAsync(prefix + "Customers"));
    }

    [Fact]
    public async Task EnsureDeleted_deletes_the_tables_and_returns_true()
    {
        var prefix = DynamoDbContextFixture<SchemaContext>.NewTableNamePrefix();
        await using var context = CreateContext<SchemaContext>(prefix);
        await context.Database.EnsureCreatedAsync();

        Assert.True(await context.Database.EnsureDeletedAsync());

        foreach (var table in new[] { "Customers", "Shipments", "Attachments", "Ledger", "Tallies" })
        {
            await Assert.ThrowsAsync<ResourceNotFoundException>(() => server.RawClient.DescribeTableAsync(prefix + table));
        }
    }

    [Fact]
    public async Task EnsureDeleted_returns_false_when_no_table_exists()
    {
        await using var context = CreateContext<SchemaContext>(DynamoDbContextFixture<SchemaContext>.NewTableNamePrefix());

        Assert.False(await context.Database.EnsureDeletedAsync());
    }

    [Fact]
    public async Task EnsureCreated_after_EnsureDeleted_creates_the_tables_again()
    {
        var prefix = DynamoDbContextFixture<SchemaContext>.NewTableNamePrefix();
        await using var context = CreateContext<SchemaContext>(prefix);
        Assert.True(await context.Database.EnsureCreatedAsync());
        Assert.True(await context.Database.EnsureDeletedAsync());

        Assert.True(await context.Database.EnsureCreatedAsync());

        Assert.Equal(TableStatus.ACTIVE, (await server.RawClient.DescribeTableAsync(prefix + "Customers")).Table.TableStatus);
        await context.Database.EnsureDeletedAsync();
    }

    [Fact]
    public async Task EnsureCreated_creates_only_the_missing_tables_and_returns_true()
    {
        var prefix = DynamoDbContextFixture<SchemaContext>.NewTableNamePrefix();
        await using var context = CreateContext<SchemaContext>(prefix);
        await context.Database.EnsureCreatedAsync();
        await server.RawClient.PutItemAsync(prefix + "Customers", new() { ["Id"] = Attr.S("kept") });
        await server.RawClient.DeleteTableAsync(prefix + "Tallies");

        Assert.True(await context.Database.EnsureCreatedAsync());

        Assert.Equal(TableStatus.ACTIVE, (await server.RawClient.DescribeTableAsync(prefix + "Tallies")).Table.TableStatus);
        var kept = await server.RawClient.GetItemAsync(prefix + "Customers", new() { ["Id"] = Attr.S("kept") });
        Assert.Equal("kept", kept.Item["Id"].S);
        await context.Database.EnsureDeletedAsync();
    }

    [Fact]
    public async Task EnsureCreated_throws_when_an_existing_table_has_another_key_schema()
    {
        var prefix = DynamoDbContextFixture<SchemaContext>.NewTableNamePrefix();
        await using (var context = CreateContext<SchemaContext>(prefix))
        {
            await context.Database.EnsureCreatedAsync();
        }

        await using (var conflicting = CreateContext<ConflictingSchemaContext>(prefix))
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => conflicting.Database.EnsureCreatedAsync());

            Assert.Contains(prefix + "Customers", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Region", exception.Message, StringComparison.Ordinal);
            Assert.Contains("already exists", exception.Message, StringComparison.Ordinal);
        }

        await using (var context = CreateContext<SchemaContext>(prefix))
        {
            await context.Database.EnsureDeletedAsync();
        }
    }

    [Fact]
    public async Task EnsureCreated_through_a_supplied_client_creates_the_tables()
    {
        var prefix = DynamoDbContextFixture<SchemaContext>.NewTableNamePrefix();
        var options = new DbContextOptionsBuilder<SchemaContext>()
            .UseDynamoDb(server.RawClient, d => d.TableNamePrefix(prefix))
            .ForTests()
            .Options;
        await using var context = new SchemaContext(options);

        Assert.True(await context.Database.EnsureCreatedAsync());

        Assert.Same(server.RawClient, context.Database.GetDynamoDbClient());
        Assert.True(context.Database.IsDynamoDb());
        Assert.Equal(TableStatus.ACTIVE, (await server.RawClient.DescribeTableAsync(prefix + "Shipments")).Table.TableStatus);
        await context.Database.EnsureDeletedAsync();
    }

    private TContext CreateContext<TContext>(string prefix)
        where TContext : DbContext
        => (TContext)Activator.CreateInstance(
            typeof(TContext),
            new DbContextOptionsBuilder<TContext>().UseDynamoDb(d => d.ServiceUrl(server.ServiceUrl).TableNamePrefix(prefix)).ForTests().Options)!;
}

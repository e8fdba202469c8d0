using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.TableOptions;

/// <summary>Creates the <see cref="TableOptionsContext" /> tables and keeps what the raw DescribeTable says about each.</summary>
public sealed class TableOptionsFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<TableOptionsContext>(server)
{
    private readonly Dictionary<string, TableDescription> _tables = [];

    /// <summary>DescribeTable (raw) of a model table after EnsureCreatedAsync.</summary>
    public TableDescription Describe(string modelTableName) => _tables[modelTableName];

    /// <inheritdoc />
    protected override async Task SeedAsync(TableOptionsContext context)
    {
        foreach (var table in new[] { "Meters", "Gauges", "Devices" })
        {
            _tables[table] = (await RawClient.DescribeTableAsync(TableName(table))).Table;
        }
    }
}

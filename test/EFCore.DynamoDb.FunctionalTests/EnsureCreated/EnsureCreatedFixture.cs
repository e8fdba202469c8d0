using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.EnsureCreated;

/// <summary>
/// Creates the <see cref="SchemaContext" /> tables once, with a prefix and a suffix, and remembers what
/// EnsureCreatedAsync returned and what DescribeTable says about each table afterwards.
/// </summary>
public sealed class EnsureCreatedFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<SchemaContext>(server)
{
    private readonly Dictionary<string, TableDescription> _tables = [];

    /// <inheritdoc />
    public override string TableNameSuffix => "-v2";

    /// <summary>What the first EnsureCreatedAsync returned.</summary>
    public bool FirstEnsureCreatedResult { get; private set; }

    /// <summary>DescribeTable (raw) of the model table, after EnsureCreatedAsync.</summary>
    public TableDescription Describe(string modelTableName) => _tables[modelTableName];

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        await using (var context = CreateContext())
        {
            FirstEnsureCreatedResult = await context.Database.EnsureCreatedAsync();
        }

        foreach (var table in new[] { "Customers", "Shipments", "Attachments", "Ledger", "Tallies" })
        {
            _tables[table] = (await RawClient.DescribeTableAsync(TableName(table))).Table;
        }
    }
}

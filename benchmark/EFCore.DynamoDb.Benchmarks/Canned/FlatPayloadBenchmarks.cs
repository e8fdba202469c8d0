using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The canned-response benchmarks with the flat payload.</summary>
public class FlatPayloadBenchmarks : CannedBenchmarks<FlatItem, FlatContext>
{
    /// <inheritdoc />
    protected override string TableName => FlatItem.FlatTableName;

    /// <inheritdoc />
    protected override FlatItem NewItem(int i) => Payloads.Flat(i);

    /// <inheritdoc />
    protected override Dictionary<string, AttributeValue> ToItem(FlatItem value) => HandWrittenMapping.ToItem(value);

    /// <inheritdoc />
    protected override FlatItem FromItem(Dictionary<string, AttributeValue> item) => HandWrittenMapping.ToFlat(item);

    /// <inheritdoc />
    protected override Task<List<FlatItem>> QueryPartitionAsync(FlatContext context, string partitionKey)
        => context.Items.Where(i => i.Pk == partitionKey).AsNoTracking().ToListAsync();
}

using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>The canned-response benchmarks with the mixed payload.</summary>
public class MixedPayloadBenchmarks : CannedBenchmarks<MixedItem, MixedContext>
{
    /// <inheritdoc />
    protected override string TableName => MixedItem.MixedTableName;

    /// <inheritdoc />
    protected override MixedItem NewItem(int i) => Payloads.Mixed(i);

    /// <inheritdoc />
    protected override Dictionary<string, AttributeValue> ToItem(MixedItem value) => HandWrittenMapping.ToItem(value);

    /// <inheritdoc />
    protected override MixedItem FromItem(Dictionary<string, AttributeValue> item) => HandWrittenMapping.ToMixed(item);

    /// <inheritdoc />
    protected override Task<List<MixedItem>> QueryPartitionAsync(MixedContext context, string partitionKey)
        => context.Items.Where(i => i.Pk == partitionKey).AsNoTracking().ToListAsync();
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.BatchWrites;

/// <summary>The batch write tables, empty at the start; each test writes keys of its own.</summary>
public sealed class BatchWritesFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<BatchWritesContext>(server)
{
    /// <summary>A new context on this fixture's tables that sends through <paramref name="client" />, such as one with faults injected.</summary>
    public BatchWritesContext CreateContext(IAmazonDynamoDB client)
        => new(new DbContextOptionsBuilder<BatchWritesContext>().UseDynamoDb(client, d => d.TableNamePrefix(TableNamePrefix)).ForTests().Options);

    /// <summary>Every item of one of the model's tables, read with the raw SDK (strongly consistent).</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> ScanRawAsync(string modelTableName)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await RawClient.ScanAsync(new ScanRequest
            {
                TableName = TableName(modelTableName),
                ConsistentRead = true,
                ExclusiveStartKey = startKey,
            });
            items.AddRange(response.Items ?? []);
            startKey = response.LastEvaluatedKey is { Count: > 0 } lastKey ? lastKey : null;
        }
        while (startKey is not null);

        return items;
    }
}

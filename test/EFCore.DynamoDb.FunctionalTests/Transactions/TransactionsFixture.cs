using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Transactions;

/// <summary>
/// Empty tables of <see cref="TransactionsContext" />; each test writes items under keys of its own. Contexts record
/// the requests DynamoDB answered (<see cref="RequestLog" />) and the writes attempted (<see cref="AttemptLog" />).
/// </summary>
public sealed class TransactionsFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<TransactionsContext>(server)
{
    /// <summary>A context that logs its requests with their details and records the writes it attempts.</summary>
    public TransactionsContext CreateLoggedContext(RequestLog log, Action<DynamoDbDbContextOptionsBuilder>? dynamoDb = null)
        => CreateContext(log, o =>
        {
            o.EnableSensitiveDataLogging();
            AttemptLog.Use(o);
            if (dynamoDb is not null)
            {
                o.UseDynamoDb(dynamoDb);
            }
        });

    /// <summary>A pool of contexts on this fixture's tables.</summary>
    public PooledDbContextFactory<TransactionsContext> CreatePool(RequestLog log)
    {
        var builder = new DbContextOptionsBuilder<TransactionsContext>()
            .UseDynamoDb(d => d.ServiceUrl(Server.ServiceUrl).TableNamePrefix(TableNamePrefix))
            .EnableSensitiveDataLogging()
            .ForTests();
        log.AttachTo(builder);
        return new PooledDbContextFactory<TransactionsContext>(builder.Options);
    }

    /// <summary>A parcel's item read raw, or null.</summary>
    public Task<Dictionary<string, AttributeValue>?> RawParcelAsync(string id) => GetRawItemAsync("Parcels", ("Id", Attr.S(id)));

    /// <summary>A warehouse's item read raw, or null.</summary>
    public Task<Dictionary<string, AttributeValue>?> RawWarehouseAsync(string id) => GetRawItemAsync("Warehouses", ("Id", Attr.S(id)));

    /// <summary>Every parcel item whose Id starts with the prefix, read raw with a consistent scan over all pages.</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> RawParcelsAsync(string idPrefix)
        => (await ScanRawAsync("Parcels")).Where(item => item["Id"].S.StartsWith(idPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>Writes a parcel's item raw, bypassing the provider.</summary>
    public Task PutRawParcelAsync(string id, string label)
        => RawClient.PutItemAsync(TableName("Parcels"), new() { ["Id"] = Attr.S(id), ["Label"] = Attr.S(label), ["Weight"] = Attr.N(0), ["Score"] = Attr.N(0) });

    /// <summary>Writes a warehouse's item raw, bypassing the provider.</summary>
    public Task PutRawWarehouseAsync(string id, bool open, int capacity = 10, int revision = 1)
        => RawClient.PutItemAsync(TableName("Warehouses"), new()
        {
            ["Id"] = Attr.S(id),
            ["Open"] = new AttributeValue { BOOL = open },
            ["Capacity"] = Attr.N(capacity),
            ["Revision"] = Attr.N(revision),
        });
}

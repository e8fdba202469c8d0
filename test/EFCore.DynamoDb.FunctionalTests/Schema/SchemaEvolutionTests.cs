using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Schema;

/// <summary>
/// EnsureCreatedAsync on a table an earlier version of the model created: new global secondary indexes are added
/// (one UpdateTable each, waited for until ACTIVE, then used by queries over the items written before); a new
/// local secondary index is an error, since DynamoDB only creates those with the table. Each test has tables of
/// its own and deletes them.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class SchemaEvolutionTests(DynamoDbServerFixture server)
{
    [Fact]
    public async Task EnsureCreated_adds_the_models_new_global_indexes_to_the_existing_table_and_queries_use_them()
    {
        var prefix = DynamoDbContextFixture<TracksV1Context>.NewTableNamePrefix();
        var tableName = prefix + "Tracks";
        try
        {
            await using (var v1 = CreateContext<TracksV1Context>(prefix))
            {
                Assert.True(await v1.Database.EnsureCreatedAsync());
                v1.Tracks.AddRange(
                    new Track { Album = "a1", Number = 1, Artist = "nina", Genre = "jazz", Plays = 30 },
                    new Track { Album = "a1", Number = 2, Artist = "nina", Plays = 10 },
                    new Track { Album = "a2", Number = 1, Artist = "otis", Genre = "soul", Plays = 20 },
                    new Track { Album = "a3", Number = 7, Artist = "nina", Genre = "jazz", Plays = 20 });
                await v1.SaveChangesAsync();
            }

            Assert.Null((await server.RawClient.DescribeTableAsync(tableName)).Table.GlobalSecondaryIndexes);

            var log = new RequestLog();
            await using (var v2 = CreateContext<TracksV2Context>(prefix, log))
            {
                await v2.Database.EnsureCreatedAsync();
            }

            Assert.Equal(2, log.Operations.Count(o => o == "UpdateTable"));
            Assert.DoesNotContain("CreateTable", log.Operations);
            var table = (await server.RawClient.DescribeTableAsync(tableName)).Table;
            Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
            Assert.Equal(
                [("ByArtist", "ACTIVE"), ("ByGenre", "ACTIVE")],
                table.GlobalSecondaryIndexes.Select(i => (i.IndexName, i.IndexStatus.Value)).OrderBy(i => i.IndexName, StringComparer.Ordinal));
            var byArtist = table.GlobalSecondaryIndexes.Single(i => i.IndexName == "ByArtist");
            Assert.Equal([("Artist", KeyType.HASH), ("Plays", KeyType.RANGE)], byArtist.KeySchema.Select(k => (k.AttributeName, k.KeyType)));
            Assert.Equal(ProjectionType.ALL, byArtist.Projection.ProjectionType);
            Assert.Equal(ProjectionType.KEYS_ONLY, table.GlobalSecondaryIndexes.Single(i => i.IndexName == "ByGenre").Projection.ProjectionType);
            Assert.Equal(
                [("Album", "S"), ("Artist", "S"), ("Genre", "S"), ("Number", "N"), ("Plays", "N")],
                table.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)).OrderBy(d => d.AttributeName, StringComparer.Ordinal));

            log.Clear();
            await using (var v2 = CreateContext<TracksV2Context>(prefix, log))
            {
                var tracks = await v2.Tracks.Where(t => t.Artist == "nina").ToListAsync();

                Assert.Equal([("a1", 2), ("a3", 7), ("a1", 1)], tracks.Select(t => (t.Album, t.Number)));
                Assert.Equal([("Query", "ByArtist")], log.Requests.Select(r => (r.Operation, r.IndexName)));
            }

            log.Clear();
            await using (var v2 = CreateContext<TracksV2Context>(prefix, log))
            {
                Assert.False(await v2.Database.EnsureCreatedAsync());
            }

            Assert.DoesNotContain("UpdateTable", log.Operations);
        }
        finally
        {
            await using var cleanup = CreateContext<TracksV2Context>(prefix);
            await cleanup.Database.EnsureDeletedAsync();
        }
    }

    [Fact]
    public async Task EnsureCreated_of_a_model_with_a_new_local_index_on_an_existing_table_throws_and_changes_nothing()
    {
        var prefix = DynamoDbContextFixture<TracksV1Context>.NewTableNamePrefix();
        var tableName = prefix + "Tracks";
        try
        {
            await using (var v1 = CreateContext<TracksV1Context>(prefix))
            {
                await v1.Database.EnsureCreatedAsync();
            }

            var log = new RequestLog();
            await using (var local = CreateContext<TracksLocalIndexContext>(prefix, log))
            {
                var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => local.Database.EnsureCreatedAsync());

                Assert.Equal(DynamoDbStrings.MissingLocalIndex(tableName, "ByPlays"), exception.Message);
            }

            Assert.DoesNotContain("UpdateTable", log.Operations);
            Assert.DoesNotContain("CreateTable", log.Operations);
            var table = (await server.RawClient.DescribeTableAsync(tableName)).Table;
            Assert.Null(table.LocalSecondaryIndexes);
            Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        }
        finally
        {
            await using var cleanup = CreateContext<TracksV1Context>(prefix);
            await cleanup.Database.EnsureDeletedAsync();
        }
    }

    [Fact]
    public async Task EnsureCreated_of_a_model_with_a_local_index_on_a_new_table_creates_it_with_the_table()
    {
        var prefix = DynamoDbContextFixture<TracksLocalIndexContext>.NewTableNamePrefix();
        try
        {
            await using var context = CreateContext<TracksLocalIndexContext>(prefix);

            Assert.True(await context.Database.EnsureCreatedAsync());

            var table = (await server.RawClient.DescribeTableAsync(prefix + "Tracks")).Table;
            Assert.Equal(["ByPlays"], table.LocalSecondaryIndexes.Select(i => i.IndexName));
            Assert.False(await context.Database.EnsureCreatedAsync());
        }
        finally
        {
            await using var cleanup = CreateContext<TracksLocalIndexContext>(prefix);
            await cleanup.Database.EnsureDeletedAsync();
        }
    }

    private TContext CreateContext<TContext>(string prefix, RequestLog? log = null)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>().UseDynamoDb(d => d.ServiceUrl(server.ServiceUrl).TableNamePrefix(prefix)).ForTests();
        log?.AttachTo(builder);
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}

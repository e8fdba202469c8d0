using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Seeding;

/// <summary>
/// EnsureCreatedAsync writes the model's <c>HasData</c> seed data into the tables it creates, with the Put SaveChanges
/// sends for a new entity (conditioned on the item not existing), and runs <c>UseAsyncSeeding</c>.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class SeedingTests(DynamoDbServerFixture server)
{
    [Fact]
    public async Task EnsureCreated_writes_the_seed_items_with_owned_data_and_row_versions()
    {
        await using var store = await SeededStore.CreateAsync(server);

        var plants = (await store.ScanAsync("Plants")).OrderBy(i => i["Id"].N).ToList();
        Assert.Equal(2, plants.Count);
        Assert.Equal(["Care", "Id", "Notes", "Species", "Version"], plants[0].Keys.Order(StringComparer.Ordinal));
        Assert.Empty(plants[0]["Notes"].L);
        Assert.Equal("Fern", plants[0]["Species"].S);
        Assert.Equal("1", plants[0]["Version"].N);
        Assert.Equal("3", plants[0]["Care"].M["WaterEveryDays"].N);
        Assert.Equal("shade", plants[0]["Care"].M["Light"].S);
        Assert.Equal(["rarely water", "full sun"], plants[1]["Notes"].L.Select(n => n.M["Text"].S));
        Assert.False(plants[1].ContainsKey("Care"));
        Assert.Equal([("A", "1", "red"), ("A", "2", null)], (await store.ScanAsync("Pots"))
            .Select(i => (i["Shelf"].S, i["Slot"].N, i.TryGetValue("Color", out var color) ? color.S : null)).Order());
    }

    [Fact]
    public async Task Each_seed_item_is_a_Put_conditioned_on_the_item_not_existing()
    {
        var log = new RequestLog();
        await using var store = await SeededStore.CreateAsync(server, log);

        var puts = log.Requests.Where(r => r.Operation == "PutItem").ToList();
        Assert.Equal(4, puts.Count);
        Assert.DoesNotContain(log.Operations, o => o is "TransactWriteItems" or "BatchWriteItem");
        Assert.All(puts, p => Assert.Contains("attribute_not_exists(", p.RequestDetails, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seeded_entities_read_back_with_their_owned_data_and_the_context_tracks_nothing()
    {
        await using var store = await SeededStore.CreateAsync(server);
        await using var context = store.CreateContext();
        await context.Database.EnsureCreatedAsync();

        Assert.Empty(context.ChangeTracker.Entries());
        var plants = await context.Plants.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(["Fern", "Cactus"], plants.Select(p => p.Species));
        Assert.Equal((3, "shade"), (plants[0].Care!.WaterEveryDays, plants[0].Care!.Light));
        Assert.Null(plants[1].Care);
        Assert.Equal(["rarely water", "full sun"], plants[1].Notes.Select(n => n.Text));
        Assert.Equal([1L, 1L], plants.Select(p => p.Version));
    }

    [Fact]
    public async Task EnsureCreated_leaves_existing_tables_as_they_are_and_seeds_only_the_tables_it_creates()
    {
        await using var store = await SeededStore.CreateAsync(server);
        await using (var context = store.CreateContext())
        {
            var fern = await context.Plants.SingleAsync(p => p.Id == 1);
            fern.Species = "Tree fern";
            context.Remove(await context.Plants.SingleAsync(p => p.Id == 2));
            await context.SaveChangesAsync();
        }

        await server.RawClient.DeleteTableAsync(store.TableName("Pots"));
        await using (var context = store.CreateContext())
        {
            Assert.True(await context.Database.EnsureCreatedAsync());
        }

        var plants = await store.ScanAsync("Plants");
        Assert.Equal("Tree fern", Assert.Single(plants)["Species"].S);
        Assert.Equal(2, (await store.ScanAsync("Pots")).Count);
    }

    [Fact]
    public async Task The_async_seeder_runs_after_the_seed_data_and_is_told_whether_tables_were_created()
    {
        var prefix = DynamoDbContextFixture<SeedingContext>.NewTableNamePrefix();
        var calls = new List<(bool Created, int PlantsSeen)>();
        DbContextOptions<SeedingContext> Options() => new DbContextOptionsBuilder<SeedingContext>()
            .UseDynamoDb(d => d.ServiceUrl(server.ServiceUrl).TableNamePrefix(prefix))
            .UseSeeding((_, _) => throw new InvalidOperationException("The synchronous seeder is not used by EnsureCreatedAsync."))
            .UseAsyncSeeding(async (c, created, token) => calls.Add((created, await c.Set<Plant>().CountAsync(token))))
            .ForTests()
            .Options;

        await using (var context = new SeedingContext(Options()))
        {
            Assert.True(await context.Database.EnsureCreatedAsync());
        }

        await using (var context = new SeedingContext(Options()))
        {
            Assert.False(await context.Database.EnsureCreatedAsync());
            await context.Database.EnsureDeletedAsync();
        }

        Assert.Equal([(true, 2), (false, 2)], calls);
    }

    [Fact]
    public async Task EnsureCreatedAsync_with_only_a_synchronous_seeder_fails_before_creating_anything()
    {
        var prefix = DynamoDbContextFixture<SeedingContext>.NewTableNamePrefix();
        await using var context = new SeedingContext(new DbContextOptionsBuilder<SeedingContext>()
            .UseDynamoDb(d => d.ServiceUrl(server.ServiceUrl).TableNamePrefix(prefix))
            .UseSeeding((_, _) => { })
            .ForTests()
            .Options);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Database.EnsureCreatedAsync());

        Assert.Contains("UseAsyncSeeding", exception.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => server.RawClient.DescribeTableAsync(prefix + "Plants"));
    }

    // The seeded tables of one test, deleted when it ends.
    private sealed class SeededStore(DynamoDbServerFixture server, string prefix) : IAsyncDisposable
    {
        public static async Task<SeededStore> CreateAsync(DynamoDbServerFixture server, RequestLog? log = null)
        {
            var store = new SeededStore(server, DynamoDbContextFixture<SeedingContext>.NewTableNamePrefix());
            await using var context = CreateContext(server, store.Prefix, log);
            Assert.True(await context.Database.EnsureCreatedAsync());
            return store;
        }

        public static SeedingContext CreateContext(DynamoDbServerFixture server, string prefix, RequestLog? log = null)
        {
            var builder = new DbContextOptionsBuilder<SeedingContext>()
                .UseDynamoDb(d => d.ServiceUrl(server.ServiceUrl).TableNamePrefix(prefix))
                .EnableSensitiveDataLogging()
                .ForTests();
            log?.AttachTo(builder);
            return new SeedingContext(builder.Options);
        }

        public string Prefix => prefix;

        public string TableName(string modelTableName) => prefix + modelTableName;

        public SeedingContext CreateContext() => CreateContext(server, prefix);

        public async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(string modelTableName)
            => (await server.RawClient.ScanAsync(new ScanRequest { TableName = TableName(modelTableName), ConsistentRead = true })).Items;

        public async ValueTask DisposeAsync()
        {
            await using var context = CreateContext();
            await context.Database.EnsureDeletedAsync();
        }
    }
}

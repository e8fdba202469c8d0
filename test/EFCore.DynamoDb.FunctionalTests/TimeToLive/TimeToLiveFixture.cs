using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TimeToLive;

/// <summary>
/// Items that expired an hour ago, items that expire in a day, items without a time to live (where the property is
/// nullable), one expired item written with the raw SDK, and items at fixed instants for the stored forms.
/// DynamoDB deletes expired items only within days, so queries see them meanwhile; DynamoDB Local deletes them
/// within a second. To keep them, this fixture creates its tables with the raw SDK from the provider's
/// CreateTable requests, without enabling time to live on the server (the provider's expiry filter depends only on
/// the model); <see cref="TimeToLiveTests" /> checks what EnsureCreated enables on tables of its own.
/// </summary>
public sealed class TimeToLiveFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<TimeToLiveContext>(server)
{
    /// <summary>A fixed instant: 2030-01-01T00:00:00Z.</summary>
    public static readonly DateTime Fixed = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The epoch seconds of <see cref="Fixed" />.</summary>
    public const long FixedSeconds = 1893456000;

    /// <summary>An hour before the fixture started.</summary>
    public DateTime Past { get; } = DateTime.UtcNow.AddHours(-1);

    /// <summary>A day after the fixture started.</summary>
    public DateTime Future { get; } = DateTime.UtcNow.AddDays(1);

    /// <summary>A context whose queries leave expired items out.</summary>
    public TimeToLiveContext CreateExcludingContext(RequestLog? log = null)
        => CreateContext(log, o => o.UseDynamoDb(d => d.ExcludeExpiredItems()));

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        await using var context = CreateContext();
        foreach (var request in context.Database.GetCreateTableRequests())
        {
            await RawClient.CreateTableAsync(request);
            while ((await RawClient.DescribeTableAsync(request.TableName)).Table.TableStatus != TableStatus.ACTIVE)
            {
                await Task.Delay(50);
            }
        }

        await SeedAsync(context);
    }

    /// <inheritdoc />
    protected override async Task SeedAsync(TimeToLiveContext context)
    {
        context.AddRange(
            new Session { Id = "past", ExpiresAt = Past },
            new Session { Id = "future", ExpiresAt = Future },
            new Session { Id = "fixed", ExpiresAt = Fixed.AddMilliseconds(750) },
            new Token { Id = "past", ExpiresAt = new DateTimeOffset(Past) },
            new Token { Id = "future", ExpiresAt = new DateTimeOffset(Future) },
            new Token { Id = "none" },
            new Token { Id = "fixed", ExpiresAt = new DateTimeOffset(2030, 1, 1, 2, 0, 0, TimeSpan.FromHours(2)) },
            new Lease { Owner = "o", Id = "past", Expires = new DateTimeOffset(Past).ToUnixTimeSeconds() },
            new Lease { Owner = "o", Id = "future", Expires = new DateTimeOffset(Future).ToUnixTimeSeconds() },
            new Lease { Owner = "o", Id = "none" },
            new Lease { Owner = "fixed", Id = "fixed", Expires = FixedSeconds });
        await context.SaveChangesAsync();

        // An expired item another tool wrote.
        await RawClient.PutItemAsync(TableName("Sessions"), new Dictionary<string, AttributeValue>
        {
            ["Id"] = Attr.S("raw-past"),
            ["ExpiresAt"] = Attr.N(new DateTimeOffset(Past).ToUnixTimeSeconds() - 60),
        });
    }
}

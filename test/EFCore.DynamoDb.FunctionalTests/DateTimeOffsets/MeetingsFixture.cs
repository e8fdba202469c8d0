using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.DateTimeOffsets;

/// <summary>
/// Meetings in one room that start at one instant given at five offsets, and one tick before and after it at other
/// offsets: the values whose stored texts sit next to each other.
/// </summary>
public sealed class MeetingsFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<MeetingsContext>(server)
{
    /// <summary>The instant most meetings start (or end) at, given at +02:00.</summary>
    public static readonly DateTimeOffset Instant = new(2024, 5, 1, 10, 30, 0, TimeSpan.FromHours(2));

    /// <summary>The seeded meetings.</summary>
    public static IReadOnlyList<Meeting> Data { get; } = CreateData();

    /// <inheritdoc />
    protected override async Task SeedAsync(MeetingsContext context)
    {
        context.Meetings.AddRange(CreateData());
        await context.SaveChangesAsync();
    }

    private static List<Meeting> CreateData()
    {
        var offsets = new[] { 0, 2, -5, 14, -14 }.Select(h => TimeSpan.FromHours(h)).ToList();
        var meetings = offsets.Select((o, i) => new Meeting { Room = "r1", Starts = Instant.ToOffset(o), Ends = i % 2 == 0 ? Instant.AddHours(1) : null }).ToList();
        meetings.AddRange(offsets.Select(o => new Meeting { Room = "r1", Starts = Instant.AddTicks(-1).ToOffset(o), Ends = Instant.ToOffset(-o) }));
        meetings.AddRange(offsets.Select(o => new Meeting { Room = "r1", Starts = Instant.AddTicks(1).ToOffset(o), Ends = Instant.AddTicks(1) }));
        return meetings;
    }
}

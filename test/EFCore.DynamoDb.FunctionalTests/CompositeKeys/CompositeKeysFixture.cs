using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Tests.TestModels;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.CompositeKeys;

/// <summary>The seed tokens and measurements, written once per test class; tests that write use keys of their own.</summary>
public sealed class CompositeKeysFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<CompositeKeysContext>(server)
{
    private static readonly DateTime Day = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The tokens as stored: parts with the separator and escape characters, and one part a prefix of another.</summary>
    public IReadOnlyList<UserToken> Tokens { get; } =
    [
        .. from user in new[] { "u1", "u2" }
           from provider in new[] { "Google", "Goo", "a#b", "a", "$x" }
           from name in new[] { "access", "refresh", "b#c" }
           select new UserToken { UserId = user, LoginProvider = provider, Name = name, Value = $"{user}/{provider}/{name}" },
    ];

    /// <summary>The measurements as stored: negative and positive sensors, several days.</summary>
    public IReadOnlyList<Measurement> Measurements { get; } =
    [
        .. from site in new[] { "s1", "s2" }
           from sensor in new[] { -5, 0, 2, 10, 300 }
           from day in Enumerable.Range(0, 4)
           select new Measurement { Site = site, Sensor = sensor, TakenAt = Day.AddDays(day).AddHours(sensor & 7), Value = sensor * 1.5 + day },
    ];

    /// <inheritdoc />
    protected override async Task SeedAsync(CompositeKeysContext context)
    {
        await context.Tokens.BatchPutAsync(Tokens);
        await context.Measurements.BatchPutAsync(Measurements);
    }
}

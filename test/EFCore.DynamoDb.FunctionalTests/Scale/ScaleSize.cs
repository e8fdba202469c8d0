namespace EFCore.DynamoDb.FunctionalTests.Scale;

/// <summary>
/// The size of the scale tests: reduced by default, so that CI stays short on two cores; the full size the figures
/// in the README were measured at when the environment variable <c>DYNAMODB_SCALE</c> is <c>full</c>:
/// <c>DYNAMODB_SCALE=full dotnet test test/EFCore.DynamoDb.FunctionalTests -c Release --filter "FullyQualifiedName~Scale"</c>.
/// </summary>
public static class ScaleSize
{
    /// <summary>True when the scale tests run at full size.</summary>
    public static bool IsFull { get; } = string.Equals(Environment.GetEnvironmentVariable("DYNAMODB_SCALE"), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="full" /> at full size, else <paramref name="reduced" />.</summary>
    public static int Of(int full, int reduced) => IsFull ? full : reduced;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>Options every test context gets.</summary>
public static class TestOptions
{
    /// <summary>
    /// Each test class has its own table name prefix, and some tests add options of their own, so the run builds
    /// more than twenty EF internal service providers, which EF otherwise reports as an error.
    /// </summary>
    public static TBuilder ForTests<TBuilder>(this TBuilder builder)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
        return builder;
    }
}

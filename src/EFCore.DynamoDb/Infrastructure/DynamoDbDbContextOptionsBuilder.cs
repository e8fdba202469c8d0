using Amazon.Runtime;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Storage;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Infrastructure;

/// <summary>
/// The DynamoDB-specific options of <c>UseDynamoDb(o => …)</c>: endpoint, region, credentials and table naming.
/// </summary>
public class DynamoDbDbContextOptionsBuilder
{
    private readonly DbContextOptionsBuilder _optionsBuilder;

    /// <summary>Creates a builder that writes into the given context options builder.</summary>
    public DynamoDbDbContextOptionsBuilder(DbContextOptionsBuilder optionsBuilder) => _optionsBuilder = optionsBuilder;

    /// <summary>The context options builder this builder writes into.</summary>
    protected virtual DbContextOptionsBuilder OptionsBuilder => _optionsBuilder;

    /// <summary>Sends requests to this endpoint, such as DynamoDB Local's <c>http://localhost:8000</c>.</summary>
    /// <remarks>For a loopback endpoint without <see cref="Credentials" />, placeholder credentials are used, since DynamoDB Local accepts any.</remarks>
    public virtual DynamoDbDbContextOptionsBuilder ServiceUrl(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out _))
        {
            throw new ArgumentException(DynamoDbStrings.InvalidServiceUrl(serviceUrl), nameof(serviceUrl));
        }

        return WithOption(e => e.WithServiceUrl(serviceUrl));
    }

    /// <summary>The AWS region's system name, such as <c>eu-west-1</c>. By default the SDK resolves it (environment, profile).</summary>
    public virtual DynamoDbDbContextOptionsBuilder Region(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return WithOption(e => e.WithRegion(region));
    }

    /// <summary>The credentials to sign requests with. By default the AWS SDK credential chain.</summary>
    public virtual DynamoDbDbContextOptionsBuilder Credentials(AWSCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return WithOption(e => e.WithCredentials(credentials));
    }

    /// <summary>Prepends this text to every table name (Dynamoose <c>prefix</c>), such as <c>dev-</c>.</summary>
    public virtual DynamoDbDbContextOptionsBuilder TableNamePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return WithOption(e => e.WithTableNamePrefix(prefix));
    }

    /// <summary>Appends this text to every table name (Dynamoose <c>suffix</c>), such as <c>-v2</c>.</summary>
    public virtual DynamoDbDbContextOptionsBuilder TableNameSuffix(string suffix)
    {
        ArgumentNullException.ThrowIfNull(suffix);
        return WithOption(e => e.WithTableNameSuffix(suffix));
    }

    /// <summary>How long EnsureCreated and EnsureDeleted wait for a table to become ACTIVE or to disappear (default five minutes).</summary>
    public virtual DynamoDbDbContextOptionsBuilder WaitForActiveTimeout(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, DynamoDbStrings.TimeoutNotPositive(nameof(timeout)));
        }

        return WithOption(e => e.WithWaitForActiveTimeout(timeout));
    }

    /// <summary>
    /// How long establishing a connection to DynamoDB may take (default five seconds): an unreachable endpoint fails
    /// after this long instead of minutes, and <c>CanConnectAsync</c> (so a health check) answers within it.
    /// </summary>
    /// <remarks>
    /// Applies to the client the provider creates; a client passed to <c>UseDynamoDb(client)</c> or registered in the
    /// application's services keeps its own settings, and only <c>CanConnectAsync</c> is bounded by this timeout.
    /// </remarks>
    public virtual DynamoDbDbContextOptionsBuilder ConnectTimeout(TimeSpan connectTimeout)
    {
        if (connectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(connectTimeout), connectTimeout, DynamoDbStrings.TimeoutNotPositive(nameof(connectTimeout)));
        }

        return WithOption(e => e.WithConnectTimeout(connectTimeout));
    }

    /// <summary>
    /// Leaves items whose time to live has passed out of every query (Dynamoose <c>returnExpired: false</c>):
    /// DynamoDB deletes expired items lazily, so they can be read for a while after they expire.
    /// </summary>
    public virtual DynamoDbDbContextOptionsBuilder ExcludeExpiredItems(bool exclude = true)
        => WithOption(e => e.WithExcludeExpiredItems(exclude));

    /// <summary>
    /// How many write requests an independent write keeps in flight at once (default 16): a save under
    /// <c>AutoTransactionBehavior.Never</c>, <c>BatchPutAsync</c> and <c>BatchDeleteAsync</c>, <c>ExecuteUpdate</c> and
    /// <c>ExecuteDelete</c>. Higher is faster until the table's capacity throttles; 1 sends one request at a time.
    /// </summary>
    public virtual DynamoDbDbContextOptionsBuilder MaxConcurrentWrites(int maxConcurrentWrites)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConcurrentWrites);
        return WithOption(e => e.WithMaxConcurrentWrites(maxConcurrentWrites));
    }

    /// <summary>
    /// The execution strategy that retries transient failures, such as
    /// <c>d =&gt; new DynamoDbExecutionStrategy(d, 10, TimeSpan.FromSeconds(5))</c>. By default a
    /// <see cref="DynamoDbExecutionStrategy" /> with EF's default retry count and delays.
    /// </summary>
    /// <remarks>
    /// The function is called for every operation and every request retried on its own: it must return a new
    /// strategy each time, as a strategy keeps the state of the operation it runs.
    /// </remarks>
    public virtual DynamoDbDbContextOptionsBuilder ExecutionStrategy(Func<ExecutionStrategyDependencies, IExecutionStrategy> getExecutionStrategy)
    {
        ArgumentNullException.ThrowIfNull(getExecutionStrategy);
        return WithOption(e => e.WithExecutionStrategyFactory(getExecutionStrategy));
    }

    /// <summary>Applies a change to the DynamoDB options extension.</summary>
    protected virtual DynamoDbDbContextOptionsBuilder WithOption(Func<DynamoDbOptionsExtension, DynamoDbOptionsExtension> setAction)
    {
        ((IDbContextOptionsBuilderInfrastructure)_optionsBuilder).AddOrUpdateExtension(
            setAction(_optionsBuilder.Options.FindExtension<DynamoDbOptionsExtension>() ?? new DynamoDbOptionsExtension()));
        return this;
    }
}

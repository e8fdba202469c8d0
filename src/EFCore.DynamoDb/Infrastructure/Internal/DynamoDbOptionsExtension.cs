using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>
/// The options given to <c>UseDynamoDb</c>. Immutable: every <c>With…</c> returns a changed copy, as EF's option
/// extensions are. Everything here takes part in the internal service provider's identity, so contexts with the
/// same options share one DynamoDB client and one model and query cache.
/// </summary>
public class DynamoDbOptionsExtension : IDbContextOptionsExtension
{
    /// <summary>The default bound on waiting for a table to become ACTIVE (or to disappear).</summary>
    public static readonly TimeSpan DefaultWaitForActiveTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The default bound on write requests in flight at once for one independent (non-transactional) write.</summary>
    public const int DefaultMaxConcurrentWrites = 16;

    /// <summary>The default bound on establishing a connection to DynamoDB.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    private DbContextOptionsExtensionInfo? _info;

    /// <summary>Creates options with every setting at its default.</summary>
    public DynamoDbOptionsExtension()
    {
    }

    /// <summary>Copies the options of another instance.</summary>
    protected DynamoDbOptionsExtension(DynamoDbOptionsExtension copyFrom)
    {
        ServiceUrl = copyFrom.ServiceUrl;
        Region = copyFrom.Region;
        Credentials = copyFrom.Credentials;
        Client = copyFrom.Client;
        TableNamePrefix = copyFrom.TableNamePrefix;
        TableNameSuffix = copyFrom.TableNameSuffix;
        WaitForActiveTimeout = copyFrom.WaitForActiveTimeout;
        ExcludeExpiredItems = copyFrom.ExcludeExpiredItems;
        MaxConcurrentWrites = copyFrom.MaxConcurrentWrites;
        ExecutionStrategyFactory = copyFrom.ExecutionStrategyFactory;
        ConnectTimeout = copyFrom.ConnectTimeout;
    }

    /// <inheritdoc />
    public virtual DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <summary>The endpoint to send requests to, such as DynamoDB Local's; null for the region's AWS endpoint.</summary>
    public virtual string? ServiceUrl { get; private set; }

    /// <summary>The AWS region's system name; null for the SDK's own resolution.</summary>
    public virtual string? Region { get; private set; }

    /// <summary>The credentials to sign requests with; null for the SDK's credential chain.</summary>
    public virtual AWSCredentials? Credentials { get; private set; }

    /// <summary>A client the application created; null when the provider creates its own.</summary>
    public virtual IAmazonDynamoDB? Client { get; private set; }

    /// <summary>Prepended to every table name.</summary>
    public virtual string? TableNamePrefix { get; private set; }

    /// <summary>Appended to every table name.</summary>
    public virtual string? TableNameSuffix { get; private set; }

    /// <summary>How long EnsureCreated and EnsureDeleted wait for a table to become ACTIVE or to disappear.</summary>
    public virtual TimeSpan WaitForActiveTimeout { get; private set; } = DefaultWaitForActiveTimeout;

    /// <summary>True when queries leave out items whose time to live has passed but DynamoDB has not deleted yet.</summary>
    public virtual bool ExcludeExpiredItems { get; private set; }

    /// <summary>
    /// How many write requests an independent write keeps in flight at once: a save under
    /// <c>AutoTransactionBehavior.Never</c>, BatchPutAsync and BatchDeleteAsync, ExecuteUpdate and ExecuteDelete.
    /// </summary>
    public virtual int MaxConcurrentWrites { get; private set; } = DefaultMaxConcurrentWrites;

    /// <summary>
    /// How long establishing a connection to DynamoDB may take before the request fails (and how long
    /// <c>CanConnectAsync</c> may take to answer).
    /// </summary>
    public virtual TimeSpan ConnectTimeout { get; private set; } = DefaultConnectTimeout;

    /// <summary>
    /// Creates the execution strategy; null for the default <see cref="DynamoDbExecutionStrategy" />. Read per context
    /// by the strategy factory, so it is not part of the internal service provider's identity.
    /// </summary>
    public virtual Func<ExecutionStrategyDependencies, IExecutionStrategy>? ExecutionStrategyFactory { get; private set; }

    /// <summary>Returns a copy with the given endpoint.</summary>
    public virtual DynamoDbOptionsExtension WithServiceUrl(string? serviceUrl) => new(this) { ServiceUrl = serviceUrl };

    /// <summary>Returns a copy with the given region.</summary>
    public virtual DynamoDbOptionsExtension WithRegion(string? region) => new(this) { Region = region };

    /// <summary>Returns a copy with the given credentials.</summary>
    public virtual DynamoDbOptionsExtension WithCredentials(AWSCredentials? credentials) => new(this) { Credentials = credentials };

    /// <summary>Returns a copy that uses the given client.</summary>
    public virtual DynamoDbOptionsExtension WithClient(IAmazonDynamoDB? client) => new(this) { Client = client };

    /// <summary>Returns a copy with the given table name prefix.</summary>
    public virtual DynamoDbOptionsExtension WithTableNamePrefix(string? prefix) => new(this) { TableNamePrefix = prefix };

    /// <summary>Returns a copy with the given table name suffix.</summary>
    public virtual DynamoDbOptionsExtension WithTableNameSuffix(string? suffix) => new(this) { TableNameSuffix = suffix };

    /// <summary>Returns a copy with the given wait bound.</summary>
    public virtual DynamoDbOptionsExtension WithWaitForActiveTimeout(TimeSpan timeout) => new(this) { WaitForActiveTimeout = timeout };

    /// <summary>Returns a copy that leaves expired items out of queries, or not.</summary>
    public virtual DynamoDbOptionsExtension WithExcludeExpiredItems(bool excludeExpiredItems) => new(this) { ExcludeExpiredItems = excludeExpiredItems };

    /// <summary>Returns a copy with the given bound on write requests in flight.</summary>
    public virtual DynamoDbOptionsExtension WithMaxConcurrentWrites(int maxConcurrentWrites) => new(this) { MaxConcurrentWrites = maxConcurrentWrites };

    /// <summary>Returns a copy with the given connection timeout.</summary>
    public virtual DynamoDbOptionsExtension WithConnectTimeout(TimeSpan connectTimeout) => new(this) { ConnectTimeout = connectTimeout };

    /// <summary>Returns a copy that creates its execution strategies with the given function.</summary>
    public virtual DynamoDbOptionsExtension WithExecutionStrategyFactory(Func<ExecutionStrategyDependencies, IExecutionStrategy>? executionStrategyFactory)
        => new(this) { ExecutionStrategyFactory = executionStrategyFactory };

    /// <inheritdoc />
    public virtual void ApplyServices(IServiceCollection services) => services.AddEntityFrameworkDynamoDb();

    /// <inheritdoc />
    public virtual void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(DynamoDbOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private string? _logFragment;
        private int? _serviceProviderHash;

        private new DynamoDbOptionsExtension Extension => (DynamoDbOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => true;

        public override string LogFragment
        {
            get
            {
                if (_logFragment is null)
                {
                    var builder = new StringBuilder("DynamoDb");
                    if (Extension.ServiceUrl is not null)
                    {
                        builder.Append(" ServiceUrl=").Append(Extension.ServiceUrl);
                    }

                    if (Extension.Region is not null)
                    {
                        builder.Append(" Region=").Append(Extension.Region);
                    }

                    if (Extension.Client is not null)
                    {
                        builder.Append(" Client=(supplied)");
                    }

                    if (Extension.TableNamePrefix is not null)
                    {
                        builder.Append(" TableNamePrefix=").Append(Extension.TableNamePrefix);
                    }

                    if (Extension.TableNameSuffix is not null)
                    {
                        builder.Append(" TableNameSuffix=").Append(Extension.TableNameSuffix);
                    }

                    _logFragment = builder.Append(' ').ToString();
                }

                return _logFragment;
            }
        }

        public override int GetServiceProviderHashCode()
        {
            if (_serviceProviderHash is null)
            {
                var hash = new HashCode();
                hash.Add(Extension.ServiceUrl);
                hash.Add(Extension.Region);
                hash.Add(Extension.Credentials);
                hash.Add(Extension.Client);
                hash.Add(Extension.TableNamePrefix);
                hash.Add(Extension.TableNameSuffix);
                hash.Add(Extension.WaitForActiveTimeout);
                hash.Add(Extension.ExcludeExpiredItems);
                hash.Add(Extension.MaxConcurrentWrites);
                hash.Add(Extension.ConnectTimeout);
                _serviceProviderHash = hash.ToHashCode();
            }

            return _serviceProviderHash.Value;
        }

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other)
            => other is ExtensionInfo otherInfo
                && Extension.ServiceUrl == otherInfo.Extension.ServiceUrl
                && Extension.Region == otherInfo.Extension.Region
                && ReferenceEquals(Extension.Credentials, otherInfo.Extension.Credentials)
                && ReferenceEquals(Extension.Client, otherInfo.Extension.Client)
                && Extension.TableNamePrefix == otherInfo.Extension.TableNamePrefix
                && Extension.TableNameSuffix == otherInfo.Extension.TableNameSuffix
                && Extension.WaitForActiveTimeout == otherInfo.Extension.WaitForActiveTimeout
                && Extension.ExcludeExpiredItems == otherInfo.Extension.ExcludeExpiredItems
                && Extension.MaxConcurrentWrites == otherInfo.Extension.MaxConcurrentWrites
                && Extension.ConnectTimeout == otherInfo.Extension.ConnectTimeout;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["DynamoDb:ServiceUrl"] = (Extension.ServiceUrl?.GetHashCode(StringComparison.Ordinal) ?? 0).ToString(CultureInfo.InvariantCulture);
            debugInfo["DynamoDb:Region"] = (Extension.Region?.GetHashCode(StringComparison.Ordinal) ?? 0).ToString(CultureInfo.InvariantCulture);
            debugInfo["DynamoDb:TableNamePrefix"] = (Extension.TableNamePrefix?.GetHashCode(StringComparison.Ordinal) ?? 0).ToString(CultureInfo.InvariantCulture);
            debugInfo["DynamoDb:TableNameSuffix"] = (Extension.TableNameSuffix?.GetHashCode(StringComparison.Ordinal) ?? 0).ToString(CultureInfo.InvariantCulture);
        }
    }
}

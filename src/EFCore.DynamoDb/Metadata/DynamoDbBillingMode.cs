// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata;

/// <summary>How a table's capacity is paid for.</summary>
public enum DynamoDbBillingMode
{
    /// <summary>On-demand (PAY_PER_REQUEST): no capacity planning, billed per request. The default.</summary>
    PayPerRequest,

    /// <summary>PROVISIONED: fixed read and write capacity units, set with <c>HasProvisionedThroughput</c>.</summary>
    Provisioned,
}

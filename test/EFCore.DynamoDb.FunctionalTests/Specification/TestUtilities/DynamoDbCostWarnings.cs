using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;

/// <summary>
/// EF Core's specification fixtures turn every warning into an error. The provider's own cost warnings tell a
/// user that a query reads more than a key lookup would (a Scan, an index it could not use, a sort on the client,
/// a predicate checked on the client); the suite's queries are written for any database, so these are only logged.
/// So is <see cref="DynamoDbEventId.PrimaryKeyValueNotSet" />: the suite's seed data uses 0 as a set key on purpose
/// (e.g. <c>BasicTypesEntity</c>), which the warning exists to question in application code.
/// Every other warning (all of EF's, and <see cref="DynamoDbEventId.SyncNotSupported" />) stays an error.
/// </summary>
public static class DynamoDbCostWarnings
{
    /// <summary>Logs the provider's cost warnings instead of throwing them.</summary>
    public static DbContextOptionsBuilder LogDynamoDbCostWarnings(this DbContextOptionsBuilder builder)
        => builder.ConfigureWarnings(w => w.Log(
            DynamoDbEventId.ScanQueryWarning,
            DynamoDbEventId.IndexIgnored,
            DynamoDbEventId.ClientSideOrderingWarning,
            DynamoDbEventId.ClientEvaluationWarning,
            DynamoDbEventId.PrimaryKeyValueNotSet));
}

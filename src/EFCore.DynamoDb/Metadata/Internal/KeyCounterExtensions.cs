using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>
/// Integer keys EF marks generated on add (its convention for a single <c>int</c>/<c>long</c> key) take their values
/// from a DynamoDB atomic counter, one counter item per table and key attribute in the model's counters table, reserved
/// in blocks (hi-lo) so most inserts send no counter request.
/// </summary>
public static class KeyCounterExtensions
{
    /// <summary>How many values one counter request reserves when the model and the property set none.</summary>
    public const int DefaultBlockSize = 10;

    /// <summary>The counters table's name (before the table-name prefix and suffix) when the model sets none.</summary>
    public const string DefaultCountersTableName = "EFKeyCounters";

    /// <summary>The counters table's partition-key attribute: the counter's name.</summary>
    public const string CounterNameAttribute = "Name";

    /// <summary>The counters table's attribute holding the highest value reserved so far.</summary>
    public const string CounterValueAttribute = "Value";

    /// <summary>True for the key property of a stored entity type whose values come from a key counter.</summary>
    public static bool IsGeneratedByKeyCounter(this IReadOnlyProperty property)
        => property.ValueGenerated == ValueGenerated.OnAdd && CanUseKeyCounter(property);

    /// <summary>True for the single integer key property of a stored (not owned) entity type.</summary>
    public static bool CanUseKeyCounter(this IReadOnlyProperty property)
        => property.DeclaringType is IReadOnlyEntityType entityType
            && !entityType.IsOwned()
            && entityType.FindPrimaryKey() is { Properties.Count: 1 } key
            && key.Properties[0] == property
            && IsIntegerType(property.ClrType);

    /// <summary>True for the integer CLR types a key counter can fill.</summary>
    public static bool IsIntegerType(Type type)
        => (Nullable.GetUnderlyingType(type) ?? type) is var t
            && (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort));

    /// <summary>How many values one counter request reserves for this property: its own setting, else the model's, else 10.</summary>
    public static int GetKeyBlockSize(this IReadOnlyProperty property)
        => (int?)property[DynamoDbAnnotationNames.KeyBlockSize]
            ?? (int?)property.DeclaringType.Model[DynamoDbAnnotationNames.KeyBlockSize]
            ?? DefaultBlockSize;

    /// <summary>The model's counters table name, before the table-name prefix and suffix.</summary>
    public static string GetKeyCountersTableName(this IReadOnlyModel model)
        => (string?)model[DynamoDbAnnotationNames.KeyCountersTable] ?? DefaultCountersTableName;

    /// <summary>
    /// The counter a generated key draws from: one per table and key attribute, so entity types sharing a table
    /// (single-table design) never get the same key value.
    /// </summary>
    public static string GetKeyCounterName(this IReadOnlyProperty property)
        => ((IReadOnlyEntityType)property.DeclaringType).GetRootType().GetTableName() + "#" + property.GetAttributeName();

    /// <summary>True when some stored entity type of the model has a key drawn from a key counter.</summary>
    public static bool HasKeyCounters(this IReadOnlyModel model)
        => model.GetEntityTypes().Any(e => e.FindPrimaryKey() is { Properties.Count: 1 } key && key.Properties[0].IsGeneratedByKeyCounter());
}

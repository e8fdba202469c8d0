using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Update.Internal.UniqueIndexes;

/// <summary>
/// The table that holds the guard items of every unique index (<c>HasIndex(…).IsUnique()</c>) of a model: one item
/// per unique value, keyed by a string that names the entity's table, the index's attributes and the values, so it
/// serves entity tables whatever their key types (a numeric-key table cannot hold a string-keyed guard). EnsureCreated
/// creates it (on-demand billing) when the model has a unique index; the table name prefix and suffix apply to it.
/// </summary>
public static class UniqueIndexGuardTable
{
    /// <summary>The guard table's name before the prefix and suffix.</summary>
    public const string BaseName = "EFUniqueIndexGuards";

    /// <summary>The partition key attribute (S): table, index attributes and values.</summary>
    public const string KeyAttribute = "guard";

    /// <summary>The attribute naming the owner: the entity's table and item key.</summary>
    public const string OwnerAttribute = "owner";

    /// <summary>The attribute naming the owner's entity type.</summary>
    public const string EntityTypeAttribute = "entityType";

    /// <summary>The guard table's name for this model.</summary>
    public static string Name(IDynamoDbSingletonOptions options, IReadOnlyModel model)
        => options.ResolveTableName(model, BaseName);

    /// <summary>The unique indexes enforced for an entity type's writes: its own and its base types'.</summary>
    public static IEnumerable<IIndex> UniqueIndexesOf(IEntityType entityType)
        => entityType.IsOwned() ? [] : entityType.GetIndexes().Where(i => i.IsUnique);

    /// <summary>The first unique index of an entity type or of one of its derived types, if any.</summary>
    public static IIndex? FindUniqueIndexInHierarchy(IEntityType entityType)
        => entityType.GetDerivedTypesInclusive().SelectMany(UniqueIndexesOf).FirstOrDefault();

    /// <summary>True when the model has a unique index, so needs the guard table.</summary>
    public static bool IsNeeded(IModel model)
        => model.GetEntityTypes().Any(e => UniqueIndexesOf(e).Any());

    /// <summary>The index for messages: its name, if it has one, and its properties.</summary>
    public static string Describe(IReadOnlyIndex index)
        => (index.Name is { } name ? $"'{name}' " : "") + "{" + string.Join(", ", index.Properties.Select(p => p.Name)) + "}";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>
/// How the provider reads one principal's dependents by their foreign key (loading a collection navigation, finding
/// the dependents of a deleted principal): a Query when the dependents' table or one of its secondary indexes has its
/// partition key among the foreign key's properties, else a Scan.
/// </summary>
public static class ForeignKeyReadExtensions
{
    /// <summary>Whether one principal's dependents through <paramref name="foreignKey" /> are read with a Query.</summary>
    public static bool ReadsDependentsWithQuery(this IForeignKey foreignKey)
    {
        var dependent = foreignKey.DeclaringEntityType;
        var properties = foreignKey.Properties;
        return properties.Contains(dependent.GetRootType().GetPartitionKeyProperty())
            || dependent.GetSecondaryIndexes().Any(i => i.GetIndexPartitionKeyProperties().All(properties.Contains));
    }
}

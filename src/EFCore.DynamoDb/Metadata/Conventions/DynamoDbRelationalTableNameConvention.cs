using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// Honours the table name EF's relational <c>ToTable</c> set (libraries such as ASP.NET Core Identity call it) on a
/// root entity type whose DynamoDB table name only comes from the naming convention: an explicit DynamoDB
/// <c>ToTable</c> still wins. The annotation is read by name, so the provider does not depend on the relational package.
/// </summary>
public class DynamoDbRelationalTableNameConvention : IModelFinalizingConvention
{
    /// <inheritdoc />
    public virtual void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()))
        {
            if (entityType[DynamoDbAnnotationNames.RelationalTableName] is string relationalName
                && entityType.GetTableNameConfigurationSource() is null or ConfigurationSource.Convention)
            {
                entityType.SetTableName(relationalName);
            }
        }
    }
}

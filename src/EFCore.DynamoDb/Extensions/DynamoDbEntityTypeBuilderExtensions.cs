using System.Linq.Expressions;
using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Maps an entity type onto a DynamoDB table: <c>ToTable</c>, <c>HasPartitionKey</c>, <c>HasSortKey</c>.
/// </summary>
public static class DynamoDbEntityTypeBuilderExtensions
{
    /// <summary>Stores the entity type in the named table (the options' prefix and suffix still apply).</summary>
    public static EntityTypeBuilder ToTable(this EntityTypeBuilder entityTypeBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        entityTypeBuilder.Metadata.SetTableName(name);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="ToTable(EntityTypeBuilder, string)" />
    public static EntityTypeBuilder<TEntity> ToTable<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, string name)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)ToTable((EntityTypeBuilder)entityTypeBuilder, name);

    /// <summary>
    /// Makes the property the table's partition (HASH) key. The EF primary key becomes this property, followed by
    /// the sort key when one is configured.
    /// </summary>
    public static EntityTypeBuilder HasPartitionKey(this EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyName);

        var entityType = entityTypeBuilder.Metadata;
        entityType.SetAnnotation(DynamoDbAnnotationNames.PartitionKeyName, propertyName);
        var sortKey = entityType.GetSortKeyPropertyName();
        entityTypeBuilder.HasKey(sortKey is null ? [propertyName] : [propertyName, sortKey]);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasPartitionKey(EntityTypeBuilder, string)" />
    public static EntityTypeBuilder<TEntity> HasPartitionKey<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> propertyExpression)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasPartitionKey((EntityTypeBuilder)entityTypeBuilder, GetPropertyName(propertyExpression));

    /// <summary>
    /// Makes the property the table's sort (RANGE) key. The EF primary key becomes the partition key followed by
    /// this property; the partition key is the one set by <c>HasPartitionKey</c>, else the current key's first
    /// property.
    /// </summary>
    public static EntityTypeBuilder HasSortKey(this EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyName);

        var entityType = entityTypeBuilder.Metadata;
        entityType.SetAnnotation(DynamoDbAnnotationNames.SortKeyName, propertyName);
        var partitionKey = entityType.GetPartitionKeyPropertyName()
            ?? entityType.FindPrimaryKey()?.Properties[0].Name;
        if (partitionKey is not null && partitionKey != propertyName)
        {
            entityType.SetAnnotation(DynamoDbAnnotationNames.PartitionKeyName, partitionKey);
            entityTypeBuilder.HasKey(partitionKey, propertyName);
        }

        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasSortKey(EntityTypeBuilder, string)" />
    public static EntityTypeBuilder<TEntity> HasSortKey<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> propertyExpression)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasSortKey((EntityTypeBuilder)entityTypeBuilder, GetPropertyName(propertyExpression));

    private static string GetPropertyName(LambdaExpression propertyExpression)
    {
        var body = propertyExpression.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            body = convert.Operand;
        }

        return body is MemberExpression member && member.Expression == propertyExpression.Parameters[0]
            ? member.Member.Name
            : throw new ArgumentException(
                $"The expression '{propertyExpression}' must name one property of the entity, such as 'o => o.CustomerId'.",
                nameof(propertyExpression));
    }
}

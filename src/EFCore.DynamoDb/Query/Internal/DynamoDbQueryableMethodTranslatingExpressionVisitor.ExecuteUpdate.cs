using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.ClientOperators;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Update.Internal.UniqueIndexes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbQueryableMethodTranslatingExpressionVisitor
{
    /// <inheritdoc />
    protected override Expression? TranslateExecuteDelete(ShapedQueryExpression source)
    {
        if (SelectItems(source, nameof(EntityFrameworkQueryableExtensions.ExecuteDelete)) is not { } query)
        {
            return null;
        }

        // A bulk delete would leave the deleted items' unique-index guards behind, holding their values forever.
        return UniqueIndexGuardTable.FindUniqueIndexInHierarchy(query.EntityType) is { } uniqueIndex
            ? Fail(DynamoDbStrings.ExecuteDeleteUniqueIndex(uniqueIndex.DeclaringEntityType.DisplayName(), UniqueIndexGuardTable.Describe(uniqueIndex)))
            : new DynamoDbBulkWriteExpression(query, updates: null);
    }

    /// <inheritdoc />
    protected override Expression? TranslateExecuteUpdate(ShapedQueryExpression source, IReadOnlyList<ExecuteUpdateSetter> setters)
    {
        if (SelectItems(source, nameof(EntityFrameworkQueryableExtensions.ExecuteUpdate)) is not { } query)
        {
            return null;
        }

        var entityType = query.EntityType;
        var translator = new DynamoDbUpdateSetterTranslator(entityType, new DynamoDbPredicateTranslator(entityType, _ => null));
        var updates = new List<DynamoDbUpdateAction>(setters.Count + 2);
        foreach (var setter in setters)
        {
            var value = setter.ValueExpression is LambdaExpression valueSelector ? RemapLambdaBody(source, valueSelector) : setter.ValueExpression;
            if (translator.Translate(RemapLambdaBody(source, setter.PropertySelector), value) is not { } update)
            {
                return Fail(translator.FailureReason);
            }

            if (updates.Any(u => u.Property == update.Property))
            {
                return Fail(DynamoDbStrings.SetterTargetTwice(entityType.DisplayName(), update.Property.Name));
            }

            // A bulk update does not move unique-index guards: a value it set would not be checked, nor released.
            if (entityType.GetDerivedTypesInclusive().SelectMany(UniqueIndexGuardTable.UniqueIndexesOf)
                    .FirstOrDefault(i => i.Properties.Contains(update.Property)) is { } uniqueIndex)
            {
                return Fail(DynamoDbStrings.ExecuteUpdateUniqueIndex(entityType.DisplayName(), update.Property.Name, UniqueIndexGuardTable.Describe(uniqueIndex)));
            }

            updates.Add(update);
        }

        AddRowVersionIncrement(entityType, updates);
        AddUpdatedAt(entityType, updates);
        return new DynamoDbBulkWriteExpression(query, updates);
    }

    // The query of ExecuteUpdate/ExecuteDelete: items of one entity type, by the same translation as a read. An
    // ordering without Skip/Take changes nothing about which items match, so it is dropped, as EF's relational
    // providers do, rather than making the provider read every key to sort them.
    private DynamoDbQueryExpression? SelectItems(ShapedQueryExpression source, string operation)
    {
        if (IsClient(source))
        {
            Fail(DynamoDbStrings.ExecuteAfterClientOperators(operation, string.Join(", ", ((ClientOperatorsExpression)source.QueryExpression).Operators)));
            return null;
        }

        var query = Query(source);
        if (UnwrapIncludes(source.ShaperExpression) is not StructuralTypeShaperExpression { StructuralType: IEntityType } || query.IsProjection)
        {
            Fail(DynamoDbStrings.ExecuteOnNonEntity(operation));
            return null;
        }

        if (!query.HasRowLimits)
        {
            query.ClearOrderings();
        }

        return query;
    }

    // Owned navigations are loaded with their owner: the shaper wraps the entity in includes, which mean nothing to a
    // write.
    private static Expression UnwrapIncludes(Expression shaper)
    {
        while (shaper is IncludeExpression include)
        {
            shaper = include.EntityExpression;
        }

        return shaper;
    }

    // A numeric row version (IsRowVersion) counts the item's updates, as SaveChanges does, so a tracked copy read
    // before this update fails its next save with a concurrency conflict: `SET #v = if_not_exists(#v, 0) + 1`.
    private static void AddRowVersionIncrement(IEntityType entityType, List<DynamoDbUpdateAction> updates)
    {
        var rowVersion = entityType.GetProperties().FirstOrDefault(p =>
            p is { IsConcurrencyToken: true, ValueGenerated: ValueGenerated.OnAddOrUpdate }
            && p.GetTypeMapping() is DynamoDbTypeMapping { AttributeType: DynamoDbAttributeType.Number, Converter: null });
        if (rowVersion is null || updates.Any(u => u.Property == rowVersion))
        {
            return;
        }

        updates.Add(new DynamoDbUpdateAction(
            DynamoDbUpdateActionKind.Set,
            rowVersion,
            new UpdateFunctionOperand(
                UpdateFunction.Plus,
                new UpdateFunctionOperand(UpdateFunction.IfNotExists, new UpdatePathOperand(rowVersion), new UpdateValueOperand(rowVersion, QueryValue.FromConstant(0))),
                new UpdateValueOperand(rowVersion, QueryValue.FromConstant(1)))));
    }

    // Timestamps: an update moves UpdatedAt to the time it runs, as SaveChanges does.
    private static void AddUpdatedAt(IEntityType entityType, List<DynamoDbUpdateAction> updates)
    {
        if (!entityType.AreTimestampsEnabled()
            || entityType.FindProperty(DynamoDbEntityTypeExtensions.UpdatedAtPropertyName) is not { } updatedAt
            || updates.Any(u => u.Property == updatedAt))
        {
            return;
        }

        var type = Nullable.GetUnderlyingType(updatedAt.ClrType) ?? updatedAt.ClrType;
        updates.Add(new DynamoDbUpdateAction(
            DynamoDbUpdateActionKind.Set,
            updatedAt,
            new UpdateValueOperand(
                updatedAt,
                QueryValue.FromComputation("now", type == typeof(DateTimeOffset) ? _ => DateTimeOffset.UtcNow : _ => DateTime.UtcNow))));
    }
}

using System.Linq.Expressions;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.CompositeKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// The condition checks <c>Database.AddConditionCheck</c> added for the context's next save. They are translated
/// when added (an untranslatable predicate fails at once, naming itself), sent as ConditionCheck actions of the next
/// SaveChanges' transaction, and kept until a save succeeds, so a retried save checks them again.
/// </summary>
public class DynamoDbConditionChecks(
    ICurrentDbContext currentDbContext,
    IDynamoDbSingletonOptions options,
    IQueryContextFactory queryContextFactory,
    IDiagnosticsLogger<DbLoggerCategory.Update> logger)
    : IResettableService
{
    private readonly List<DynamoDbConditionCheck> _pending = [];

    /// <summary>The checks waiting for the next save.</summary>
    public virtual IReadOnlyList<DynamoDbConditionCheck> Pending => _pending;

    /// <summary>Adds a check that the item of <typeparamref name="TEntity" /> with this key exists and matches the predicate.</summary>
    public virtual void Add<TEntity>(object key, Expression<Func<TEntity, bool>> predicate)
        where TEntity : class
    {
        var entityType = currentDbContext.Context.Model.FindEntityType(typeof(TEntity));
        if (entityType is null || entityType.IsOwned())
        {
            throw new InvalidOperationException(DynamoDbStrings.ConditionCheckOnUnmappedType(typeof(TEntity).ShortDisplayName()));
        }

        var keyProperties = entityType.FindPrimaryKey()!.Properties;
        var keyValues = key as object[] ?? [key];
        if (keyValues.Length != keyProperties.Count || keyValues.Any(v => v is null))
        {
            throw new ArgumentException(
                DynamoDbStrings.ConditionCheckKeyShape(entityType.DisplayName(), keyProperties.Count, string.Join(", ", keyProperties.Select(p => p.Name))),
                nameof(key));
        }

        var translator = new DynamoDbPredicateTranslator(entityType, static _ => null, predicate.Parameters[0].Name);
        var shaper = new StructuralTypeShaperExpression(entityType, Expression.Constant(null, typeof(object)), nullable: false);
        var condition = translator.Translate(new ParameterReplacer(predicate.Parameters[0], shaper).Visit(predicate.Body))
            ?? throw new InvalidOperationException(DynamoDbStrings.ConditionCheckNotTranslatable(
                entityType.DisplayName(), predicate.ToString(), translator.FailureReason ?? ""));

        var keyMap = ItemKeySchema.Of(entityType).CreateKey(keyValues.Select((v, i) => QueryValue.Coerce(v, keyProperties[i].ClrType)).ToList())!;

        var writer = new ConditionExpressionWriter(queryContextFactory.Create());
        var exists = new FunctionCondition(DynamoDbConditionFunction.AttributeExists, entityType.GetPartitionKeyProperty()!, argument: null);
        var expression = writer.Write(new LogicalCondition(isAnd: true, exists, condition));
        _pending.Add(new DynamoDbConditionCheck(
            entityType,
            options.ResolveTableName(entityType),
            keyMap,
            logger.ShouldLogSensitiveData()
                ? "{" + string.Join(", ", keyProperties.Select((p, i) => $"{p.Name}: '{keyValues[i]}'")) + "}"
                : "{" + string.Join(", ", keyProperties.Select(p => p.Name)) + "} (enable sensitive data logging to see the values)",
            expression,
            writer.Names,
            writer.Values));
    }

    /// <summary>Forgets the checks: called after a successful save.</summary>
    public virtual void Clear() => _pending.Clear();

    /// <inheritdoc />
    public virtual void ResetState() => Clear();

    /// <inheritdoc />
    public virtual Task ResetStateAsync(CancellationToken cancellationToken = default)
    {
        Clear();
        return Task.CompletedTask;
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}

using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.ClientOperators;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Turns each LINQ operator into a change of one <see cref="DynamoDbQueryExpression" />: predicates, projections,
/// orderings, Skip/Take and the single-value operators (First, Single, Last, ElementAt, Count, Any, All, Min,
/// Max, Sum, Average). A predicate part DynamoDB cannot express is checked by the provider on the returned items
/// (<see cref="ClientEvaluation.ClientPredicateCondition" />); an operator DynamoDB cannot run returns null, so EF
/// reports its standard "could not be translated" error, with the reason.
/// </summary>
public partial class DynamoDbQueryableMethodTranslatingExpressionVisitor : QueryableMethodTranslatingExpressionVisitor
{
    private readonly bool _excludeExpiredItems;
    private readonly bool _subquery;

    /// <summary>Creates the visitor for a top-level query.</summary>
    public DynamoDbQueryableMethodTranslatingExpressionVisitor(
        QueryableMethodTranslatingExpressionVisitorDependencies dependencies,
        QueryCompilationContext queryCompilationContext,
        bool excludeExpiredItems)
        : base(dependencies, queryCompilationContext, subquery: false)
        => _excludeExpiredItems = excludeExpiredItems;

    /// <summary>Creates the visitor for a subquery.</summary>
    protected DynamoDbQueryableMethodTranslatingExpressionVisitor(DynamoDbQueryableMethodTranslatingExpressionVisitor parentVisitor)
        : base(parentVisitor.Dependencies, parentVisitor.QueryCompilationContext, subquery: true)
    {
        _excludeExpiredItems = parentVisitor._excludeExpiredItems;
        _subquery = true;
    }

    /// <inheritdoc />
    protected override QueryableMethodTranslatingExpressionVisitor CreateSubqueryVisitor() => new DynamoDbQueryableMethodTranslatingExpressionVisitor(this);

    /// <inheritdoc />
    protected override ShapedQueryExpression CreateShapedQueryExpression(IEntityType entityType)
    {
        var context = (DynamoDbQueryCompilationContext)QueryCompilationContext;
        var queryExpression = new DynamoDbQueryExpression(entityType)
        {
            RequiredIndexName = context.RequiredIndexName,
            ConsistentRead = context.ConsistentRead,
            TransactionalRead = context.TransactionalRead,
            ParallelScanSegments = context.ParallelScanSegments,
            PageRequestParameterName = context.PageRequestParameterName,
        };

        // A table that holds other types' items too (a hierarchy's table for a derived type, a single-table design
        // for any type): read only the items of this type and the types below it.
        if (entityType.FindDiscriminatorProperty() is not null && (entityType.BaseType is not null || SharesTable(entityType)))
        {
            queryExpression.ApplyPredicate(CreateTypeCondition(entityType));
        }

        // DynamoDB deletes expired items lazily: `ttl > now OR attribute_not_exists(ttl)` hides the ones still there,
        // for every query (the context option) or for this one (ExcludeExpiredItems on the query).
        if (context.ExcludeExpiredItems && entityType.GetRootType().GetTimeToLiveProperty() is null)
        {
            throw new InvalidOperationException(DynamoDbStrings.ExcludeExpiredItemsWithoutTimeToLive(entityType.DisplayName()));
        }

        if ((_excludeExpiredItems || context.ExcludeExpiredItems) && entityType.GetTimeToLiveProperty() is { } timeToLive)
        {
            queryExpression.ApplyPredicate(new LogicalCondition(
                isAnd: false,
                new FunctionCondition(DynamoDbConditionFunction.AttributeNotExists, timeToLive, null),
                new ComparisonCondition(timeToLive, ComparisonOperator.GreaterThan, QueryValue.FromComputation("now", CurrentTime(timeToLive.ClrType)))));
        }

        return new ShapedQueryExpression(
            queryExpression,
            new StructuralTypeShaperExpression(
                entityType,
                new ProjectionBindingExpression(queryExpression, new ProjectionMember(), typeof(ValueBuffer)),
                nullable: false));
    }

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression extensionExpression)
    {
        // FromPartiQL: the entity type's query, read with the statement instead of the chooser's request.
        if (extensionExpression is PartiQL.PartiQLQueryRootExpression root)
        {
            var shaped = CreateShapedQueryExpression(root.EntityType);
            ((DynamoDbQueryExpression)shaped.QueryExpression).ReadWithPartiQL(
                root.StatementFormat,
                root.Arguments switch
                {
                    QueryParameterExpression parameter => QueryValue.FromParameter(parameter.Name),
                    ConstantExpression constant => QueryValue.FromConstant(constant.Value),
                    var other => throw new InvalidOperationException(Microsoft.EntityFrameworkCore.Diagnostics.CoreStrings.TranslationFailed(other.Print())),
                });
            return shaped;
        }

        return base.VisitExtension(extensionExpression);
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateWhere(ShapedQueryExpression source, LambdaExpression predicate)
    {
        if (FindCorrelated(predicate) is var subqueries && (subqueries.Count > 0 || ReadsOtherEntities(predicate)))
        {
            return TranslateCorrelated(source, predicate, subqueries, nameof(Queryable.Where));
        }

        // After Skip/Take DynamoDB would filter before limiting rows: the condition is checked on the client (what it
        // says about the outer row of a lookup join alone still reaches that row's read).
        if (IsClient(source) || Query(source).HasRowLimits)
        {
            var rest = IsClient(source) ? PushDownOuterConditions(ToClient(source), predicate) : predicate;
            return rest is null ? source : Client(source, nameof(Queryable.Where), rest);
        }

        // `Where(e => true)` (as built by predicate builders) filters nothing.
        if (predicate.Body is ConstantExpression { Value: true })
        {
            return source;
        }

        // `Where(e => false)` (a predicate builder's empty OR, an empty filter list) matches nothing: nothing is sent.
        if (predicate.Body is ConstantExpression { Value: false })
        {
            Query(source).ApplyFalsePredicate();
            return source;
        }

        var query = Query(source);
        var translator = CreatePredicateTranslator(query, predicate, allowClientEvaluation: true);
        var condition = translator.Translate(RemapLambdaBody(source, predicate));
        if (condition is null)
        {
            return Fail(translator.FailureReason);
        }

        query.ApplyPredicate(condition);
        return source;
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression TranslateSelect(ShapedQueryExpression source, LambdaExpression selector)
    {
        if (selector.Body == selector.Parameters[0])
        {
            return source;
        }

        if (FindCorrelated(selector) is var subqueries && (subqueries.Count > 0 || ReadsOtherEntities(selector)))
        {
            return TranslateCorrelated(source, selector, subqueries, nameof(Queryable.Select))!;
        }

        // After Distinct, the projection applies to the distinct values, not to the items they came from.
        if (IsClient(source) || Query(source).IsDistinct)
        {
            return ClientWithSelector(source, nameof(Queryable.Select), singleResult: false, selector)!;
        }

        var query = Query(source);
        var binder = new ProjectionBinder(query, QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.TrackAll);
        var rewriter = new ClientLambdaRewriter(QueryCompilationContext.Model, insideProjection: true);
        var shaper = rewriter.Rewrite(binder.Visit(RemapLambdaBody(source, selector)));
        if (shaper is null || binder.FailureReason is not null)
        {
            // EF's base visitor reports a null result as a translation failure, although the signature says non-null.
            return Fail(binder.FailureReason ?? rewriter.FailureReason)!;
        }

        if (binder.ProjectsEntity)
        {
            query.ProjectWholeItem();
        }

        return source.UpdateShaperExpression(shaper);
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateOrderBy(ShapedQueryExpression source, LambdaExpression keySelector, bool ascending)
        => TranslateOrdering(source, keySelector, ascending, append: false, nameof(Queryable.OrderBy));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateThenBy(ShapedQueryExpression source, LambdaExpression keySelector, bool ascending)
        => TranslateOrdering(source, keySelector, ascending, append: true, nameof(Queryable.ThenBy));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateReverse(ShapedQueryExpression source)
        => IsClient(source) || Query(source).HasRowLimits
            ? Client(source, nameof(Queryable.Reverse))
            : ReverseOrderings(source, nameof(Queryable.Reverse));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateDistinct(ShapedQueryExpression source)
    {
        // A whole entity is one item, and no item is read twice: its results are distinct already.
        if (UnwrapIncludes(source.ShaperExpression) is StructuralTypeShaperExpression)
        {
            return source;
        }

        if (IsClient(source) || Query(source).HasRowLimits)
        {
            return Client(source, nameof(Queryable.Distinct));
        }

        Query(source).ApplyDistinct();
        return source;
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateTake(ShapedQueryExpression source, Expression count)
        => IsClient(source) ? Client(source, nameof(Queryable.Take), count) : TranslateRowLimit(source, count, isSkip: false);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSkip(ShapedQueryExpression source, Expression count)
        => IsClient(source) ? Client(source, nameof(Queryable.Skip), count) : TranslateRowLimit(source, count, isSkip: true);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateFirstOrDefault(
        ShapedQueryExpression source,
        LambdaExpression? predicate,
        Type returnType,
        bool returnDefault)
        => TranslateSingleResult(source, predicate, returnDefault, take: 1, returnDefault ? nameof(Queryable.FirstOrDefault) : nameof(Queryable.First));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSingleOrDefault(
        ShapedQueryExpression source,
        LambdaExpression? predicate,
        Type returnType,
        bool returnDefault)
        // Two items are enough to know that more than one matches.
        => TranslateSingleResult(source, predicate, returnDefault, take: 2, returnDefault ? nameof(Queryable.SingleOrDefault) : nameof(Queryable.Single));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateLastOrDefault(
        ShapedQueryExpression source,
        LambdaExpression? predicate,
        Type returnType,
        bool returnDefault)
    {
        var name = returnDefault ? nameof(Queryable.LastOrDefault) : nameof(Queryable.Last);
        if (Filter(source, predicate) is not { } filtered)
        {
            return null;
        }

        source = filtered;

        if (IsClient(source) || Query(source).HasRowLimits)
        {
            return ClientSingle(source, name);
        }

        // The last item in one order is the first in the other.
        return ReverseOrderings(source, name) is null
            ? null
            : TranslateSingleResult(source, null, returnDefault, take: 1, name);
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateElementAtOrDefault(ShapedQueryExpression source, Expression index, bool returnDefault)
    {
        var name = returnDefault ? nameof(Queryable.ElementAtOrDefault) : nameof(Queryable.ElementAt);
        if (IsClient(source))
        {
            return ClientSingle(source, name, index);
        }

        return TranslateRowLimit(source, index, isSkip: true) is null ? null : TranslateSingleResult(source, null, returnDefault, take: 1, name);
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateCount(ShapedQueryExpression source, LambdaExpression? predicate)
        => TranslateAggregate(source, predicate, DynamoDbAggregate.Count, typeof(int));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateLongCount(ShapedQueryExpression source, LambdaExpression? predicate)
        => TranslateAggregate(source, predicate, DynamoDbAggregate.LongCount, typeof(long));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateAny(ShapedQueryExpression source, LambdaExpression? predicate)
        => TranslateAggregate(source, predicate, DynamoDbAggregate.Any, typeof(bool));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateAll(ShapedQueryExpression source, LambdaExpression predicate)
        => IsClient(source) && !ReadsOtherEntities(predicate)
            ? ClientSingle(source, nameof(Queryable.All), predicate)
            // All(p) is "no item matches !p".
            : TranslateAggregate(
            source,
            Expression.Lambda(Expression.Not(predicate.Body), predicate.Parameters),
            DynamoDbAggregate.All,
            typeof(bool));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateMin(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateValueAggregate(source, selector, DynamoDbAggregate.Min, resultType);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateMax(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateValueAggregate(source, selector, DynamoDbAggregate.Max, resultType);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSum(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateValueAggregate(source, selector, DynamoDbAggregate.Sum, resultType);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateAverage(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateValueAggregate(source, selector, DynamoDbAggregate.Average, resultType);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateCast(ShapedQueryExpression source, Type castType)
        => castType.IsAssignableFrom(source.ShaperExpression.Type)
            ? source
            : IsClient(source) ? Client(source, nameof(Queryable.Cast), singleResult: false, _ => [castType]) : null;

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateOfType(ShapedQueryExpression source, Type resultType)
    {
        if (resultType == source.ShaperExpression.Type)
        {
            return source;
        }

        if (IsClient(source) || Query(source).HasRowLimits)
        {
            return Client(source, nameof(Queryable.OfType), singleResult: false, _ => [resultType]);
        }

        // OfType<Derived>() on a hierarchy: the items of that type and the types below it, materialized as such.
        if (source.ShaperExpression is StructuralTypeShaperExpression { StructuralType: IEntityType entityType } shaper
            && entityType.GetDerivedTypes().FirstOrDefault(t => t.ClrType == resultType) is { } derivedType)
        {
            Query(source).ApplyPredicate(CreateTypeCondition(derivedType));
            return source.UpdateShaperExpression(shaper.WithType(derivedType));
        }

        return null;
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateConcat(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => ClientSetOperation(source1, source2, nameof(Queryable.Concat));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateContains(ShapedQueryExpression source, Expression item)
        // Of values (an entity is compared by key, which the client does not know how to do).
        => UnwrapIncludes(source.ShaperExpression) is StructuralTypeShaperExpression ? null : ClientSingle(source, nameof(Queryable.Contains), item);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateDefaultIfEmpty(ShapedQueryExpression source, Expression? defaultValue)
        => Client(source, nameof(Queryable.DefaultIfEmpty), defaultValue);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateExcept(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => ClientSetOperation(source1, source2, nameof(Queryable.Except));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateGroupBy(
        ShapedQueryExpression source,
        LambdaExpression keySelector,
        LambdaExpression? elementSelector,
        LambdaExpression? resultSelector)
        => resultSelector is not null && UnboundParameterFinder.UsesUnbound(resultSelector, QueryCompilationContext.QueryContextParameter)
            ? Fail(DynamoDbStrings.GroupElementsProjected)
            : Client(
                source,
                nameof(Queryable.GroupBy),
                singleResult: false,
                t => [t, keySelector.ReturnType, .. elementSelector is null ? [] : new[] { elementSelector.ReturnType }, .. resultSelector is null ? [] : new[] { resultSelector.ReturnType }],
                keySelector,
                elementSelector,
                resultSelector,
                GroupingKeyComparer(keySelector));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateGroupJoin(
        ShapedQueryExpression outer,
        ShapedQueryExpression inner,
        LambdaExpression outerKeySelector,
        LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => Fail(DynamoDbStrings.JoinNotSupported("GroupJoin"));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateIntersect(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => ClientSetOperation(source1, source2, nameof(Queryable.Intersect));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateJoin(
        ShapedQueryExpression outer,
        ShapedQueryExpression inner,
        LambdaExpression outerKeySelector,
        LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => TranslateLookupJoin(outer, inner, outerKeySelector, innerKeySelector, resultSelector, nameof(Enumerable.Join));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateLeftJoin(
        ShapedQueryExpression outer,
        ShapedQueryExpression inner,
        LambdaExpression outerKeySelector,
        LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => TranslateLookupJoin(outer, inner, outerKeySelector, innerKeySelector, resultSelector, nameof(Enumerable.LeftJoin));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateRightJoin(
        ShapedQueryExpression outer,
        ShapedQueryExpression inner,
        LambdaExpression outerKeySelector,
        LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => Fail(DynamoDbStrings.JoinNotSupported("RightJoin"));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSelectMany(
        ShapedQueryExpression source,
        LambdaExpression collectionSelector,
        LambdaExpression resultSelector)
        => TranslateLookupSelectMany(source, collectionSelector, resultSelector);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSelectMany(ShapedQueryExpression source, LambdaExpression selector)
    {
        // SelectMany(c => c.Orders) is SelectMany(c => c.Orders, (c, o) => o).
        var inner = Expression.Parameter(ElementTypeOf(selector.ReturnType), "inner");
        return TranslateSelectMany(source, selector, Expression.Lambda(inner, Expression.Parameter(selector.Parameters[0].Type, "outer"), inner));
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSkipWhile(ShapedQueryExpression source, LambdaExpression predicate)
        => Client(source, nameof(Queryable.SkipWhile), predicate);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateTakeWhile(ShapedQueryExpression source, LambdaExpression predicate)
        => Client(source, nameof(Queryable.TakeWhile), predicate);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateUnion(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => ClientSetOperation(source1, source2, nameof(Queryable.Union));

    private ShapedQueryExpression? TranslateOrdering(
        ShapedQueryExpression source,
        LambdaExpression keySelector,
        bool ascending,
        bool append,
        string operatorName)
    {
        // OrderBy(c => c.Orders.Count()): the key is computed on the client, over the looked-up or read subquery rows.
        if (!append && FindCorrelated(keySelector) is var subqueries && (subqueries.Count > 0 || ReadsOtherEntities(keySelector)))
        {
            return TranslateCorrelated(source, keySelector, subqueries, operatorName + (ascending ? "" : "Descending"));
        }

        // After Skip/Take DynamoDB would order before limiting rows: the order is made on the client.
        if (IsClient(source) || Query(source).HasRowLimits)
        {
            return ClientOrdering(source, operatorName + (ascending ? "" : "Descending"), keySelector);
        }

        var query = Query(source);
        var translator = CreatePredicateTranslator(query, keySelector);
        var property = translator.TranslateProperty(RemapLambdaBody(source, keySelector));
        if (property is null)
        {
            // OrderBy(c => c.Region ?? "ZZ"): DynamoDB orders by one attribute; a computed key is ordered on the
            // client, as a client-side sort is, with the operators after it. A ThenBy cannot move the DynamoDB-side
            // order before it to the client, and an unmapped member is not evaluated.
            return !append && translator.FailureReason is null
                ? ClientOrdering(source, operatorName + (ascending ? "" : "Descending"), keySelector)
                : Fail(translator.FailureReason ?? DynamoDbStrings.OrderingNotProperty(keySelector.Print()));
        }

        query.ApplyOrdering(new DynamoDbOrdering(property, ascending), append);
        return source;
    }

    // Reverse, and Last as First in the reversed order: both need an order to reverse (after Skip/Take they run on
    // the client, where DynamoDB's order is the one to reverse). The operator name is the one the message gives.
    private ShapedQueryExpression? ReverseOrderings(ShapedQueryExpression source, string operatorName)
    {
        var query = Query(source);
        if (query.Orderings.Count == 0)
        {
            return Fail(DynamoDbStrings.LastNeedsOrdering(operatorName));
        }

        query.ReverseOrderings();
        return source;
    }

    private ShapedQueryExpression? TranslateRowLimit(ShapedQueryExpression source, Expression count, bool isSkip)
    {
        QueryValue? value = count switch
        {
            ConstantExpression constant => QueryValue.FromConstant(constant.Value),
            QueryParameterExpression parameter => QueryValue.FromParameter(parameter.Name),
            _ => null,
        };
        if (value is null)
        {
            return null;
        }

        Query(source).ApplyRowLimit(new RowLimit(isSkip, value));
        return source;
    }

    private ShapedQueryExpression? TranslateSingleResult(ShapedQueryExpression source, LambdaExpression? predicate, bool returnDefault, int take, string name)
    {
        // The predicate is a Where first (which runs on the client where it has to, as after Skip/Take or with a
        // subquery), then the operator takes its rows.
        if (Filter(source, predicate) is not { } filtered)
        {
            return null;
        }

        source = filtered;

        if (IsClient(source))
        {
            return ClientSingle(source, name);
        }

        Query(source).ApplyRowLimit(new RowLimit(IsSkip: false, QueryValue.FromConstant(take)));
        return source.UpdateResultCardinality(returnDefault ? ResultCardinality.SingleOrDefault : ResultCardinality.Single);
    }

    // The operator's predicate as a Where before it (null when that fails to translate); the source without one.
    private ShapedQueryExpression? Filter(ShapedQueryExpression source, LambdaExpression? predicate)
        => predicate is null ? source : TranslateWhere(source, predicate);

    private ShapedQueryExpression? TranslateAggregate(ShapedQueryExpression source, LambdaExpression? predicate, DynamoDbAggregate aggregate, Type resultType)
    {
        // The predicate is a Where first (see TranslateSingleResult); All's is the negated one: no row fails it.
        if (Filter(source, predicate) is not { } filtered)
        {
            return null;
        }

        source = filtered;

        if (IsClient(source))
        {
            return aggregate == DynamoDbAggregate.All ? ClientNoneLeft(source) : ClientAggregate(source, aggregate, null);
        }

        return source
            .UpdateShaperExpression(new AggregateShaperExpression(source.ShaperExpression, aggregate, resultType))
            .UpdateResultCardinality(ResultCardinality.Single);
    }

    private ShapedQueryExpression? TranslateValueAggregate(ShapedQueryExpression source, LambdaExpression? selector, DynamoDbAggregate aggregate, Type resultType)
    {
        if (selector is not null)
        {
            source = TranslateSelect(source, selector);
            if (source is null)
            {
                return null;
            }
        }

        return TranslateAggregate(source, null, aggregate, resultType);
    }

    // discriminator = 'Type', or IN the values of the type's concrete types.
    private static DynamoDbCondition CreateTypeCondition(IEntityType entityType)
    {
        var discriminator = entityType.FindDiscriminatorProperty()!;
        var values = entityType.GetConcreteDerivedTypesInclusive().Select(t => t.GetDiscriminatorValue()).ToList();
        return values.Count == 1
            ? new ComparisonCondition(discriminator, ComparisonOperator.Equal, QueryValue.FromConstant(values[0]))
            : new InCondition(discriminator, QueryValue.FromConstant(values));
    }

    // A keyless entity type mapped onto the table is a view of its items, not a kind of item stored there.
    private static bool SharesTable(IEntityType entityType)
        => entityType.Model.GetEntityTypes().Count(e => e.BaseType is null && e.FindPrimaryKey() is not null && e.GetTableName() == entityType.GetTableName()) > 1;

    // The current time as the time-to-live property's own type, read each time the query runs.
    private static Func<QueryContext, object?> CurrentTime(Type timeToLiveType)
        => (Nullable.GetUnderlyingType(timeToLiveType) ?? timeToLiveType) switch
        {
            var t when t == typeof(DateTime) => _ => DateTime.UtcNow,
            var t when t == typeof(DateTimeOffset) => _ => DateTimeOffset.UtcNow,
            _ => _ => DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };

    private static DynamoDbQueryExpression Query(ShapedQueryExpression source) => (DynamoDbQueryExpression)source.QueryExpression;

    private static DynamoDbPredicateTranslator CreatePredicateTranslator(DynamoDbQueryExpression query, LambdaExpression lambda, bool allowClientEvaluation = false)
        => new(
            query.EntityType,
            binding => binding.QueryExpression == query && binding.Index is { } index && index < query.ProjectedProperties.Count
                ? query.ProjectedProperties[index]
                : null,
            lambda.Parameters[0].Name,
            allowClientEvaluation);

    private ShapedQueryExpression? Fail(string? reason)
    {
        if (reason is not null)
        {
            AddTranslationErrorDetails(reason);
        }

        return null;
    }

    private static Expression RemapLambdaBody(ShapedQueryExpression shapedQueryExpression, LambdaExpression lambdaExpression)
        => ReplacingExpressionVisitor.Replace(lambdaExpression.Parameters[0], shapedQueryExpression.ShaperExpression, lambdaExpression.Body);
}

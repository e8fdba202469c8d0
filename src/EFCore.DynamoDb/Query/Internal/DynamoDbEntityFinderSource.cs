using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Creates <see cref="DynamoDbEntityFinder{TEntity}" />s, compiling each entity type's find-by-key query (and the
/// finder's constructor) once for the lifetime of the service provider: once per tracking behavior, as a compiled
/// query keeps the behavior it was compiled with, while FindAsync follows the context's
/// <c>ChangeTracker.QueryTrackingBehavior</c> of the moment, as EF's own finder does.
/// </summary>
public class DynamoDbEntityFinderSource : IEntityFinderSource
{
    private static readonly MethodInfo CreateFactoryMethod
        = typeof(DynamoDbEntityFinderSource).GetMethod(nameof(CreateFactory), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo ObjectEqualsMethod = typeof(object).GetMethod(nameof(Equals), [typeof(object), typeof(object)])!;

    private readonly ConcurrentDictionary<IEntityType, Func<IStateManager, IDbSetSource, IDbSetCache, IEntityFinder>> _factories = new();

    /// <inheritdoc />
    public virtual IEntityFinder Create(IStateManager stateManager, IDbSetSource setSource, IDbSetCache setCache, IEntityType type)
        => _factories.GetOrAdd(type, static t => (Func<IStateManager, IDbSetSource, IDbSetCache, IEntityFinder>)CreateFactoryMethod
                .MakeGenericMethod(t.ClrType)
                .Invoke(null, [t])!)
            (stateManager, setSource, setCache);

    private static Func<IStateManager, IDbSetSource, IDbSetCache, IEntityFinder> CreateFactory<TEntity>(IEntityType entityType)
        where TEntity : class
    {
        var finds = Enum.GetValues<QueryTrackingBehavior>()
            .Select(behavior => new Lazy<Func<DbContext, object[], CancellationToken, Task<TEntity?>>>(() => CompileFind<TEntity>(entityType, behavior)))
            .ToArray();
        Func<DbContext, object[], CancellationToken, Task<TEntity?>> find
            = (context, keyValues, cancellationToken) => finds[(int)context.ChangeTracker.QueryTrackingBehavior].Value(context, keyValues, cancellationToken);
        return (stateManager, setSource, setCache) => new DynamoDbEntityFinder<TEntity>(stateManager, setSource, setCache, entityType, find);
    }

    // db.Set<TEntity>().AsTracking(behavior).FirstOrDefault(e => Equals(EF.Property<K1>(e, "Pk"), k1) [&& Equals(EF.Property<K2>(e, "Sk"), k2)]),
    // compiled with EF.CompileAsyncQuery and called with the key values.
    private static Func<DbContext, object[], CancellationToken, Task<TEntity?>> CompileFind<TEntity>(IEntityType entityType, QueryTrackingBehavior behavior)
        where TEntity : class
    {
        var keyProperties = entityType.FindPrimaryKey()!.Properties;
        var context = Expression.Parameter(typeof(DbContext), "context");
        var cancellationToken = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var keyParameters = keyProperties.Select((p, i) => Expression.Parameter(p.ClrType, "key" + i)).ToList();

        Expression? predicate = null;
        for (var i = 0; i < keyProperties.Count; i++)
        {
            var property = Expression.Call(
                typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(keyProperties[i].ClrType),
                entity,
                Expression.Constant(keyProperties[i].Name));
            // object.Equals, as EF's own finder compares keys: a key type need not define == (a struct with a converter).
            var equal = Expression.Call(
                ObjectEqualsMethod, Expression.Convert(property, typeof(object)), Expression.Convert(keyParameters[i], typeof(object)));
            predicate = predicate is null ? equal : Expression.AndAlso(predicate, equal);
        }

        var set = Expression.Call(
            new Func<IQueryable<TEntity>, QueryTrackingBehavior, IQueryable<TEntity>>(EntityFrameworkQueryableExtensions.AsTracking).Method,
            Expression.Call(context, typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(typeof(TEntity))),
            Expression.Constant(behavior));
        var body = Expression.Call(
            new Func<IQueryable<TEntity>, Expression<Func<TEntity, bool>>, TEntity?>(Queryable.FirstOrDefault).Method,
            set,
            Expression.Quote(Expression.Lambda(predicate!, entity)));
        var query = Expression.Lambda(body, [context, .. keyParameters, cancellationToken]);

        var compile = typeof(EF).GetMethods()
            .Single(m => m.Name == nameof(EF.CompileAsyncQuery)
                && m.GetGenericArguments().Length == keyProperties.Count + 2
                && m.GetParameters()[0].ParameterType.GetGenericArguments()[0].GetGenericArguments() is var funcArguments
                && funcArguments.Length == keyProperties.Count + 3
                && funcArguments[^2] == typeof(CancellationToken)
                && funcArguments[^1].IsGenericParameter)
            .MakeGenericMethod([typeof(DbContext), .. keyProperties.Select(p => p.ClrType), typeof(TEntity)]);
        var compiled = (Delegate)compile.Invoke(null, [query])!;

        // Adapts the typed compiled query to the finder's object[] key values.
        var keyValues = Expression.Parameter(typeof(object[]), "keyValues");
        return Expression.Lambda<Func<DbContext, object[], CancellationToken, Task<TEntity?>>>(
                Expression.Invoke(
                    Expression.Constant(compiled),
                    [context, .. keyProperties.Select((p, i) => Expression.Convert(Expression.ArrayIndex(keyValues, Expression.Constant(i)), p.ClrType)), cancellationToken]),
                context,
                keyValues,
                cancellationToken)
            .Compile();
    }
}

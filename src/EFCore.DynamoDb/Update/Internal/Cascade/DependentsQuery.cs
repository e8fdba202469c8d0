using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Update.Internal.Cascade;

/// <summary>
/// The stored dependents of principals through one foreign key, read with an ordinary LINQ query of the dependent
/// entity type (so the query pipeline picks the Query of the foreign key's index, or a Scan, and materializes and tracks
/// as any tracking query does: an entity already tracked is the tracked one). Query filters are ignored: a relational database's cascade reaches filtered rows too. The
/// principal key values are parameters (held in a closure the query compiler extracts), so every delete through one
/// relationship shares one compiled query.
/// </summary>
public static class DependentsQuery
{
    private static readonly MethodInfo ReadMethod
        = typeof(DependentsQuery).GetMethod(nameof(ReadTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo ContainsMethod
        = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    /// <summary>
    /// The dependents whose foreign key equals <paramref name="principalKey" /> (the principal key's values, in the
    /// foreign key's property order), at most <paramref name="take" /> of them when it is set.
    /// </summary>
    public static Task<List<object>> OfOneAsync(
        DbContext context, IForeignKey foreignKey, object?[] principalKey, int? take, CancellationToken cancellationToken)
    {
        var entity = Expression.Parameter(foreignKey.DeclaringEntityType.ClrType, "e");
        Expression? predicate = null;
        for (var i = 0; i < foreignKey.Properties.Count; i++)
        {
            var property = entity.CreateEFPropertyExpression(foreignKey.Properties[i]);
            var equal = Expression.Equal(property, Parameter(property.Type, principalKey[i]));
            predicate = predicate is null ? equal : Expression.AndAlso(predicate, equal);
        }

        return ReadAsync(context, foreignKey, Expression.Lambda(predicate!, entity), take, cancellationToken);
    }

    /// <summary>
    /// The dependents whose single-property foreign key is one of <paramref name="principalKeys" />, in one query,
    /// at most <paramref name="take" /> of them when it is set.
    /// </summary>
    public static Task<List<object>> OfManyAsync(
        DbContext context, IForeignKey foreignKey, IReadOnlyList<object> principalKeys, int? take, CancellationToken cancellationToken)
    {
        var entity = Expression.Parameter(foreignKey.DeclaringEntityType.ClrType, "e");
        var property = entity.CreateEFPropertyExpression(foreignKey.Properties.Single());
        var values = Array.CreateInstance(property.Type, principalKeys.Count);
        for (var i = 0; i < principalKeys.Count; i++)
        {
            values.SetValue(principalKeys[i], i);
        }

        var contains = Expression.Call(ContainsMethod.MakeGenericMethod(property.Type), Parameter(values.GetType(), values), property);
        return ReadAsync(context, foreignKey, Expression.Lambda(contains, entity), take, cancellationToken);
    }

    // A field of a closure object: EF's parameter extraction makes it a query parameter rather than a constant.
    private static MemberExpression Parameter(Type type, object? value)
        => Expression.Field(
            Expression.Constant(Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)),
            nameof(StrongBox<object>.Value));

    private static Task<List<object>> ReadAsync(
        DbContext context, IForeignKey foreignKey, LambdaExpression predicate, int? take, CancellationToken cancellationToken)
        => (Task<List<object>>)ReadMethod.MakeGenericMethod(foreignKey.DeclaringEntityType.ClrType)
            .Invoke(null, [context, foreignKey.DeclaringEntityType, predicate, take, cancellationToken])!;

    private static async Task<List<object>> ReadTypedAsync<TEntity>(
        DbContext context, IEntityType entityType, LambdaExpression predicate, int? take, CancellationToken cancellationToken)
        where TEntity : class
    {
        var query = (entityType.HasSharedClrType ? context.Set<TEntity>(entityType.Name) : context.Set<TEntity>())
            .IgnoreQueryFilters()
            .AsTracking()
            .Where((Expression<Func<TEntity, bool>>)predicate);
        if (take is { } count)
        {
            query = query.Take(count);
        }

        var dependents = new List<object>();
        await foreach (var dependent in query.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            dependents.Add(dependent);
        }

        return dependents;
    }
}

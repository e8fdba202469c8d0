using System.Linq.Expressions;
using System.Reflection;

namespace EFCore.DynamoDb.Query.Internal.Lookups;

/// <summary>
/// Moves the conditions of a <c>Where</c> written after a <c>Join</c> that test only the outer element onto the outer
/// source, before the join: <c>from ur in UserRoles join r in Roles on ur.RoleId equals r.Id where ur.UserId == id</c>
/// (ASP.NET Core Identity's GetRolesAsync, and its users-in-role and users-for-claim queries) then reads the outer side
/// with its condition — a Query of the table or of an index — instead of reading all of it and filtering after the key
/// lookup. An inner join (and a left join's outer side) keeps the same rows either way; conditions that test the
/// inner element stay after the join.
/// </summary>
public sealed class OuterPredicatePushdown : ExpressionVisitor
{
    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        node = (MethodCallExpression)base.VisitMethodCall(node);
        if (!IsQueryable(node, nameof(Queryable.Where), 2)
            || node.Arguments[0] is not MethodCallExpression join
            || !(IsQueryable(join, nameof(Queryable.Join), 5) || IsQueryable(join, "LeftJoin", 5))
            || Lambda(node.Arguments[1]) is not { } predicate
            || Lambda(join.Arguments[4]) is not { Body: NewExpression { Members: { } members } result } resultSelector)
        {
            return node;
        }

        // The member of the joined element that carries the outer element itself.
        var outerIndex = result.Arguments.IndexOf(resultSelector.Parameters[0]);
        if (outerIndex < 0)
        {
            return node;
        }

        var row = predicate.Parameters[0];
        var outerElement = Expression.Parameter(resultSelector.Parameters[0].Type, resultSelector.Parameters[0].Name);
        var pushed = new List<Expression>();
        var kept = new List<Expression>();
        foreach (var condition in Conjuncts(predicate.Body))
        {
            var replacer = new OuterMemberReplacer(row, MemberName(members[outerIndex]), outerElement);
            var rewritten = replacer.Visit(condition);
            (replacer.UsesOtherMembers ? kept : pushed).Add(replacer.UsesOtherMembers ? condition : rewritten);
        }

        if (pushed.Count == 0)
        {
            return node;
        }

        // Visited again: a Where over a join of joins moves on to the innermost outer source.
        var outerWhere = Visit(Expression.Call(
            WhereMethod.MakeGenericMethod(outerElement.Type),
            join.Arguments[0],
            Expression.Quote(Expression.Lambda(pushed.Aggregate(Expression.AndAlso), outerElement))));
        var newJoin = join.Update(join.Object, [outerWhere, .. join.Arguments.Skip(1)]);
        return kept.Count == 0
            ? newJoin
            : node.Update(node.Object, [newJoin, Expression.Quote(Expression.Lambda(kept.Aggregate(Expression.AndAlso), row))]);
    }

    private static readonly MethodInfo WhereMethod = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Where)
            && m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2);

    // The C# compiler lists an anonymous type's members by their getters.
    private static string MemberName(MemberInfo member)
        => member is MethodInfo { Name: var name } && name.StartsWith("get_", StringComparison.Ordinal) ? name[4..] : member.Name;

    private static bool IsQueryable(MethodCallExpression call, string name, int arguments)
        => call.Method.DeclaringType == typeof(Queryable) && call.Method.Name == name && call.Arguments.Count == arguments;

    private static LambdaExpression? Lambda(Expression expression)
        => (expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression) as LambdaExpression;

    private static IEnumerable<Expression> Conjuncts(Expression expression)
        => expression is BinaryExpression { NodeType: ExpressionType.AndAlso } and
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : [expression];

    // Replaces row.Outer with the outer element; notes any other use of the row (then the condition stays where it is).
    private sealed class OuterMemberReplacer(ParameterExpression row, string outerMember, ParameterExpression outerElement) : ExpressionVisitor
    {
        public bool UsesOtherMembers { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
            => node.Expression == row && node.Member.Name == outerMember ? outerElement : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node)
        {
            UsesOtherMembers |= node == row;
            return node;
        }
    }
}

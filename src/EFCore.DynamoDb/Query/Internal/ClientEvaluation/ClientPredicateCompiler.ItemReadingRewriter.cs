using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.ClientEvaluation;

public sealed partial class ClientPredicateCompiler
{
    /// <summary>
    /// Rewrites a predicate over the query's shaper into one over the item: property reads, parameters, Queryable
    /// operators over collections, null propagation. The first thing it cannot evaluate sets the failure reason.
    /// </summary>
    private sealed class ItemReadingRewriter(ClientPredicateCompiler owner, ParameterExpression item) : ExpressionVisitor
    {
        private static readonly ConcurrentDictionary<MethodInfo, MethodInfo?> EnumerableTwins = new();

        private readonly List<IProperty> _properties = [];

        // The lambda parameters that stand for a complex collection's elements, each read as its map instead.
        private readonly Dictionary<ParameterExpression, (ParameterExpression Map, IReadOnlyTypeBase Type)> _elements = [];

        // The rewritten sequences of element maps (`o.Lines.Where(…)`), with their element type, for the operator after them.
        private readonly Dictionary<Expression, IComplexType> _elementSequences = [];

        public IReadOnlyList<IProperty> Properties => _properties;

        public bool ReadsWholeItem { get; private set; }

        public string? FailureReason { get; private set; }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is QueryParameterExpression)
            {
                return new QueryParameterInliningExpressionVisitor().Visit(node);
            }

            if (node is ProjectionBindingExpression && TryReadProperty(node, out var read))
            {
                return read;
            }

            return Fail(node, DynamoDbStrings.PredicateNotSupported(owner._print(node)));
        }

        protected override Expression VisitParameter(ParameterExpression node)
            => _elements.ContainsKey(node) ? Fail(node, DynamoDbStrings.PredicateNotSupported(owner._print(node))) : node;

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is { } elementMember && ElementOf(elementMember) is var (map, elementType))
            {
                return elementType.FindProperty(node.Member.Name) is { } property
                    ? NullSafety.Restore(AttributePath.CreateReadExpression(map, property, property.ClrType), node.Type)
                    : Fail(node, CoreStrings.QueryUnableToTranslateMember(node.Member.Name, elementType.DisplayName()));
            }

            if (TryReadProperty(node, out var read))
            {
                return read;
            }

            if (FailureReason is not null || node.Expression is null)
            {
                return node;
            }

            if (StripConvert(node.Expression) is StructuralTypeShaperExpression)
            {
                return Fail(node, CoreStrings.QueryUnableToTranslateMember(node.Member.Name, owner.EntityDisplayName));
            }

            var instance = Visit(node.Expression);
            if (IsNullableMember(node.Member, instance))
            {
                // `x.Value` of a value null propagation may have made null stays nullable; `x.HasValue` tells.
                return node.Member.Name == nameof(Nullable<int>.Value) ? instance : Expression.MakeMemberAccess(instance, node.Member);
            }

            return NullSafety.Guard(instance, i => Expression.MakeMemberAccess(i, node.Member));
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (TryReadProperty(node, out var read))
            {
                return read;
            }

            if (FailureReason is not null)
            {
                return node;
            }

            var method = node.Method;
            if (method.DeclaringType == typeof(DbFunctionsExtensions) && method.Name == nameof(DbFunctionsExtensions.Random))
            {
                return Expression.Call(Expression.Property(null, typeof(Random), nameof(Random.Shared)), nameof(Random.NextDouble), Type.EmptyTypes);
            }

            if (node.Arguments.Any(a => a is ConstantExpression { Value: StringComparison comparison } && comparison is not (StringComparison.Ordinal or StringComparison.OrdinalIgnoreCase)))
            {
                return Fail(node, DynamoDbStrings.ClientEvaluationCultureComparison(owner._print(node)));
            }

            if (!IsEvaluable(method.DeclaringType))
            {
                return Fail(node, DynamoDbStrings.ClientEvaluationMethodNotEvaluable(owner._print(node), method.DeclaringType?.ShortDisplayName() + "." + method.Name));
            }

            // `c.Strings[1]` of a list: see ElementAt.
            if (method.Name == "get_Item" && node.Object is { } list && node.Arguments is [{ Type: var indexType }] && indexType == typeof(int)
                && list.Type.GetInterfaces().Append(list.Type).Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IList<>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))))
            {
                return ElementAt(node, list, node.Arguments[0], (l, i) => Expression.Call(l, method, i));
            }

            // `c.Ints[1]`, which EF writes as ElementAt: see ElementAt.
            if (method.DeclaringType == typeof(Enumerable) && method.Name == nameof(Enumerable.ElementAt) && node.Arguments[1].Type == typeof(int))
            {
                return ElementAt(node, node.Arguments[0], node.Arguments[1], (l, i) => Expression.Call(method, l, i));
            }

            // The collection is in memory: `AsQueryable()` goes, and each Queryable operator runs as its Enumerable twin.
            if (method.DeclaringType == typeof(Queryable))
            {
                if (method.Name == nameof(Queryable.AsQueryable))
                {
                    return Visit(node.Arguments[0]);
                }

                if (EnumerableTwin(method) is not { } twin)
                {
                    return Fail(node, DynamoDbStrings.PredicateNotSupported(owner._print(node)));
                }

                return VisitMethodCall(Expression.Call(twin, node.Arguments.Select(a => a is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : a)));
            }

            if (method.DeclaringType == typeof(Enumerable) && method.IsGenericMethod && node.Arguments.Count > 0)
            {
                var source = StripAsQueryable(node.Arguments[0]);
                if (owner.FindComplexCollection(source) is { } collection)
                {
                    return ReadElementMaps(collection) is { } maps ? OverElements(node, maps, collection.ComplexType) : node;
                }

                if (source is MethodCallExpression { Method.IsGenericMethod: true } inner
                    && (inner.Method.DeclaringType == typeof(Enumerable) || inner.Method.DeclaringType == typeof(Queryable))
                    && Visit(source) is var sequence && _elementSequences.TryGetValue(sequence, out var sequenceType))
                {
                    return OverElements(node, sequence, sequenceType);
                }
            }

            var parameters = method.GetParameters();
            var arguments = new List<Expression>(node.Arguments.Count);
            var lifted = new List<int>();
            for (var i = 0; i < node.Arguments.Count; i++)
            {
                var argument = Visit(node.Arguments[i]);
                if (argument.Type != parameters[i].ParameterType && argument.Type == NullSafety.MakeNullable(parameters[i].ParameterType))
                {
                    // A value null propagation made nullable, passed where .NET needs a value: null in, null out.
                    lifted.Add(i);
                }

                arguments.Add(argument);
            }

            if (FailureReason is not null)
            {
                return node;
            }

            Expression Call(Expression? instance, IReadOnlyList<Expression> values) => Expression.Call(instance, method, values);

            if (node.Object is null)
            {
                // An extension method of a null reference (`e.Tags.Any()` without Tags) is its result type's default.
                return method.IsDefined(typeof(ExtensionAttribute), inherit: false) && arguments is [{ Type.IsValueType: false } first, ..] && lifted.Count == 0
                    ? NullSafety.Guard(first, f => Call(null, [f, .. arguments.Skip(1)]))
                    : GuardArguments(arguments, lifted, values => Call(null, values));
            }

            var target = Visit(node.Object);
            if (IsNullableMember(method, target))
            {
                return GuardArguments(arguments, lifted, values => Call(target, values));
            }

            // `a.Equals(b)` with a null `a` is whether `b` is null, as C# would say of `Equals(a, b)`.
            var whenNull = method.Name == nameof(Equals) && arguments.Count == 1 && NullSafety.CanBeNull(arguments[0].Type)
                ? Expression.Equal(arguments[0], Expression.Constant(null, arguments[0].Type))
                : null;
            return NullSafety.Guard(target, t => GuardArguments(arguments, lifted, values => Call(t, values)), whenNull);
        }

        // The element of a sequence at an index (a list's indexer, EF's ElementAt), guarded as below.
        private Expression ElementAt(MethodCallExpression node, Expression sequence, Expression position, Func<Expression, Expression, Expression> read)
        {
            var items = Visit(sequence);
            var index = Visit(position);
            return FailureReason is not null
                ? node
                : NullSafety.Guard(items, l => ElementAt(
                    l,
                    NullSafety.Restore(index, typeof(int)),
                    Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [node.Type], l),
                    i => read(l, i)));
        }

        // An element past the end of a collection (or before its start) is null, as a missing list element is in
        // EF's other providers, not an exception: the condition on it does not hold.
        private static Expression ElementAt(Expression collection, Expression index, Expression count, Func<Expression, Expression> read)
        {
            var element = read(index);
            return Expression.Condition(
                Expression.AndAlso(Expression.GreaterThanOrEqual(index, Expression.Constant(0)), Expression.LessThan(index, count)),
                NullSafety.ToNullable(element),
                Expression.Constant(null, NullSafety.MakeNullable(element.Type)));
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType == ExpressionType.ArrayIndex)
            {
                var array = Visit(node.Left);
                var index = Visit(node.Right);
                return FailureReason is not null
                    ? node
                    : NullSafety.Guard(array, a => ElementAt(a, NullSafety.Restore(index, typeof(int)), Expression.ArrayLength(a), i => Expression.ArrayIndex(a, i)));
            }

            if (node.NodeType is ExpressionType.AndAlso or ExpressionType.OrElse)
            {
                return Expression.MakeBinary(
                    node.NodeType,
                    NullSafety.Restore(Visit(node.Left), typeof(bool)),
                    NullSafety.Restore(Visit(node.Right), typeof(bool)));
            }

            // `l.Position == null` on an element: whether its nested map is there.
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual
                && (IsNull(node.Right) ? node.Left : IsNull(node.Left) ? node.Right : null) is { } tested
                && ElementOf(StripConvert(tested)) is var (elementMap, nestedType))
            {
                var nestedMap = AttributePath.CreateMapExpression(elementMap, AttributePath.MapPathOf(nestedType, out _));
                return Expression.MakeBinary(node.NodeType, nestedMap, Expression.Constant(null, nestedMap.Type));
            }

            // C# compares other objects (anonymous types, tuples, arrays) by reference, which no database result can
            // mean: EF does not evaluate such a comparison.
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual
                && node.Method is null
                && !node.Left.Type.IsValueType
                && node.Left.Type != typeof(string)
                && !IsNull(node.Left)
                && !IsNull(node.Right))
            {
                return Fail(node, DynamoDbStrings.PredicateNotSupported(owner._print(node)));
            }

            var left = Visit(node.Left);
            var right = Visit(node.Right);
            if (FailureReason is not null || (left.Type == node.Left.Type && right.Type == node.Right.Type))
            {
                return FailureReason is null ? node.Update(left, node.Conversion, right) : node;
            }

            if (node.NodeType == ExpressionType.Coalesce)
            {
                return Expression.Coalesce(left, NullSafety.Restore(right, node.Right.Type));
            }

            (left, right) = NullSafety.Balance(left, right);
            // A comparison of a null operand is false (or, for != and ==, C#'s answer); arithmetic on it is null.
            return Expression.MakeBinary(node.NodeType, left, right, liftToNull: node.Type != typeof(bool), node.Method);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (node.NodeType == ExpressionType.Quote)
            {
                return Visit(node.Operand);
            }

            var operand = Visit(node.Operand);
            if (FailureReason is not null || operand.Type == node.Operand.Type)
            {
                return FailureReason is null ? node.Update(operand) : node;
            }

            return node.NodeType switch
            {
                ExpressionType.Convert or ExpressionType.ConvertChecked => Expression.MakeUnary(node.NodeType, operand, NullSafety.MakeNullable(node.Type)),
                ExpressionType.ArrayLength => NullSafety.Guard(operand, Expression.ArrayLength),
                ExpressionType.TypeAs => Expression.TypeAs(operand, node.Type),
                _ => Expression.MakeUnary(node.NodeType, operand, NullSafety.MakeNullable(node.Type), node.Method),
            };
        }

        protected override Expression VisitTypeBinary(TypeBinaryExpression node)
            => StripConvert(node.Expression) is StructuralTypeShaperExpression
                && owner.TypeTestAnswer(node.TypeOperand, exact: node.NodeType == ExpressionType.TypeEqual) is { } answer
                    ? Expression.Constant(answer)
                    : base.VisitTypeBinary(node);

        protected override Expression VisitConditional(ConditionalExpression node)
        {
            var test = NullSafety.Restore(Visit(node.Test), typeof(bool));
            var (ifTrue, ifFalse) = NullSafety.Balance(Visit(node.IfTrue), Visit(node.IfFalse));
            return FailureReason is not null ? node : Expression.Condition(test, ifTrue, ifFalse, ifTrue.Type == ifFalse.Type ? ifTrue.Type : node.Type);
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            var body = Visit(node.Body);
            return FailureReason is not null ? node : Expression.Lambda(node.Type, NullSafety.Restore(body, node.Body.Type), node.Parameters);
        }

        protected override Expression VisitNew(NewExpression node)
        {
            var arguments = node.Arguments.Select(a => NullSafety.Restore(Visit(a), a.Type)).ToList();
            return FailureReason is not null ? node : node.Update(arguments);
        }

        protected override Expression VisitNewArray(NewArrayExpression node)
        {
            var elementType = node.Type.GetElementType()!;
            var expressions = node.Expressions.Select(e => NullSafety.Restore(Visit(e), node.NodeType == ExpressionType.NewArrayInit ? elementType : e.Type)).ToList();
            return FailureReason is not null ? node : node.Update(expressions);
        }

        // The maps of a complex collection's elements, read from the item (null, with a reason, for a collection inside
        // another collection's elements). A missing optional collection is null, a missing required one empty.
        private Expression? ReadElementMaps(IComplexProperty collection)
        {
            var path = AttributePath.MapPathOf(collection.DeclaringType, out var anchor);
            if (anchor is not IReadOnlyEntityType root || root.IsOwned())
            {
                Fail(item, DynamoDbStrings.PredicateNotSupported(collection.DeclaringType.DisplayName() + "." + collection.Name));
                return null;
            }

            ReadsWholeItem = true;
            var map = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "element");
            return Expression.Call(
                AttributeValueReader.ReadComplexCollectionMethod.MakeGenericMethod(typeof(List<Dictionary<string, AttributeValue>>), map.Type),
                AttributePath.CreateMapExpression(item, path),
                Expression.Constant(collection.GetAttributeName()),
                Expression.Constant(collection.IsNullable),
                Expression.Lambda(map, map, Expression.Parameter(typeof(int), "position")));
        }

        // An Enumerable operator over a complex collection's elements, run over their maps: each lambda over an element
        // reads the element's members from its map.
        private Expression OverElements(MethodCallExpression call, Expression maps, IComplexType elementType)
        {
            var mapType = typeof(Dictionary<string, AttributeValue>);
            var method = call.Method.GetGenericMethodDefinition()
                .MakeGenericMethod(call.Method.GetGenericArguments().Select(t => t == elementType.ClrType ? mapType : t).ToArray());
            var arguments = new List<Expression>();
            foreach (var argument in call.Arguments.Skip(1))
            {
                if ((argument is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : argument) is LambdaExpression lambda
                    && lambda.Parameters is [var element, ..] && element.Type == elementType.ClrType)
                {
                    var map = Expression.Parameter(mapType, element.Name);
                    _elements[element] = (map, elementType);
                    var body = NullSafety.Restore(Visit(lambda.Body), lambda.Body.Type);
                    arguments.Add(Expression.Lambda(body, [map, .. lambda.Parameters.Skip(1)]));
                }
                else
                {
                    arguments.Add(Visit(argument));
                }
            }

            if (FailureReason is not null)
            {
                return call;
            }

            var result = NullSafety.Guard(maps, m => Expression.Call(method, [m, .. arguments]));
            if (method.ReturnType == typeof(IEnumerable<>).MakeGenericType(mapType) || method.ReturnType == typeof(IOrderedEnumerable<>).MakeGenericType(mapType))
            {
                _elementSequences[result] = elementType;
            }

            return result;
        }

        // The map and structural type of a complex collection's element (or of a complex value inside it) that an
        // expression reads: `l` or `l.Discount` in `o.Lines.Any(l => l.Discount.Percent > 5)`.
        private (ParameterExpression Map, IReadOnlyTypeBase Type)? ElementOf(Expression expression)
            => expression switch
            {
                ParameterExpression parameter when _elements.TryGetValue(parameter, out var element) => element,
                MemberExpression { Expression: { } instance } member when ElementOf(instance) is var (map, type)
                    && type.FindComplexProperty(member.Member.Name) is { IsCollection: false } complex => (map, complex.ComplexType),
                _ => null,
            };

        private static Expression StripAsQueryable(Expression expression)
            => StripConvert(expression) is MethodCallExpression { Method.Name: nameof(Queryable.AsQueryable), Arguments: [var source] } call
                && call.Method.DeclaringType == typeof(Queryable)
                    ? StripConvert(source)
                    : StripConvert(expression);

        // A mapped property the expression reads, as a typed read of its attribute; a failure reason for a member
        // of the entity that is not mapped, or a property that cannot be read on its own.
        private bool TryReadProperty(Expression expression, out Expression read)
        {
            read = expression;
            var (property, reason) = owner._resolveProperty(expression);
            if (property is null)
            {
                if (reason is not null)
                {
                    Fail(expression, reason);
                }

                return reason is not null;
            }

            if (owner.Read(item, property, expression.Type) is not { } value)
            {
                Fail(expression, DynamoDbStrings.PredicateNotSupported(owner._print(expression)));
                return true;
            }

            if (!_properties.Contains(property))
            {
                _properties.Add(property);
            }

            read = value;
            return true;
        }

        // The call with every argument null propagation lifted passed as its value; null when one of them is null.
        private static Expression GuardArguments(List<Expression> arguments, List<int> lifted, Func<IReadOnlyList<Expression>, Expression> call, int next = 0)
        {
            if (next == lifted.Count)
            {
                return call(arguments);
            }

            return NullSafety.Guard(
                arguments[lifted[next]],
                value =>
                {
                    var values = arguments.ToList();
                    values[lifted[next]] = value;
                    return GuardArguments(values, lifted, call, next + 1);
                });
        }

        // A member of Nullable<T> itself (Value, HasValue, GetValueOrDefault) on a nullable instance: null-safe already.
        private static bool IsNullableMember(MemberInfo member, Expression instance)
            => Nullable.GetUnderlyingType(instance.Type) is not null && member.DeclaringType == instance.Type;

        private static MethodInfo? EnumerableTwin(MethodInfo queryableMethod)
            => EnumerableTwins.GetOrAdd(queryableMethod, static method =>
            {
                var definition = method.IsGenericMethod ? method.GetGenericMethodDefinition() : method;
                var shape = definition.GetParameters().Select(p => ShapeOf(p.ParameterType)).ToList();
                var twin = typeof(Enumerable).GetMethods().FirstOrDefault(m =>
                    m.Name == definition.Name
                    && m.GetGenericArguments().Length == definition.GetGenericArguments().Length
                    && m.GetParameters().Select(p => ShapeOf(p.ParameterType)).SequenceEqual(shape));
                return twin is null ? null : method.IsGenericMethod ? twin.MakeGenericMethod(method.GetGenericArguments()) : twin;
            });

        // A parameter type as both twins spell it: IQueryable<T> is IEnumerable<T>, Expression<Func<…>> is Func<…>.
        private static string ShapeOf(Type type)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Expression<>))
            {
                type = type.GetGenericArguments()[0];
            }

            var name = type.Name.Replace("IQueryable", "IEnumerable", StringComparison.Ordinal).Replace("IOrderedQueryable", "IOrderedEnumerable", StringComparison.Ordinal);
            return type.IsGenericType ? name + "<" + string.Join(",", type.GetGenericArguments().Select(ShapeOf)) + ">" : name;
        }

        private static bool IsNull(Expression expression) => StripConvert(expression) is ConstantExpression { Value: null };

        private static Expression StripConvert(Expression expression)
        {
            while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
            {
                expression = convert.Operand;
            }

            return expression;
        }

        private Expression Fail(Expression node, string reason)
        {
            FailureReason ??= reason;
            return node;
        }
    }
}

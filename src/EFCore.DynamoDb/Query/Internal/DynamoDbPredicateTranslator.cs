using System.Collections;
using System.Linq.Expressions;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.ClientEvaluation;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Translates a C# predicate over one entity into a <see cref="DynamoDbCondition" />: comparisons of a property
/// with a constant or parameter (also through <c>string.Compare</c>/<c>CompareTo</c>), null checks,
/// <c>StartsWith</c> and <c>Contains</c>, <c>values.Contains(e.X)</c> (IN), <c>.Length</c>/<c>.Count</c>
/// (size), the <c>EF.Functions</c> DynamoDB functions, type tests on a hierarchy (the discriminator), joined by
/// <c>&amp;&amp;</c>, <c>||</c> and <c>!</c>. For a query, each part DynamoDB cannot express becomes a
/// <see cref="ClientPredicateCondition" /> checked on the returned items (the access-path chooser keeps it, and any
/// OR or NOT around it, out of the request); where no client can check it (a condition check, a write condition),
/// or where EF itself would not evaluate it (an unmapped member, an application's method), the translation yields
/// null and a reason, which EF reports in its standard "could not be translated" error.
/// </summary>
public partial class DynamoDbPredicateTranslator
{
    private static readonly HashSet<string> AttributeTypes = ["S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS"];

    private readonly IEntityType _entityType;
    private readonly Func<ProjectionBindingExpression, IProperty?> _projectedProperty;
    private readonly string _entityParameterName;
    private readonly ClientPredicateCompiler? _clientPredicates;

    /// <summary>
    /// Creates a translator for predicates over <paramref name="entityType" />; <paramref name="projectedProperty" />
    /// maps a projection binding (a predicate after <c>Select</c>) back to the property it reads. Failure reasons
    /// show the entity as <paramref name="entityParameterName" />, the name of the user's lambda parameter. With
    /// <paramref name="allowClientEvaluation" />, what DynamoDB cannot express is checked on the returned items.
    /// </summary>
    public DynamoDbPredicateTranslator(
        IEntityType entityType,
        Func<ProjectionBindingExpression, IProperty?> projectedProperty,
        string? entityParameterName = null,
        bool allowClientEvaluation = false)
    {
        _entityType = entityType;
        _projectedProperty = projectedProperty;
        _entityParameterName = entityParameterName ?? "e";
        _clientPredicates = allowClientEvaluation ? new ClientPredicateCompiler(entityType, ResolveProperty, Print) : null;
    }

    /// <summary>The reason the last translation failed.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>Translates the body of a predicate whose parameter was replaced by the query's shaper.</summary>
    public virtual DynamoDbCondition? Translate(Expression predicate)
    {
        FailureReason = null;
        var condition = TranslateCondition(predicate);
        if (condition is null && FindListOfMaps(predicate) is { } listOfMaps)
        {
            // Whatever failed, the reason is that DynamoDB cannot look into the elements of a list of maps.
            var name = listOfMaps.DeclaringType.DisplayName() + "." + listOfMaps.Name;
            FailureReason = listOfMaps is INavigation
                ? DynamoDbStrings.OwnedCollectionSubquery(name)
                : DynamoDbStrings.ComplexCollectionNotSearchable(name);
        }

        return condition;
    }

    // A complex collection or an owned collection the predicate reads: a list of maps.
    private IPropertyBase? FindListOfMaps(Expression predicate)
    {
        IPropertyBase? found = null;
        new MemberFinder((instance, name) =>
            found ??= FindStructuralType(_entityType, StripConvert(instance)) is { } type
                ? (IPropertyBase?)(type.FindComplexProperty(name) is { IsCollection: true } collection ? collection : null)
                    ?? ((type as IEntityType)?.FindNavigation(name) is { IsCollection: true, ForeignKey.IsOwnership: true } owned ? owned : null)
                : null).Visit(predicate);
        return found;
    }

    private sealed class MemberFinder(Action<Expression, string> onMember) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is { } instance)
            {
                onMember(instance, node.Member.Name);
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (MemberRead(node) is var (instance, name))
            {
                onMember(instance, name);
            }

            return base.VisitMethodCall(node);
        }
    }

    private DynamoDbCondition? TranslateCondition(Expression expression)
    {
        switch (expression)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } logical:
                var left = TranslateCondition(logical.Left);
                var right = left is null ? null : TranslateCondition(logical.Right);
                return right is null ? null : new LogicalCondition(logical.NodeType == ExpressionType.AndAlso, left!, right);

            case UnaryExpression { NodeType: ExpressionType.Not } not:
                // `!e.Flag` reads as `Flag = false`, which also holds on the items that store false; NOT(...) otherwise.
                if (TryGetProperty(not.Operand, out var negatedFlag) && IsBoolean(negatedFlag))
                {
                    return new ComparisonCondition(negatedFlag, ComparisonOperator.Equal, QueryValue.FromConstant(false));
                }

                var operand = TranslateCondition(not.Operand);
                return operand is null ? null : new NotCondition(operand);

            default:
                return TranslateLeaf(expression) ?? OnClient(expression);
        }
    }

    // A condition with no AND, OR or NOT at its top, as DynamoDB says it, or null with a reason.
    private DynamoDbCondition? TranslateLeaf(Expression expression)
    {
        switch (expression)
        {
            case BinaryExpression binary when ToComparisonOperator(binary.NodeType) is { } op:
                return TranslateComparison(binary, op);

            case MethodCallExpression call:
                return TranslateMethodCall(call);

            case MemberExpression { Member.Name: nameof(Nullable<int>.HasValue), Expression: { } nullable }
                when Nullable.GetUnderlyingType(nullable.Type) is not null && TryGetProperty(nullable, out var hasValueProperty):
                return new ComparisonCondition(hasValueProperty, ComparisonOperator.NotEqual, QueryValue.FromConstant(null));

            case TypeBinaryExpression { NodeType: ExpressionType.TypeIs } typeIs when IsEntity(typeIs.Expression):
                return TranslateTypeTest(typeIs.TypeOperand, exact: false);

            default:
                if (TryGetProperty(expression, out var flag) && IsBoolean(flag))
                {
                    return new ComparisonCondition(flag, ComparisonOperator.Equal, QueryValue.FromConstant(true));
                }

                return Fail(DynamoDbStrings.PredicateNotSupported(Print(expression)));
        }
    }

    private DynamoDbCondition? TranslateComparison(BinaryExpression binary, ComparisonOperator op)
    {
        if (op is ComparisonOperator.Equal or ComparisonOperator.NotEqual && TryGetTypeTest(binary.Left, binary.Right, out var testedType))
        {
            var typeTest = TranslateTypeTest(testedType, exact: true);
            return op == ComparisonOperator.Equal ? typeTest : new NotCondition(typeTest);
        }

        // string.Compare(a, b) op 0 and a.CompareTo(b) op 0 compare a with b.
        if (TryGetCompareOperands(binary.Left, out var compareLeft, out var compareRight))
        {
            return IsZero(binary.Right)
                ? TranslateOperands(compareLeft, compareRight, op, binary)
                : Fail(DynamoDbStrings.CompareNeedsZero(Print(binary)));
        }

        if (TryGetCompareOperands(binary.Right, out compareLeft, out compareRight))
        {
            return IsZero(binary.Left)
                ? TranslateOperands(compareLeft, compareRight, Mirror(op), binary)
                : Fail(DynamoDbStrings.CompareNeedsZero(Print(binary)));
        }

        return TranslateOperands(binary.Left, binary.Right, op, binary);
    }

    private DynamoDbCondition? TranslateOperands(Expression left, Expression right, ComparisonOperator op, Expression whole)
    {
        if (TryGetSizeOf(left, out var measured) && TryGetValue(right, out var number))
        {
            return new SizeComparisonCondition(measured, op, number);
        }

        if (TryGetSizeOf(right, out measured) && TryGetValue(left, out number))
        {
            return new SizeComparisonCondition(measured, Mirror(op), number);
        }

        if (TryGetProperty(left, out var property) && TryGetValue(right, out var value))
        {
            return new ComparisonCondition(property, op, value);
        }

        if (TryGetProperty(right, out property) && TryGetValue(left, out value))
        {
            return new ComparisonCondition(property, Mirror(op), value);
        }

        if (FailureReason is not null)
        {
            return null;
        }

        // Name what DynamoDB cannot do: compute with an attribute (call a method on it, do arithmetic), compare two
        // attributes, or compare two values that read no attribute at all.
        var reason = IsEvaluatable(left) && IsEvaluatable(right)
            ? DynamoDbStrings.ComparisonOfValues(Print(whole))
            : TryGetProperty(left, out _) && TryGetProperty(right, out _)
                ? DynamoDbStrings.ComparisonOfAttributes(Print(whole))
                : DynamoDbStrings.ComputedAttribute(Print(whole), Print(TryGetProperty(left, out _) || IsEvaluatable(left) ? right : left));
        FailureReason = null;
        return Fail(reason);
    }


    private DynamoDbCondition? TranslateMethodCall(MethodCallExpression call)
    {
        var method = call.Method;
        if (method.DeclaringType == typeof(DynamoDbDbFunctionsExtensions))
        {
            return TranslateFunction(call);
        }

        if (method.DeclaringType == typeof(string) && call.Object is { } target && IsOrdinalStringMatch(call))
        {
            if (method.Name == nameof(string.StartsWith) && TryGetProperty(target, out var property) && TryGetValue(call.Arguments[0], out var prefix))
            {
                return new FunctionCondition(DynamoDbConditionFunction.BeginsWith, property, prefix);
            }

            if (method.Name == nameof(string.Contains) && TryGetProperty(target, out property) && TryGetValue(call.Arguments[0], out var substring))
            {
                // DynamoDB would search the stored text, prefix included, which the entity never sees.
                return property.GetKeyPrefix() is null
                    ? new FunctionCondition(DynamoDbConditionFunction.Contains, property, substring)
                    : Fail(DynamoDbStrings.KeyPrefixNotSearchable(property.Name, nameof(string.Contains)));
            }
        }

        if (method.Name == nameof(Enumerable.Contains) && TryGetContainsOperands(call, out var collection, out var item))
        {
            // values.Contains(e.X) is an IN; e.Tags.Contains(value) is DynamoDB's contains() on a collection attribute.
            if (TryGetProperty(item, out var property) && TryGetValue(collection, out var values))
            {
                return new InCondition(property, values);
            }

            if (TryGetProperty(collection, out property) && TryGetValue(item, out var element))
            {
                // contains() searches strings, sets and lists; on a binary attribute it matches nothing.
                return (property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType) == typeof(byte[])
                    ? Fail(DynamoDbStrings.BinaryNotSearchable(property.DeclaringType.DisplayName() + "." + property.Name))
                    : new FunctionCondition(DynamoDbConditionFunction.Contains, property, element);
            }
        }

        // EF rewrites `e.Tags.Count > 0` into `e.Tags.Any()`: a collection (or string) attribute that is not empty.
        if (method.Name == nameof(Enumerable.Any) && method.DeclaringType == typeof(Enumerable) && call.Arguments.Count == 1
            && TryGetProperty(call.Arguments[0], out var nonEmpty))
        {
            return new SizeComparisonCondition(nonEmpty, ComparisonOperator.GreaterThan, QueryValue.FromConstant(0));
        }

        if (method.Name == nameof(Equals) && call.Object is { } self && IsEntity(self) && call.Arguments.Count == 1 && IsEvaluatable(call.Arguments[0]))
        {
            return TranslateEntityEquality(call.Arguments[0]);
        }

        if (method.Name == nameof(Equals) && call.Object is { } instance && call.Arguments.Count == 1)
        {
            return TranslateOperands(instance, call.Arguments[0], ComparisonOperator.Equal, call);
        }

        // object.Equals(a, b): how EF's Find compares key types that define their own == (Guid, DateTime…).
        if (method.Name == nameof(Equals) && call.Object is null && method.DeclaringType == typeof(object) && call.Arguments.Count == 2)
        {
            return TranslateOperands(call.Arguments[0], call.Arguments[1], ComparisonOperator.Equal, call);
        }

        return Fail(DynamoDbStrings.PredicateNotSupported(Print(call)));
    }

    private DynamoDbCondition? TranslateFunction(MethodCallExpression call)
    {
        if (!TryGetProperty(call.Arguments[1], out var property))
        {
            return FailureReason is null ? Fail(DynamoDbStrings.PredicateNotSupported(Print(call))) : null;
        }

        switch (call.Method.Name)
        {
            case nameof(DynamoDbDbFunctionsExtensions.AttributeExists):
                return new FunctionCondition(DynamoDbConditionFunction.AttributeExists, property, null);
            case nameof(DynamoDbDbFunctionsExtensions.AttributeNotExists):
                return new FunctionCondition(DynamoDbConditionFunction.AttributeNotExists, property, null);
            case nameof(DynamoDbDbFunctionsExtensions.AttributeType) when TryGetValue(call.Arguments[2], out var type):
                return type.ParameterName is null && !AttributeTypes.Contains(type.Constant as string ?? "")
                    ? Fail(DynamoDbStrings.InvalidAttributeType(type.Constant as string ?? "null"))
                    : new FunctionCondition(DynamoDbConditionFunction.AttributeType, property, type);
            case nameof(DynamoDbDbFunctionsExtensions.BeginsWith) when TryGetValue(call.Arguments[2], out var prefix):
                return new FunctionCondition(DynamoDbConditionFunction.BeginsWith, property, prefix);
            case nameof(DynamoDbDbFunctionsExtensions.Between) when TryGetValue(call.Arguments[2], out var low) && TryGetValue(call.Arguments[3], out var high):
                return new BetweenCondition(property, low, high);
            default:
                return Fail(DynamoDbStrings.PredicateNotSupported(Print(call)));
        }
    }

    /// <summary>
    /// The mapped property an expression reads (<c>e.X</c>, <c>EF.Property(e, "X")</c>, or a projected member), or
    /// null with <see cref="FailureReason" /> set.
    /// </summary>
    public virtual IProperty? TranslateProperty(Expression expression)
    {
        FailureReason = null;
        return TryGetProperty(expression, out var property) ? property : null;
    }

    /// <summary>
    /// The value an expression that does not read the entity stands for: a constant, a query parameter, or a
    /// computation over them evaluated each time the query runs; null when it reads the entity.
    /// </summary>
    public static QueryValue? TranslateValue(Expression expression) => TryGetValue(expression, out var value) ? value : null;

    private bool TryGetProperty(Expression expression, out IProperty property)
    {
        expression = StripConvert(expression);
        if (expression is ProjectionBindingExpression binding && _projectedProperty(binding) is { } projected)
        {
            property = projected;
            return true;
        }

        if (MemberRead(expression) is var (instance, name))
        {
            if (IsEntity(instance))
            {
                if (FindProperty(_entityType, StripConvert(instance).Type, name) is { } found)
                {
                    property = found;
                    return true;
                }

                Fail(CoreStrings.QueryUnableToTranslateMember(name, _entityType.DisplayName()));
            }
            else if (FindNestedProperty(_entityType, instance, name) is { } nested)
            {
                if (!nested.IsOwnershipKey())
                {
                    property = nested;
                    return true;
                }

                Fail(DynamoDbStrings.OwnedKeyNotStored(nested.DeclaringType.DisplayName(), nested.Name));
            }
        }

        property = null!;
        return false;
    }

    /// <summary>
    /// The property <paramref name="name" /> of the entity a query reads, or of the derived type the expression reading
    /// it has after <c>OfType&lt;Kiwi&gt;()</c> or a cast (<c>((Kiwi)a).FoundOn</c>): the attribute the items of that
    /// type hold, which the other types' items lack. Null when no such type maps it.
    /// </summary>
    public static IProperty? FindProperty(IEntityType entityType, Type instanceType, string name)
        => entityType.FindProperty(name)
            ?? entityType.GetDerivedTypes()
                .Where(t => instanceType.IsAssignableFrom(t.ClrType))
                .Select(t => t.FindProperty(name))
                .FirstOrDefault(p => p is not null);

    // A member an expression reads: `instance.Member` or `EF.Property(instance, "Member")`.
    private static (Expression Instance, string Name)? MemberRead(Expression expression)
        => expression switch
        {
            MemberExpression { Expression: { } instance } member => (instance, member.Member.Name),
            MethodCallExpression { Method.Name: nameof(EF.Property), Arguments: [var instance, ConstantExpression { Value: string name }] } call
                when call.Method.DeclaringType == typeof(EF) => (instance, name),
            _ => null,
        };

    /// <summary>
    /// The property of a complex property's value that a member chain reads (<c>o.Address.City</c>), at any depth;
    /// null when the chain is not rooted at the entity or crosses something that is not a complex property.
    /// </summary>
    public static IProperty? FindNestedProperty(IEntityType entityType, MemberExpression member)
        => FindNestedProperty(entityType, member.Expression!, member.Member.Name);

    /// <summary>
    /// The property named <paramref name="memberName" /> of the complex value or owned reference
    /// <paramref name="instance" /> reads (<c>o.Address</c>, <c>EF.Property&lt;Address&gt;(o, "Ship")</c>), at any
    /// depth; null when <paramref name="instance" /> is the entity itself or is not such a chain.
    /// </summary>
    public static IProperty? FindNestedProperty(IEntityType entityType, Expression instance, string memberName)
    {
        instance = StripConvert(instance);
        return instance is not StructuralTypeShaperExpression && FindStructuralType(entityType, instance) is { } type
            ? type.FindProperty(memberName)
            : null;
    }

    private static ITypeBase? FindStructuralType(IEntityType entityType, Expression expression)
        => expression switch
        {
            StructuralTypeShaperExpression => entityType,
            _ => MemberRead(expression) is var (instance, name) ? FindMember(FindStructuralType(entityType, StripConvert(instance)), name) : null,
        };

    // A complex property's type, or an owned reference's entity type: both are stored as a nested map.
    private static ITypeBase? FindMember(ITypeBase? type, string name)
        => type?.FindComplexProperty(name)?.ComplexType
            ?? (ITypeBase?)((type as IEntityType)?.FindNavigation(name) is { ForeignKey.IsOwnership: true, IsCollection: false } navigation
                ? navigation.TargetEntityType
                : null);

    // e.Name.Length, e.Tags.Count, e.Bytes.Length and EF.Functions.Size(e.X) measure an attribute with size().
    private bool TryGetSizeOf(Expression expression, out IProperty property)
    {
        expression = StripConvert(expression);
        switch (expression)
        {
            case MemberExpression { Member.Name: "Length" or "Count", Expression: { } measured }
                when measured.Type == typeof(string) || measured.Type.IsArray || typeof(IEnumerable).IsAssignableFrom(measured.Type):
                if (TryGetProperty(measured, out property) && property.GetKeyPrefix() is not null)
                {
                    // size() would count the stored prefix too.
                    Fail(DynamoDbStrings.KeyPrefixNotSearchable(property.Name, "Length"));
                    return false;
                }

                return property is not null;
            case UnaryExpression { NodeType: ExpressionType.ArrayLength } arrayLength:
                return TryGetProperty(arrayLength.Operand, out property);
            case MethodCallExpression { Method.Name: nameof(DynamoDbDbFunctionsExtensions.Size) } size
                when size.Method.DeclaringType == typeof(DynamoDbDbFunctionsExtensions):
                return TryGetProperty(size.Arguments[1], out property);
            default:
                property = null!;
                return false;
        }
    }

    private static bool TryGetValue(Expression expression, out QueryValue value)
    {
        switch (StripConvert(expression))
        {
            case ConstantExpression constant:
                value = QueryValue.FromConstant(constant.Value);
                return true;
            case QueryParameterExpression parameter:
                value = QueryValue.FromParameter(parameter.Name);
                return true;
            case var other when IsEvaluatable(other):
                // EF leaves constructions over constants and parameters (`new DateTime(2024, 1, 20)`) in place.
                value = CreateComputedValue(other);
                return true;
            default:
                value = null!;
                return false;
        }
    }

    private static QueryValue CreateComputedValue(Expression expression)
    {
        var inliner = new QueryParameterInliningExpressionVisitor();
        var body = Expression.Convert(inliner.Visit(expression), typeof(object));
        if (inliner.FoundParameter)
        {
            var compiled = Expression.Lambda<Func<QueryContext, object?>>(body, QueryCompilationContext.QueryContextParameter).Compile();
            return QueryValue.FromComputation(expression.ToString(), compiled);
        }

        return QueryValue.FromConstant(Expression.Lambda<Func<object?>>(body).Compile()());
    }

    // Evaluatable: built only from constants, query parameters and calls on them, never from the entity.
    private static bool IsEvaluatable(Expression expression)
    {
        var checker = new EvaluatableChecker();
        checker.Visit(expression);
        return checker.IsEvaluatable;
    }

    private sealed class EvaluatableChecker : ExpressionVisitor
    {
        public bool IsEvaluatable { get; private set; } = true;

        protected override Expression VisitParameter(ParameterExpression node)
        {
            IsEvaluatable = false;
            return node;
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is not QueryParameterExpression)
            {
                IsEvaluatable = false;
            }

            return node;
        }
    }

    private static bool TryGetCompareOperands(Expression expression, out Expression left, out Expression right)
    {
        switch (StripConvert(expression))
        {
            case MethodCallExpression { Method.Name: nameof(string.Compare), Object: null, Arguments.Count: 2 } compare
                when compare.Method.DeclaringType == typeof(string):
                (left, right) = (compare.Arguments[0], compare.Arguments[1]);
                return true;
            case MethodCallExpression { Method.Name: nameof(string.CompareTo), Object: { } instance, Arguments.Count: 1 } compareTo:
                (left, right) = (instance, compareTo.Arguments[0]);
                return true;
            default:
                (left, right) = (null!, null!);
                return false;
        }
    }

    private static bool TryGetContainsOperands(MethodCallExpression call, out Expression collection, out Expression item)
    {
        if (call.Object is null && call.Arguments.Count == 2 && call.Method.DeclaringType == typeof(Enumerable))
        {
            (collection, item) = (call.Arguments[0], call.Arguments[1]);
            return true;
        }

        if (call.Object is not null && call.Arguments.Count == 1 && call.Object.Type != typeof(string))
        {
            (collection, item) = (call.Object, call.Arguments[0]);
            return true;
        }

        (collection, item) = (null!, null!);
        return false;
    }

    // DynamoDB matches bytes: the one-argument forms and explicitly ordinal comparisons translate; a
    // culture-aware or case-insensitive StringComparison has no DynamoDB equivalent.
    private static bool IsOrdinalStringMatch(MethodCallExpression call)
        => call.Arguments.Count == 1 && call.Arguments[0].Type == typeof(string)
            || call.Arguments.Count == 2 && call.Arguments[1] is ConstantExpression { Value: StringComparison.Ordinal };

    private static bool IsZero(Expression expression) => StripConvert(expression) is ConstantExpression { Value: 0 };

    private static bool IsEntity(Expression expression)
        => StripConvert(expression) is StructuralTypeShaperExpression;

    private static bool IsBoolean(IProperty property) => property.ClrType == typeof(bool) || property.ClrType == typeof(bool?);

    // Only the conversions C# inserts between a type and its nullable, base or numeric forms: a user-defined conversion
    // (an implicit or explicit operator) computes another value, which is a computation over a value (evaluated as one)
    // and cannot be compared with the stored attribute.
    private static Expression StripConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked, Method: null } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    private static ComparisonOperator? ToComparisonOperator(ExpressionType nodeType)
        => nodeType switch
        {
            ExpressionType.Equal => ComparisonOperator.Equal,
            ExpressionType.NotEqual => ComparisonOperator.NotEqual,
            ExpressionType.LessThan => ComparisonOperator.LessThan,
            ExpressionType.LessThanOrEqual => ComparisonOperator.LessThanOrEqual,
            ExpressionType.GreaterThan => ComparisonOperator.GreaterThan,
            ExpressionType.GreaterThanOrEqual => ComparisonOperator.GreaterThanOrEqual,
            _ => null,
        };

    // `5 < e.X` is `e.X > 5`.
    private static ComparisonOperator Mirror(ComparisonOperator op)
        => op switch
        {
            ComparisonOperator.LessThan => ComparisonOperator.GreaterThan,
            ComparisonOperator.LessThanOrEqual => ComparisonOperator.GreaterThanOrEqual,
            ComparisonOperator.GreaterThan => ComparisonOperator.LessThan,
            ComparisonOperator.GreaterThanOrEqual => ComparisonOperator.LessThanOrEqual,
            _ => op,
        };

    // The part of the predicate a reason quotes, as the user wrote it: the entity as the lambda's parameter rather
    // than EF's internal shaper.
    private string Print(Expression expression) => new EntityParameterRestorer(_entityParameterName).Visit(expression).Print();

    private sealed class EntityParameterRestorer(string parameterName) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
            => node is StructuralTypeShaperExpression ? Expression.Parameter(node.Type, parameterName) : base.VisitExtension(node);
    }

    private DynamoDbCondition? Fail(string reason)
    {
        FailureReason ??= reason;
        return null;
    }
}

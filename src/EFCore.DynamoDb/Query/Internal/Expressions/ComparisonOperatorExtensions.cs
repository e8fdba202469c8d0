namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>What a <see cref="ComparisonOperator" /> means once two values have been ordered.</summary>
public static class ComparisonOperatorExtensions
{
    /// <summary>
    /// True when <c>left op right</c> holds, given <paramref name="order" />, the sign of comparing left with right
    /// (as <see cref="IComparable.CompareTo" /> returns it).
    /// </summary>
    public static bool Holds(this ComparisonOperator op, int order)
        => op switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.LessThan => order < 0,
            ComparisonOperator.LessThanOrEqual => order <= 0,
            ComparisonOperator.GreaterThan => order > 0,
            _ => order >= 0,
        };
}

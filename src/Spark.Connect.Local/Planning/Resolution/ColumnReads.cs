using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>Whether a resolved expression reads a column of a given set, for the subquery correlation checks.</summary>
internal static class ColumnReads
{
    /// <summary>
    /// True when <paramref name="expression"/> reads a column whose id <paramref name="which"/> accepts. Nested
    /// subqueries and lambdas are left out: a subquery's own correlation is checked where it is resolved.
    /// </summary>
    public static bool Any(ResolvedExpression expression, Func<int, bool> which) => expression switch
    {
        ColumnReference reference => which(reference.Column.Id),
        FunctionExpression function => function.Arguments.Any(a => Any(a, which)),
        CastExpression cast => Any(cast.Operand, which),
        ExtractExpression extract => Any(extract.Child, which) || (extract.Key is { } key && Any(key, which)),
        _ => false,
    };
}

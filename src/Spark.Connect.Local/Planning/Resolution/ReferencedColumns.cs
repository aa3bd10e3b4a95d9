namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// The ids of the input columns resolved expressions read: what Spark's SQL clauses that group or keep "every other
/// column" (UNPIVOT's ids, PIVOT's implicit grouping) leave out.
/// </summary>
internal static class ReferencedColumns
{
    /// <summary>The ids of every column <paramref name="expressions"/> read.</summary>
    internal static HashSet<int> Of(IEnumerable<ResolvedExpression> expressions)
    {
        var referenced = new HashSet<int>();
        foreach (var expression in expressions)
            Collect(expression, referenced);
        return referenced;
    }

    private static void Collect(ResolvedExpression expression, HashSet<int> into)
    {
        switch (expression)
        {
            case ColumnReference reference: into.Add(reference.Column.Id); break;
            case FunctionExpression function: function.Arguments.ToList().ForEach(a => Collect(a, into)); break;
            case CastExpression cast: Collect(cast.Operand, into); break;
            case ExtractExpression extract: Collect(extract.Child, into); break;
            case ResolvedLambda lambda: Collect(lambda.Body, into); break;
        }
    }
}

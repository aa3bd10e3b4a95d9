namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// <c>struct(…)</c> names its fields after its arguments (<c>Functions/StructFunctions</c>), which it reads from each
/// argument's source expression. Resolving an alias keeps only its child, and a star's columns all point at the star,
/// so for <c>struct</c> the source is an alias carrying the name: the argument's own alias, or the column's name.
/// </summary>
internal static class StructArguments
{
    /// <summary><paramref name="resolved"/> with a source that names it, when <paramref name="function"/> is <c>struct</c> or <c>arrays_zip</c>.</summary>
    public static ResolvedExpression Named(string function, Expression argument, ResolvedExpression resolved)
    {
        if (!function.Equals("struct", StringComparison.OrdinalIgnoreCase) && !function.Equals("arrays_zip", StringComparison.OrdinalIgnoreCase)) return resolved;
        if (argument.ExprTypeCase == Expression.ExprTypeOneofCase.Alias) return resolved with { Source = argument };
        if (argument.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedStar && resolved is ColumnReference column)
            return resolved with { Source = new Expression { Alias = new Expression.Types.Alias { Expr = argument, Name = { column.Column.Name } } } };
        return resolved;
    }
}

using Spark.Connect.Protocol;
using WindowFrame = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame;

namespace Spark.Linq.Testing;

/// <summary>
/// Expressions as Spark SQL. Spark's operator functions become their SQL operators (<c>&lt;=&gt;</c> as
/// <c>IS NOT DISTINCT FROM</c>, <c>when</c> as <c>CASE</c>); other functions are called by name, which must be a plain
/// identifier; names are re-quoted and values rendered by <see cref="SparkSqlLiterals"/>, so nothing from the plan
/// enters the text unescaped. What has no SQL spelling here fails with <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class SparkSqlExpressions(IReadOnlySet<string> hiddenQualifiers)
{
    private static readonly Dictionary<string, string> Infix = new(StringComparer.Ordinal)
    {
        ["=="] = "=", ["!="] = "<>", ["<=>"] = "IS NOT DISTINCT FROM", ["<"] = "<", ["<="] = "<=", [">"] = ">", [">="] = ">=",
        ["+"] = "+", ["-"] = "-", ["*"] = "*", ["/"] = "/", ["%"] = "%", ["&"] = "&", ["|"] = "|", ["^"] = "^",
        ["and"] = "AND", ["or"] = "OR", ["div"] = "DIV", ["like"] = "LIKE", ["ilike"] = "ILIKE", ["rlike"] = "RLIKE",
    };

    public string Render(Expression e)
    {
        Query.Depth.StackGuard.Ensure("a plan expression rendered as SQL");
        return e.ExprTypeCase switch
        {
            Expression.ExprTypeOneofCase.Literal => SparkSqlLiterals.Render(e.Literal),
            Expression.ExprTypeOneofCase.UnresolvedAttribute => Column(e.UnresolvedAttribute.UnparsedIdentifier),
            Expression.ExprTypeOneofCase.UnresolvedStar => Star(e.UnresolvedStar),
            Expression.ExprTypeOneofCase.Alias when e.Alias.Name.Count == 1 => $"{Render(e.Alias.Expr)} AS {SparkSqlNames.Quote(e.Alias.Name[0])}",
            Expression.ExprTypeOneofCase.Cast => Cast(e.Cast),
            Expression.ExprTypeOneofCase.UnresolvedFunction => Function(e.UnresolvedFunction.FunctionName, e.UnresolvedFunction.Arguments, e.UnresolvedFunction.IsDistinct),
            Expression.ExprTypeOneofCase.CallFunction => Function(e.CallFunction.FunctionName, e.CallFunction.Arguments, false),
            Expression.ExprTypeOneofCase.UnresolvedExtractValue => $"{Render(e.UnresolvedExtractValue.Child)}[{Render(e.UnresolvedExtractValue.Extraction)}]",
            Expression.ExprTypeOneofCase.Window => Window(e.Window),
            Expression.ExprTypeOneofCase.LambdaFunction => Lambda(e.LambdaFunction),
            Expression.ExprTypeOneofCase.UnresolvedNamedLambdaVariable => string.Join(".", e.UnresolvedNamedLambdaVariable.NameParts.Select(SparkSqlNames.Quote)),
            // Already Spark SQL text (selectExpr), written by the query's author.
            Expression.ExprTypeOneofCase.ExpressionString => "(" + e.ExpressionString.Expression + ")",
            _ => throw Unsupported($"a {e.ExprTypeCase} expression"),
        };
    }

    public string Render(Expression.Types.SortOrder order) =>
        $"{Render(order.Child)} {(order.Direction == Expression.Types.SortOrder.Types.SortDirection.Descending ? "DESC" : "ASC")} " +
        (order.NullOrdering == Expression.Types.SortOrder.Types.NullOrdering.SortNullsLast ? "NULLS LAST" : "NULLS FIRST");

    /// <summary>The expression without an alias on top (a GROUP BY key is written without its name).</summary>
    public string RenderUnaliased(Expression e) => Render(e.ExprTypeCase == Expression.ExprTypeOneofCase.Alias ? e.Alias.Expr : e);

    /// <summary>True when <paramref name="e"/> contains a window function (it must not move across a LIMIT or a filter).</summary>
    public static bool HasWindow(Expression e)
    {
        var found = false;
        Plans.PlanWalk.Visit(e, m => found |= m is Expression.Types.Window);
        return found;
    }

    private string Column(string unparsed)
    {
        var parts = SparkSqlNames.Parts(unparsed);
        if (parts.Count > 1 && hiddenQualifiers.Contains(parts[0]))
            throw Unsupported($"the column reference {unparsed} after its subquery alias was wrapped with another one (e.g. a filter after Take on a join)");
        return string.Join(".", parts.Select(SparkSqlNames.Quote));
    }

    private static string Star(Expression.Types.UnresolvedStar star)
    {
        if (!star.HasUnparsedTarget) return "*";
        var parts = SparkSqlNames.Parts(star.UnparsedTarget);
        return parts[^1] == "*" ? string.Join(".", parts.Take(parts.Count - 1).Select(SparkSqlNames.Quote).Append("*")) : throw Unsupported($"the star {star.UnparsedTarget}");
    }

    private string Cast(Expression.Types.Cast cast)
    {
        var type = cast.CastToTypeCase == Expression.Types.Cast.CastToTypeOneofCase.Type ? SparkSqlLiterals.SqlType(cast.Type) : throw Unsupported("a cast to a type given as text");
        return $"{(cast.EvalMode == Expression.Types.Cast.Types.EvalMode.Try ? "TRY_CAST" : "CAST")}({Render(cast.Expr)} AS {type})";
    }

    private string Function(string name, IList<Expression> arguments, bool distinct)
    {
        var args = arguments.Select(Render).ToList();
        if (!distinct && args.Count == 2 && Infix.TryGetValue(name, out var op)) return $"({args[0]} {op} {args[1]})";
        if (!distinct && args.Count == 1)
        {
            switch (name)
            {
                case "not": return $"(NOT {args[0]})";
                case "negative": return $"(- {args[0]})";
                case "positive": return $"(+ {args[0]})";
                case "~": return $"(~ {args[0]})";
                case "isnull": return $"({args[0]} IS NULL)";
                case "isnotnull": return $"({args[0]} IS NOT NULL)";
            }
        }
        if (name == "when" && args.Count >= 2) return Case(args);
        if (name == "in" && args.Count >= 1) return $"({args[0]} IN ({string.Join(", ", args.Skip(1))}))";
        if (!SparkSqlNames.IsPlain(name)) throw Unsupported($"the function '{name}'");
        return $"{name}({(distinct ? "DISTINCT " : string.Empty)}{string.Join(", ", args)})";
    }

    private static string Case(List<string> args)
    {
        var text = "CASE";
        for (var i = 0; i + 1 < args.Count; i += 2) text += $" WHEN {args[i]} THEN {args[i + 1]}";
        if (args.Count % 2 == 1) text += $" ELSE {args[^1]}";
        return text + " END";
    }

    private string Window(Expression.Types.Window w)
    {
        var parts = new List<string>();
        if (w.PartitionSpec.Count > 0) parts.Add("PARTITION BY " + string.Join(", ", w.PartitionSpec.Select(Render)));
        if (w.OrderSpec.Count > 0) parts.Add("ORDER BY " + string.Join(", ", w.OrderSpec.Select(Render)));
        if (w.FrameSpec is { } frame)
            parts.Add($"{(frame.FrameType == WindowFrame.Types.FrameType.Row ? "ROWS" : "RANGE")} BETWEEN {Bound(frame.Lower, "PRECEDING")} AND {Bound(frame.Upper, "FOLLOWING")}");
        return $"{Render(w.WindowFunction)} OVER ({string.Join(" ", parts)})";
    }

    private string Bound(WindowFrame.Types.FrameBoundary? bound, string unbounded) => bound?.BoundaryCase switch
    {
        WindowFrame.Types.FrameBoundary.BoundaryOneofCase.CurrentRow => "CURRENT ROW",
        WindowFrame.Types.FrameBoundary.BoundaryOneofCase.Unbounded => "UNBOUNDED " + unbounded,
        // Spark's frame offsets are signed: -1 is one row before.
        WindowFrame.Types.FrameBoundary.BoundaryOneofCase.Value when bound.Value.Literal is { } literal && LiteralSpelling.Integral(literal) is { } n && n != long.MinValue =>
            n < 0 ? (-n).ToString(System.Globalization.CultureInfo.InvariantCulture) + " PRECEDING" : n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " FOLLOWING",
        _ => throw Unsupported("a window frame bound that is not a row count"),
    };

    private string Lambda(Expression.Types.LambdaFunction lambda)
    {
        var variables = lambda.Arguments.Select(a => string.Join(".", a.NameParts.Select(SparkSqlNames.Quote))).ToList();
        var head = variables.Count == 1 ? variables[0] : "(" + string.Join(", ", variables) + ")";
        return $"{head} -> {Render(lambda.Function)}";
    }

    private static NotSupportedException Unsupported(string what) =>
        new($"The plan has {what}, which ToSparkSql can't write as Spark SQL. Inspect the plan with ToPlanString() instead.");
}

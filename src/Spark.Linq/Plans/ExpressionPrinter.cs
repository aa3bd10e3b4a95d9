using System.Globalization;
using Spark.Connect;
using Spark.Connect.Protocol;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Plans;

/// <summary>Renders Spark expressions as SQL-like text for <see cref="PlanPrinter"/>. For reading only: never sent anywhere.</summary>
internal static class ExpressionPrinter
{
    private static readonly HashSet<string> Infix = ["==", "<=>", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "and", "or", "&", "|", "^"];

    public static string Print(Expression e)
    {
        // Plans reach here measured (at most MaxPlanDepth levels); the guard covers a limit raised too far.
        Query.Depth.StackGuard.Ensure("a plan expression");
        return PrintNode(e);
    }

    private static string PrintNode(Expression e) => e.ExprTypeCase switch
    {
        Expression.ExprTypeOneofCase.UnresolvedAttribute => e.UnresolvedAttribute.UnparsedIdentifier,
        Expression.ExprTypeOneofCase.Literal => Print(e.Literal),
        Expression.ExprTypeOneofCase.UnresolvedFunction => Function(e.UnresolvedFunction),
        Expression.ExprTypeOneofCase.Alias => $"{Print(e.Alias.Expr)} AS {string.Join(".", e.Alias.Name)}",
        Expression.ExprTypeOneofCase.Cast => $"CAST({Print(e.Cast.Expr)} AS {(e.Cast.CastToTypeCase == Expression.Types.Cast.CastToTypeOneofCase.Type ? e.Cast.Type.KindCase.ToString().ToLowerInvariant() : e.Cast.TypeStr)})",
        Expression.ExprTypeOneofCase.UnresolvedStar => e.UnresolvedStar.HasUnparsedTarget ? e.UnresolvedStar.UnparsedTarget : "*",
        Expression.ExprTypeOneofCase.UnresolvedExtractValue => $"{Print(e.UnresolvedExtractValue.Child)}[{Print(e.UnresolvedExtractValue.Extraction)}]",
        Expression.ExprTypeOneofCase.SortOrder => Print(e.SortOrder),
        Expression.ExprTypeOneofCase.ExpressionString => e.ExpressionString.Expression,
        Expression.ExprTypeOneofCase.Window => Window(e.Window),
        Expression.ExprTypeOneofCase.UnresolvedNamedLambdaVariable => string.Join(".", e.UnresolvedNamedLambdaVariable.NameParts),
        Expression.ExprTypeOneofCase.LambdaFunction => Lambda(e.LambdaFunction),
        Expression.ExprTypeOneofCase.CallFunction => $"{e.CallFunction.FunctionName}({string.Join(", ", e.CallFunction.Arguments.Select(Print))})",
        _ => e.ExprTypeCase.ToString(),
    };

    public static string Print(Expression.Types.SortOrder order) =>
        $"{Print(order.Child)} {(order.Direction == Expression.Types.SortOrder.Types.SortDirection.Descending ? "DESC" : "ASC")} " +
        (order.NullOrdering == Expression.Types.SortOrder.Types.NullOrdering.SortNullsLast ? "NULLS LAST" : "NULLS FIRST");

    /// <summary><c>x_1 -&gt; body</c>, or <c>(x_1, i_2) -&gt; body</c> for several variables.</summary>
    private static string Lambda(Expression.Types.LambdaFunction lambda)
    {
        var names = lambda.Arguments.Select(a => string.Join(".", a.NameParts)).ToList();
        return $"{(names.Count == 1 ? names[0] : "(" + string.Join(", ", names) + ")")} -> {Print(lambda.Function)}";
    }

    private static string Window(Expression.Types.Window w)
    {
        var parts = new List<string>();
        if (w.PartitionSpec.Count > 0) parts.Add("PARTITION BY " + string.Join(", ", w.PartitionSpec.Select(Print)));
        if (w.OrderSpec.Count > 0) parts.Add("ORDER BY " + string.Join(", ", w.OrderSpec.Select(Print)));
        if (w.FrameSpec is { } frame)
            parts.Add($"{(frame.FrameType == Expression.Types.Window.Types.WindowFrame.Types.FrameType.Row ? "ROWS" : "RANGE")} BETWEEN {Bound(frame.Lower, "PRECEDING")} AND {Bound(frame.Upper, "FOLLOWING")}");
        return $"{Print(w.WindowFunction)} OVER ({string.Join(" ", parts)})";
    }

    private static string Bound(Expression.Types.Window.Types.WindowFrame.Types.FrameBoundary bound, string unbounded) =>
        bound.BoundaryCase switch
        {
            Expression.Types.Window.Types.WindowFrame.Types.FrameBoundary.BoundaryOneofCase.CurrentRow => "CURRENT ROW",
            Expression.Types.Window.Types.WindowFrame.Types.FrameBoundary.BoundaryOneofCase.Unbounded => "UNBOUNDED " + unbounded,
            _ => Print(bound.Value),
        };

    private static string Function(Expression.Types.UnresolvedFunction f)
    {
        var args = f.Arguments.Select(Print).ToList();
        if (Infix.Contains(f.FunctionName) && args.Count == 2)
            return $"({args[0]} {f.FunctionName.ToUpperInvariant() switch { "AND" => "AND", "OR" => "OR", _ => f.FunctionName }} {args[1]})";
        var distinct = f.IsDistinct ? "DISTINCT " : string.Empty;
        return $"{f.FunctionName}({distinct}{string.Join(", ", args)})";
    }

    private static string Print(Literal literal) => literal.LiteralTypeCase switch
    {
        Literal.LiteralTypeOneofCase.Null => "NULL",
        Literal.LiteralTypeOneofCase.None => "?", // A value LiteralRedactor removed for a log.
        Literal.LiteralTypeOneofCase.String => "'" + literal.String.Replace("'", "''", StringComparison.Ordinal) + "'",
        Literal.LiteralTypeOneofCase.Boolean => literal.Boolean ? "true" : "false",
        Literal.LiteralTypeOneofCase.Byte => literal.Byte + "Y",
        Literal.LiteralTypeOneofCase.Short => literal.Short + "S",
        Literal.LiteralTypeOneofCase.Integer => literal.Integer.ToString(CultureInfo.InvariantCulture),
        Literal.LiteralTypeOneofCase.Long => literal.Long + "L",
        Literal.LiteralTypeOneofCase.Float => literal.Float.ToString("R", CultureInfo.InvariantCulture) + "F",
        Literal.LiteralTypeOneofCase.Double => literal.Double.ToString("R", CultureInfo.InvariantCulture) + "D",
        Literal.LiteralTypeOneofCase.Decimal => literal.Decimal.Value + "BD",
        Literal.LiteralTypeOneofCase.Date => "DATE " + DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + literal.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Literal.LiteralTypeOneofCase.Timestamp => "TIMESTAMP " + DateTime.UnixEpoch.AddTicks(literal.Timestamp * 10).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "Z",
        Literal.LiteralTypeOneofCase.TimestampNtz => "TIMESTAMP_NTZ " + DateTime.UnixEpoch.AddTicks(literal.TimestampNtz * 10).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        Literal.LiteralTypeOneofCase.DayTimeInterval => "INTERVAL " + TimeSpan.FromTicks(literal.DayTimeInterval * 10).ToString("c", CultureInfo.InvariantCulture),
        Literal.LiteralTypeOneofCase.Binary => "X'" + Convert.ToHexString(literal.Binary.Span) + "'",
        _ => literal.LiteralTypeCase.ToString(),
    };
}

using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Planning.Resolution;
using FrameType = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame.Types.FrameType;

namespace Spark.Connect.Local.Planning.Rendering;

/// <summary>
/// DuckDB SQL for a resolved expression. Columns are written by their id (<c>"c12"</c>), which is unique in
/// the whole statement, so no alias is ever needed to tell two inputs apart; values become bound parameters
/// through <see cref="LiteralBinder"/>; function calls go to the function catalog with their argument types.
/// </summary>
internal static class ExpressionSql
{
    internal static string Render(ResolvedExpression expression, PlanningContext context)
    {
        using var _ = context.Nest();
        return expression switch
        {
            ColumnReference column => column.Column.SqlName,
            LiteralExpression literal => LiteralBinder.Render(literal.Value, context),
            StarArgument => "*",
            FunctionExpression function => context.Functions(function.Name, Arguments(function, context), function.IsDistinct, new TypedFunctionContext(context)),
            // Spark writes doubles and floats as Java does (1.0E7), not as DuckDB's cast does (10000000.0).
            CastExpression { Type.KindCase: DataType.KindOneofCase.String, Operand.Type.KindCase: DataType.KindOneofCase.Double or DataType.KindOneofCase.Float } cast =>
                SparkNumberText.Render(Render(cast.Operand, context)),
            CastExpression cast => CastRenderer.Render(cast.Source.Cast, Render(cast.Operand, context), () => DuckDbTypeNames.FromSpark(cast.Operand.Type)),
            ExtractExpression extract => Extract(extract, context),
            WindowExpression window => Window(window, context),
            ResolvedSubquery subquery => Subquery(subquery, context),
            _ => throw new InvalidOperationException($"No SQL for the resolved expression {expression.GetType().Name}."),
        };
    }

    /// <summary><c>expr ASC|DESC NULLS FIRST|LAST</c>.</summary>
    internal static string SortKey(SortKey key, PlanningContext context) =>
        $"{Render(key.Expression, context)} {(key.Descending ? "DESC" : "ASC")} {(key.NullsFirst ? "NULLS FIRST" : "NULLS LAST")}";

    private static List<SqlArgument> Arguments(FunctionExpression function, PlanningContext context) =>
        function.Arguments.Select(a => new SqlArgument(Render(a, context), a.Source, a.Type)).ToList();

    private static string Extract(ExtractExpression extract, PlanningContext context)
    {
        var child = Render(extract.Child, context);
        return extract.Kind switch
        {
            ExtractionKind.StructField => $"({child}).{SqlIdentifiers.Quote(extract.FieldName!)}",
            ExtractionKind.MapValue => $"({child})[{Render(extract.Key!, context)}]",
            // Spark indexes arrays from 0, DuckDB from 1.
            _ => $"({child})[({Render(extract.Key!, context)}) + 1]",
        };
    }

    private static string Window(WindowExpression window, PlanningContext context)
    {
        var clauses = new List<string>();
        if (window.PartitionBy.Count > 0)
            clauses.Add("PARTITION BY " + string.Join(", ", window.PartitionBy.Select(p => Render(p, context))));
        if (window.OrderBy.Count > 0)
            clauses.Add("ORDER BY " + string.Join(", ", window.OrderBy.Select(k => SortKey(k, context))));
        if (window.Frame is { } frame)
        {
            var unit = frame.FrameType == FrameType.Row ? "ROWS" : "RANGE";
            clauses.Add($"{unit} BETWEEN {WindowFrames.Bound(frame.Lower, lower: true, context)} AND {WindowFrames.Bound(frame.Upper, lower: false, context)}");
        }
        var function = window.Function;
        return context.WindowFunctions(function.Name, Arguments(function, context), $"OVER ({string.Join(" ", clauses)})", new TypedFunctionContext(context));
    }

    private static string Subquery(ResolvedSubquery subquery, PlanningContext context)
    {
        var query = PlanSql.Render(subquery.Plan, context);
        return subquery.Kind switch
        {
            SubqueryKind.Scalar => $"({query})",
            SubqueryKind.Exists => $"EXISTS ({query})",
            _ => $"({string.Join(", ", subquery.InValues.Select(v => Render(v, context)))}) IN ({query})",
        };
    }
}

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
            CastExpression cast when StringIntervalCastRenderer.Accepts(cast.Operand.Type, cast.Type) =>
                StringIntervalCastRenderer.Render(cast.Type, Render(cast.Operand, context), cast.IsTry),
            CastExpression { Type.KindCase: DataType.KindOneofCase.YearMonthInterval or DataType.KindOneofCase.DayTimeInterval } cast
                when IntervalCastRenderer.Accepts(cast.Operand.Type) => IntervalCastRenderer.FromNumber(cast.Operand.Type, cast.Type, Render(cast.Operand, context), cast.IsTry),
            CastExpression { Operand.Type.KindCase: DataType.KindOneofCase.YearMonthInterval or DataType.KindOneofCase.DayTimeInterval, Type.KindCase: DataType.KindOneofCase.String } cast =>
                IntervalTextRenderer.Render(cast.Operand.Type, Render(cast.Operand, context)),
            CastExpression { Operand.Type.KindCase: DataType.KindOneofCase.YearMonthInterval or DataType.KindOneofCase.DayTimeInterval } cast
                when IntervalCastRenderer.AcceptsTarget(cast.Type) => IntervalCastRenderer.ToNumber(cast.Operand.Type, cast.Type, Render(cast.Operand, context), cast.IsTry),
            CastExpression cast => CastRenderer.Render(cast.Source.Cast, Render(cast.Operand, context), () => DuckDbTypeNames.FromSpark(cast.Operand.Type)),
            ExtractExpression extract => Extract(extract, context),
            LambdaVariableReference variable => variable.Variable.ValueSql,
            ResolvedLambda lambda => LambdaSql.Of(lambda.Parameters.Select(p => p.SqlName).ToList(), Render(lambda.Body, context)).Text,
            WindowExpression window => Window(window, context),
            ResolvedSubquery subquery => Subquery(subquery, context),
            _ => throw new InvalidOperationException($"No SQL for the resolved expression {expression.GetType().Name}."),
        };
    }

    /// <summary><c>expr ASC|DESC NULLS FIRST|LAST</c>.</summary>
    internal static string SortKey(SortKey key, PlanningContext context) =>
        $"{Render(key.Expression, context)} {(key.Descending ? "DESC" : "ASC")} {(key.NullsFirst ? "NULLS FIRST" : "NULLS LAST")}";

    private static List<SqlArgument> Arguments(FunctionExpression function, PlanningContext context) =>
        function.Arguments.Select(a => a is ResolvedLambda lambda ? Lambda(lambda, context) : new SqlArgument(Render(a, context), a.Source, a.Type)).ToList();

    /// <summary>A lambda argument: renderers get its parameters and body apart, to wrap the body or pass the lambda on.</summary>
    private static SqlArgument Lambda(ResolvedLambda lambda, PlanningContext context)
    {
        var sql = LambdaSql.Of(lambda.Parameters.Select(p => p.SqlName).ToList(), Render(lambda.Body, context));
        return new SqlArgument(sql.Text, lambda.Source, lambda.Type, sql);
    }

    private static string Extract(ExtractExpression extract, PlanningContext context)
    {
        var child = Render(extract.Child, context);
        return extract.Kind switch
        {
            ExtractionKind.StructField => $"({child}).{SqlIdentifiers.Quote(extract.FieldName!)}",
            ExtractionKind.MapValue => $"({child})[{Render(extract.Key!, context)}]",
            // Spark indexes arrays from 0, DuckDB from 1; ANSI Spark raises INVALID_ARRAY_INDEX outside the array
            // (DuckDB gives NULL, and counts negative indexes from the end).
            _ => ArrayFunctions.Let(child, "\"__a\"", ArrayElement(Render(extract.Key!, context))),
        };
    }

    private static string ArrayElement(string index) =>
        $"CASE WHEN {index} < 0 OR {index} >= len(\"__a\") THEN " +
        SparkRuntimeErrors.RaiseWithValues("INVALID_ARRAY_INDEX", "The index ", index, " is out of bounds. The array has ", "len(\"__a\")",
            " elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.") +
        $" ELSE \"__a\"[({index}) + 1] END";

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
            clauses.Add($"{unit} BETWEEN {WindowFrames.Between(frame, context)}");
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

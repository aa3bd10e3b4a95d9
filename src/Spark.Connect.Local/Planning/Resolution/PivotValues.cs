using System.Globalization;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Planning.Rendering;
using Kind = Spark.Connect.Protocol.DataType.KindOneofCase;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// <c>pivot(col)</c> without values: as Spark does, the distinct values of the pivot column over the input,
/// sorted, are read first (a query run while planning) and become the pivot's values; more than
/// <see cref="MaxValues"/> (Spark's <c>spark.sql.pivotMaxValues</c> default) is refused.
/// </summary>
internal static class PivotValues
{
    internal const int MaxValues = 10_000;

    internal static IReadOnlyList<Literal> Read(RelationResolver resolver, LogicalPlan input, ResolvedExpression column)
    {
        if (!Supported(column.Type))
            throw LocalEngineException.Unsupported($"pivot without values on a {SparkTypes.Name(column.Type)} column",
                "Pass the values to pivot on: pivot(column, [value, …]).");
        var context = new PlanningContext(resolver.Context.Planning.Session, resolver.Context.Planning.FunctionOverride);
        var value = resolver.Context.NewColumn("value", column.Type, column.Nullable);
        var distinct = new DistinctPlan(null, new ProjectPlan(null, input, [new NamedExpression(column, value)]), null);
        var sorted = new SortPlan(null, distinct, [new SortKey(ResolvedCalls.Column(value), false, true)]);
        var query = PlanSql.Render(new RowCountPlan(null, sorted, RowCountKind.Limit, MaxValues + 1), context);
        var text = LocalPlanner.Compact($"SELECT CAST({value.SqlName} AS VARCHAR) FROM ({query}) AS {context.NextAlias()}", context.Parameters);
        var values = new List<Literal>();
        using (var statement = LocalPlanner.Prepare(context.Session.Connection, text))
        using (var result = statement.Execute())
        {
            while (result.FetchChunk() is { } chunk)
            {
                using (chunk)
                {
                    var vector = chunk.GetVector(0);
                    for (var row = 0; row < chunk.RowCount; row++)
                        values.Add(vector.IsValid(row) ? FromText(vector.GetString(row), column.Type) : new Literal { Null = column.Type });
                }
            }
        }
        return values.Count <= MaxValues ? values : throw LocalEngineException.Unsupported(
            $"a pivot column with more than {MaxValues} distinct values", "Pass the values to pivot on: pivot(column, [value, …]).");
    }

    private static bool Supported(DataType type) => type.KindCase is Kind.Byte or Kind.Short or Kind.Integer or Kind.Long
        or Kind.String or Kind.Boolean or Kind.Double or Kind.Float or Kind.Decimal or Kind.Date;

    /// <summary>The literal of a value DuckDB printed as text; its kind is the pivot column's type.</summary>
    private static Literal FromText(string text, DataType type) => type.KindCase switch
    {
        Kind.Byte => new Literal { Byte = int.Parse(text, CultureInfo.InvariantCulture) },
        Kind.Short => new Literal { Short = int.Parse(text, CultureInfo.InvariantCulture) },
        Kind.Integer => new Literal { Integer = int.Parse(text, CultureInfo.InvariantCulture) },
        Kind.Long => new Literal { Long = long.Parse(text, CultureInfo.InvariantCulture) },
        Kind.Boolean => new Literal { Boolean = bool.Parse(text) },
        Kind.Double => new Literal { Double = double.Parse(text, CultureInfo.InvariantCulture) },
        Kind.Float => new Literal { Float = float.Parse(text, CultureInfo.InvariantCulture) },
        Kind.Decimal => new Literal { Decimal = new Literal.Types.Decimal { Value = text, Precision = type.Decimal.Precision, Scale = type.Decimal.Scale } },
        Kind.Date => new Literal { Date = DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber },
        _ => new Literal { String = text },
    };
}

using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// The Spark type and nullability of a function call. The type is read from the function renderer's own SQL
/// applied to typed NULL arguments (literal arguments as themselves, so renderers that read them see them):
/// DuckDB prepares that one-row expression, which touches no data and no input relation. The catalog
/// casts every result to Spark's type, so this reports Spark's type.
/// </summary>
internal static class FunctionTyping
{
    // Functions Spark declares non-nullable whatever their inputs.
    private static readonly HashSet<string> NeverNull = new(StringComparer.OrdinalIgnoreCase)
    {
        "count", "count_if", "isnull", "isnotnull", "isnan", "<=>", "equal_null", "row_number", "rank", "dense_rank",
        "ntile", "percent_rank", "cume_dist", "collect_list", "array_agg", "collect_set", "current_date", "current_timestamp", "now",
    };

    internal static (DataType Type, bool Nullable) Of(PlanningContext planning, string name, IReadOnlyList<ResolvedExpression> arguments,
        bool isDistinct, bool windowed)
    {
        var probe = new PlanningContext(planning.Session, planning.FunctionOverride);
        var sqlArguments = arguments.Select(a => new SqlArgument(ProbeSql(a, probe), a.Source, a.Type)).ToList();
        var context = new TypedFunctionContext(probe);
        var sql = windowed
            ? probe.WindowFunctions(name, sqlArguments, "OVER ()", context)
            : probe.Functions(name, sqlArguments, isDistinct, context);
        var columns = planning.Describe("SELECT " + sql);
        var type = SparkTypes.FromDuckDb(name, columns[0].Type);
        return (type, !NeverNull.Contains(name));
    }

    private static string ProbeSql(ResolvedExpression argument, PlanningContext probe) => argument switch
    {
        LiteralExpression literal => LiteralBinder.Render(literal.Value, probe),
        StarArgument => "*",
        _ => $"CAST(NULL AS {DuckDbTypeNames.FromSpark(argument.Type)})",
    };
}

/// <summary>Answers a function renderer's questions from the resolved argument types; binds values into the given context.</summary>
internal sealed class TypedFunctionContext(PlanningContext planning) : IFunctionRenderContext
{
    public string? TypeOf(SqlArgument argument) => argument.Type is { } type ? DuckDbTypeNames.FromSpark(type) : null;

    public string Bind(Expression.Types.Literal value) => LiteralBinder.Render(value, planning);
}

using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// The Spark type and nullability of a function call: the catalog declares both from the argument types
/// (<see cref="FunctionResultTypes"/>), with Spark's type errors. A planner test's own function table declares
/// none; for it, DuckDB types the renderer's SQL over typed NULL arguments (a one-row expression that touches no data).
/// </summary>
internal static class FunctionTyping
{
    internal static (DataType Type, bool Nullable) Of(PlanningContext planning, string name, IReadOnlyList<ResolvedExpression> arguments,
        bool isDistinct, bool windowed)
    {
        if (planning.FunctionOverride is null)
        {
            var result = FunctionResultTypes.Of(name, arguments.Select(a => new TypedArgument(a.Type, a.Nullable, a.Source)).ToList(), isDistinct, windowed);
            return (result.Type, result.Nullable);
        }
        return Probe(planning, name, arguments, isDistinct, windowed);
    }

    /// <summary>A function table other than the catalog (planner tests) declares no types: DuckDB types its SQL over typed NULLs.</summary>
    private static (DataType Type, bool Nullable) Probe(PlanningContext planning, string name, IReadOnlyList<ResolvedExpression> arguments,
        bool isDistinct, bool windowed)
    {
        var probe = new PlanningContext(planning.Session, planning.FunctionOverride);
        var sqlArguments = arguments.Select(a => ProbeArgument(a, probe)).ToList();
        var context = new TypedFunctionContext(probe);
        var sql = windowed
            ? probe.WindowFunctions(name, sqlArguments, "OVER ()", context)
            : probe.Functions(name, sqlArguments, isDistinct, context);
        var columns = planning.Describe("SELECT " + sql);
        var type = ResolvedTypes.FromDuckDb(name, columns[0].Type);
        // A test's table states nothing about nulls, so every call may be null.
        return (type, true);
    }

    /// <summary>An argument as a typed NULL (or its literal); a lambda keeps its parameters and gets a typed NULL body.</summary>
    private static SqlArgument ProbeArgument(ResolvedExpression argument, PlanningContext probe)
    {
        if (argument is not ResolvedLambda lambda)
            return new SqlArgument(ProbeSql(argument, probe), argument.Source, argument.Type);
        var sql = LambdaSql.Of(lambda.Parameters.Select(p => p.SqlName).ToList(), $"CAST(NULL AS {DuckDbTypeNames.FromSpark(lambda.Type)})");
        return new SqlArgument(sql.Text, argument.Source, argument.Type, sql);
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

    public string? Setting(string key) => planning.Session.Setting(key);

    public string CurrentDatabase => planning.Session.CurrentDatabase ?? Catalog.LocalCatalog.DatabaseName;
    public string? SessionUser => planning.Session.UserId;
}

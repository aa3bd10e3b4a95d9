using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>
/// A small function table for planner tests, so they don't depend on the catalog being built alongside:
/// arithmetic, Spark 4's <c>=</c>, a few aggregates and window functions, a lambda-taking <c>transform</c>, and
/// <c>type_probe</c>, which asks the planner for its argument's DuckDB type and returns it as a bound string.
/// Anything else goes to the real catalog.
/// </summary>
internal static class TestFunctions
{
    internal static string Render(string name, IReadOnlyList<SqlArgument> arguments, bool isDistinct, IFunctionRenderContext context) => name switch
    {
        "+" or "-" or "*" or "=" => $"({arguments[0].Sql} {name} {arguments[1].Sql})",
        "sum" or "count" or "min" or "max" or "avg" => $"{name}({(isDistinct ? "DISTINCT " : "")}{string.Join(", ", arguments.Select(a => a.Sql))})",
        "row_number" or "rank" => $"{name}()",
        "typeof" => $"typeof({arguments[0].Sql})",
        "not" => $"(NOT {arguments[0].Sql})",
        "transform" => $"list_transform({arguments[0].Sql}, {arguments[1].Sql})",
        "type_probe" => context.Bind(new Spark.Connect.Protocol.Expression.Types.Literal { String = context.TypeOf(arguments[0]) ?? "unknown" }),
        _ => SparkFunctionCatalog.Render(name, arguments, isDistinct, context),
    };
}

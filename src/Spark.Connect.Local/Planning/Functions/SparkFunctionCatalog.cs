using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Renders a Spark function call (an <c>UnresolvedFunction</c>) as DuckDB SQL with Spark's semantics.
/// Placeholder until the catalog lands: knows only the comparison and boolean operators.
/// </summary>
internal static class SparkFunctionCatalog
{
    /// <summary>
    /// Renders <paramref name="name"/> applied to already-rendered <paramref name="arguments"/>.
    /// Throws <see cref="LocalEngineException"/> (UNSUPPORTED_FEATURE.LOCAL_ENGINE or a Spark
    /// argument error class) for a function or argument shape it does not know; never guesses.
    /// </summary>
    public static string Render(string name, IReadOnlyList<SqlArgument> arguments, bool isDistinct, IFunctionRenderContext context)
    {
        if (!isDistinct && arguments.Count == 2 && name is "==" or "<" or ">" or "<=" or ">=" or "and" or "or")
            return $"({arguments[0].Sql} {(name == "==" ? "=" : name.ToUpperInvariant())} {arguments[1].Sql})";
        throw LocalEngineException.Unsupported($"the function '{name}'", "See docs/local-engine.md for the functions it runs.");
    }
}

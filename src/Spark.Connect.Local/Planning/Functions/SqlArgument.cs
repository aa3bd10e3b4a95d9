using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// One rendered argument of a Spark function call: its DuckDB SQL (placeholders already bound) and the
/// Spark expression it came from, so a renderer can look at literal arguments (a date part's name,
/// a rounding scale) and choose a fixed keyword from an allow-list instead of binding them. When the
/// resolver knows the argument's Spark <paramref name="Type"/> it passes it, and renderers use it
/// instead of asking DuckDB.
/// </summary>
internal readonly record struct SqlArgument(string Sql, Expression Source, DataType? Type = null);

/// <summary>What a function renderer may ask of the planner while rendering one call.</summary>
internal interface IFunctionRenderContext
{
    /// <summary>
    /// The DuckDB type of an argument in the current input (for example <c>INTEGER</c>,
    /// <c>DECIMAL(18,2)</c>, <c>VARCHAR</c>, <c>TIMESTAMP</c>), as DuckDB itself would type it;
    /// null when it can't be known.
    /// </summary>
    string? TypeOf(SqlArgument argument);

    /// <summary>Binds an extra value as a positional parameter and returns its placeholder (<c>$n</c>).</summary>
    string Bind(Expression.Types.Literal value);
}

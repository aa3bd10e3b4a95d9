using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// One rendered argument of a Spark function call: its DuckDB SQL (placeholders already bound) and the
/// Spark expression it came from, so a renderer can look at literal arguments (a date part's name,
/// a rounding scale) and choose a fixed keyword from an allow-list instead of binding them. When the
/// resolver knows the argument's Spark <paramref name="Type"/> it passes it, and renderers use it
/// instead of asking DuckDB.
/// </summary>
internal readonly record struct SqlArgument(string Sql, Expression Source, DataType? Type = null, LambdaSql? Lambda = null);

/// <summary>
/// A lambda argument's DuckDB parts: its parameter names (quoted identifiers) and its body's SQL, so a higher-order
/// function's renderer can wrap the body (a three-valued test, a cast to the accumulator's type) before writing
/// <c>lambda p1, p2: body</c>, DuckDB's lambda syntax (the <c>-&gt;</c> arrow is deprecated in DuckDB 1.3+).
/// </summary>
internal sealed record LambdaSql(IReadOnlyList<string> Parameters, string Body)
{
    /// <summary>A lambda with these parameters and body.</summary>
    public static LambdaSql Of(IReadOnlyList<string> parameters, string body) => new(parameters, body);

    /// <summary><c>lambda p1, p2: body</c>.</summary>
    public string Text => $"lambda {string.Join(", ", Parameters)}: {Body}";

    /// <summary>The same parameters with the body rewritten.</summary>
    public LambdaSql WithBody(Func<string, string> rewrite) => this with { Body = rewrite(Body) };
}

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

    /// <summary>The session's Spark setting <paramref name="key"/>, or null (unset, or no session: typing a call).</summary>
    string? Setting(string key) => null;

    /// <summary>Spark's name of the session's current database (<c>default</c> unless USE chose a created one).</summary>
    string CurrentDatabase => Catalog.LocalCatalog.DatabaseName;
    /// <summary>The user the session belongs to (the user id Spark Connect's UserContext carries), or null (no session: typing a call).</summary>
    string? SessionUser => null;
}

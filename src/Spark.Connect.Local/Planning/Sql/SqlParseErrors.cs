using System.Globalization;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>The errors Spark's parser raises, with Spark's classes, SQLSTATEs and message shapes.</summary>
internal static class SqlParseErrors
{
    /// <summary>
    /// <c>PARSE_SYNTAX_ERROR</c> (42601): "Syntax error at or near 'x'" with the line (1-based) and position
    /// (0-based) of the token, as Spark reports them; <paramref name="hint"/> is added after a colon.
    /// </summary>
    internal static LocalEngineException Syntax(string text, SparkToken at, string? hint)
    {
        var (line, position) = LineOf(text, at.Start);
        var hintText = string.IsNullOrEmpty(hint) ? "" : ": " + hint;
        return new LocalEngineException("PARSE_SYNTAX_ERROR", "42601",
            string.Create(CultureInfo.InvariantCulture, $"Syntax error at or near {at.Display}{hintText} (line {line}, pos {position})."),
            new Dictionary<string, string> { ["error"] = at.Display, ["hint"] = hintText });
    }

    /// <summary><c>FAILED_TO_PARSE_TOO_COMPLEX</c> (54001): the text nests deeper than the parser's budget.</summary>
    internal static LocalEngineException TooComplex(int limit) =>
        new(PlanComplexity.ErrorClass, "54001",
            "The statement, including potential SQL functions and referenced views, was too complex to parse: it nests more than " +
            limit.ToString(CultureInfo.InvariantCulture) + " levels. To mitigate this error divide the statement into multiple, less complex chunks.",
            new Dictionary<string, string> { ["limit"] = limit.ToString(CultureInfo.InvariantCulture) });

    /// <summary>A construct the grammar has but this parser does not build yet.</summary>
    internal static LocalEngineException Unsupported(string construct, string hint) =>
        LocalEngineException.Unsupported($"the Spark SQL construct {construct}", hint);

    /// <summary>A parameter marker with no argument (<c>UNBOUND_SQL_PARAMETER</c>, 42P02).</summary>
    internal static LocalEngineException Unbound(string name, string detail) =>
        new("UNBOUND_SQL_PARAMETER", "42P02", $"Found the unbound parameter: {name}. {detail}",
            new Dictionary<string, string> { ["name"] = name });

    private static (int Line, int Position) LineOf(string text, int start)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < start && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, start - lineStart);
    }
}

using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Tests.Planning.Sql.Corpus;

/// <summary>
/// One query of a corpus file with Spark's answer: schema line and output rows, or the error class it raised. An older
/// file's error without a class gets the condition <see cref="LegacyErrorMessages"/> finds for its message, with the
/// subject the engine's message must name (<see cref="ErrorSubject"/>).
/// </summary>
internal sealed record SqlCorpusCase(string Query, string Schema, IReadOnlyList<string> Output, string? ErrorClass, string? ErrorSubject = null);

/// <summary>Reads Spark's <c>.sql.out</c> format: blocks of <c>-- !query</c>, <c>-- !query schema</c>, <c>-- !query output</c>.</summary>
internal static partial class SqlCorpusFile
{
    internal static List<SqlCorpusCase> Read(string path)
    {
        // Only CRLF pairs become LF: a lone CR is data (a query's '\r' literal names its column with one).
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        // Files written before Spark 3.0 number their blocks ("-- !query 3 schema"); the number carries nothing.
        text = NumberedHeader().Replace(text, "-- !query$1");
        var cases = new List<SqlCorpusCase>();
        foreach (var block in text.Split("-- !query\n").Skip(1))
        {
            var schemaAt = block.IndexOf("\n-- !query schema\n", StringComparison.Ordinal);
            var outputAt = block.IndexOf("\n-- !query output\n", StringComparison.Ordinal);
            var query = block[..schemaAt].Trim();
            var schema = block[(schemaAt + "\n-- !query schema\n".Length)..outputAt].Trim();
            var output = block[(outputAt + "\n-- !query output\n".Length)..].TrimEnd('\n');
            var failed = output.StartsWith("org.apache.spark", StringComparison.Ordinal) || output.StartsWith("java.", StringComparison.Ordinal);
            var (error, subject) = failed ? ErrorOf(output) : (null, null);
            var rows = error is not null || output.Length == 0 ? [] : output.Split('\n').ToList();
            cases.Add(new SqlCorpusCase(query, schema, rows, error, subject));
        }
        return cases;
    }

    // The class the output names, else the one Spark later gave its message (type on the first line, message after).
    private static (string Class, string? Subject) ErrorOf(string output)
    {
        if (ErrorClass().Match(output) is { Success: true } match)
            return (match.Groups[1].Value + SubClass(output), null);
        var lineEnd = output.IndexOf('\n', StringComparison.Ordinal);
        var type = lineEnd < 0 ? output : output[..lineEnd];
        var message = lineEnd < 0 ? "" : output[(lineEnd + 1)..].TrimStart('\n');
        return LegacyErrorMessages.Find(type, message) is { } legacy ? (legacy.Condition, legacy.Subject) : ("(an error without a class)", null);
    }

    // Spark 3.4's development files name a sub-class apart ("errorClass" : "DATATYPE_MISMATCH", "errorSubClass" :
    // "BINARY_OP_DIFF_TYPES"); released Spark joins them with a dot, as the engine's classes are.
    private static string SubClass(string output) => ErrorSubClass().Match(output) is { Success: true } sub ? "." + sub.Groups[1].Value : "";

    [GeneratedRegex("\"errorSubClass\" : \"([^\"]+)\"")]
    private static partial Regex ErrorSubClass();
    [GeneratedRegex(@"^-- !query \d+((?: schema| output)?)$", RegexOptions.Multiline)]
    private static partial Regex NumberedHeader();

    // Spark 4's files name the class "condition", earlier ones "errorClass".
    [GeneratedRegex("\"(?:errorClass|condition)\" : \"([^\"]+)\"")]
    private static partial Regex ErrorClass();
}

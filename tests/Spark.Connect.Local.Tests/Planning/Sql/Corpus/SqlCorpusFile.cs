using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Tests.Planning.Sql.Corpus;

/// <summary>One query of a corpus file with Spark's answer: schema line and output rows, or the error class it raised.</summary>
internal sealed record SqlCorpusCase(string Query, string Schema, IReadOnlyList<string> Output, string? ErrorClass);

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
            var error = output.StartsWith("org.apache.spark", StringComparison.Ordinal) || output.StartsWith("java.", StringComparison.Ordinal)
                ? ErrorClass().Match(output) is { Success: true } match ? match.Groups[1].Value : "(an error without a class)"
                : null;
            var rows = error is not null || output.Length == 0 ? [] : output.Split('\n').ToList();
            cases.Add(new SqlCorpusCase(query, schema, rows, error));
        }
        return cases;
    }

    [GeneratedRegex(@"^-- !query \d+((?: schema| output)?)$", RegexOptions.Multiline)]
    private static partial Regex NumberedHeader();

    // Spark 4's files name the class "condition", earlier ones "errorClass".
    [GeneratedRegex("\"(?:errorClass|condition)\" : \"([^\"]+)\"")]
    private static partial Regex ErrorClass();
}

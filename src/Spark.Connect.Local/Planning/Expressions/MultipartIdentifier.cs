namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>Spark's unparsed multi-part identifiers: <c>a.b</c>, <c>`a.b`.c</c>, with <c>``</c> as an escaped backtick.</summary>
internal static class MultipartIdentifier
{
    /// <summary>Splits <paramref name="text"/> into its parts; a malformed identifier is a Spark parse error.</summary>
    internal static IReadOnlyList<string> Parse(string text)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var partWasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '`')
                    current.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '`')
                    current.Append(text[++i]);
                else
                    quoted = false;
            }
            else if (c == '`')
            {
                quoted = partWasQuoted = true;
            }
            else if (c == '.')
            {
                parts.Add(Finish(current, partWasQuoted, text));
                partWasQuoted = false;
            }
            else
            {
                current.Append(c);
            }
        }
        if (quoted)
            throw Malformed(text);
        parts.Add(Finish(current, partWasQuoted, text));
        return parts;
    }

    /// <summary>Quoted DuckDB text for a dotted name: each part through <see cref="SqlIdentifiers.Quote"/>.</summary>
    internal static string Quote(IEnumerable<string> parts) => string.Join(".", parts.Select(SqlIdentifiers.Quote));

    private static string Finish(System.Text.StringBuilder current, bool wasQuoted, string text)
    {
        var part = current.ToString();
        current.Clear();
        if (part.Length == 0 && !wasQuoted)
            throw Malformed(text);
        return part;
    }

    private static LocalEngineException Malformed(string text) =>
        new("PARSE_SYNTAX_ERROR", "42601",
            $"'{text}' is not a valid multi-part name: parts are separated by '.', and a part containing '.' or spaces must be wrapped in backticks (`` for a backtick).",
            new Dictionary<string, string> { ["name"] = text });
}

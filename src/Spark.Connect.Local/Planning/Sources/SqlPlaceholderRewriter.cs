using System.Text;
using Spark.Connect.Local.Planning.Statements;

namespace Spark.Connect.Local.Planning.Sources;

/// <summary>
/// Replaces Spark's parameter markers in a user's SQL text (<c>:name</c> and <c>?</c>) with the planner's
/// placeholders, only where they are markers: never inside string literals ('…', E'…', $tag$…$tag$),
/// quoted identifiers ("…") or comments (-- and /* */, nested as DuckDB nests them: the lexing of `SqlTokens`), and never the second colon of a <c>::</c> cast.
/// The same scan renumbers the planner's own <c>$n</c> placeholders in a finished statement.
/// </summary>
internal static class SqlPlaceholderRewriter
{
    /// <summary>Rewrites Spark markers in a user's SQL; DuckDB's <c>$n</c> markers are refused so user SQL can't reach the planner's parameters.</summary>
    internal static string Rewrite(string sql, Func<string, string> named, Func<string> positional) =>
        Scan(sql, named, positional, _ => throw LocalEngineException.Unsupported("DuckDB-style $n parameter markers in SQL", "Use :name or ? markers with args."));

    /// <summary>Replaces each <c>$n</c> placeholder (outside literals and comments) with <paramref name="placeholder"/>(n).</summary>
    internal static string RenumberPlaceholders(string sql, Func<int, string> placeholder) =>
        Scan(sql, name => ":" + name, () => "?", placeholder);

    private static string Scan(string sql, Func<string, string> named, Func<string> positional, Func<int, string> numbered)
    {
        var output = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            int end;
            if (c == '\'')
                end = SqlTokens.QuotedEnd(sql, i, '\'', backslashEscapes: i > 0 && (sql[i - 1] is 'e' or 'E') && !IsWordChar(i > 1 ? sql[i - 2] : ' ')) ?? sql.Length;
            else if (c == '"')
                end = SqlTokens.QuotedEnd(sql, i, '"', backslashEscapes: false) ?? sql.Length;
            else if (c == '-' && next == '-')
                end = SqlTokens.LineCommentEnd(sql, i);
            else if (c == '/' && next == '*')
                end = SqlTokens.BlockCommentEnd(sql, i) ?? sql.Length;
            else if (c == '$' && DollarQuoteEnd(sql, i) is { } dollarEnd)
                end = dollarEnd;
            else if (c == '$' && char.IsAsciiDigit(next))
            {
                var digitsEnd = i + 1;
                while (digitsEnd < sql.Length && char.IsAsciiDigit(sql[digitsEnd]))
                    digitsEnd++;
                output.Append(numbered(int.Parse(sql.AsSpan(i + 1, digitsEnd - i - 1), System.Globalization.CultureInfo.InvariantCulture)));
                i = digitsEnd;
                continue;
            }
            else if (c == ':' && next == ':')
                end = i + 2;
            else if (c == ':' && (char.IsAsciiLetter(next) || next == '_'))
            {
                var nameEnd = i + 1;
                while (nameEnd < sql.Length && IsWordChar(sql[nameEnd]))
                    nameEnd++;
                output.Append(named(sql[(i + 1)..nameEnd]));
                i = nameEnd;
                continue;
            }
            else if (c == '?')
            {
                output.Append(positional());
                i++;
                continue;
            }
            else
                end = i + 1;
            output.Append(sql, i, end - i);
            i = end;
        }
        return output.ToString();
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>For <c>$tag$ … $tag$</c> (tag may be empty), the index after the closing delimiter; otherwise null.</summary>
    private static int? DollarQuoteEnd(string sql, int start)
    {
        var tagEnd = start + 1;
        while (tagEnd < sql.Length && (char.IsAsciiLetter(sql[tagEnd]) || sql[tagEnd] == '_'))
            tagEnd++;
        if (tagEnd >= sql.Length || sql[tagEnd] != '$')
            return null;
        var delimiter = sql[start..(tagEnd + 1)];
        var close = sql.IndexOf(delimiter, tagEnd + 1, StringComparison.Ordinal);
        return close < 0 ? sql.Length : close + delimiter.Length;
    }
}

namespace Spark.Connect.Local.Planning.Statements;

/// <summary>What a <see cref="SqlToken"/> is.</summary>
internal enum SqlTokenKind
{
    /// <summary>A bare word: keyword or unquoted identifier.</summary>
    Word,

    /// <summary>A <c>"quoted"</c> identifier; <see cref="SqlToken.Text"/> is its name without quotes.</summary>
    QuotedIdentifier,

    /// <summary>A string literal of any form ('…', E'…', $tag$…$tag$); its content is not kept.</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary>Any other single character: punctuation, operators.</summary>
    Symbol,
}

/// <summary>One token of a SQL text, at <see cref="Start"/>.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Start)
{
    /// <summary>True for a bare word equal to <paramref name="keyword"/>, case-insensitively.</summary>
    internal bool Is(string keyword) => Kind == SqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the symbol <paramref name="symbol"/>.</summary>
    internal bool Is(char symbol) => Kind == SqlTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;
}

/// <summary>
/// Splits SQL text into tokens the way DuckDB's scanner (PostgreSQL's) does where it matters for telling what a
/// statement is and which functions it calls: whitespace is ASCII only (other characters belong to
/// identifiers), block comments nest, <c>--</c> ends at a line break (\n or \r),
/// quotes are escaped by doubling, <c>E'…'</c> also takes backslash escapes, <c>$tag$…$tag$</c> quotes a string,
/// identifiers may contain <c>$</c> after their first character and any non-ASCII character. Comments and
/// whitespace are skipped. Text that ends inside a literal, identifier or comment is reported as
/// <see cref="Unterminated"/> (DuckDB refuses it too), so no reading of such text is trusted.
/// </summary>
internal sealed class SqlTokens
{
    private SqlTokens(List<SqlToken> tokens, bool unterminated)
    {
        Items = tokens;
        Unterminated = unterminated;
    }

    /// <summary>The tokens, in order.</summary>
    internal IReadOnlyList<SqlToken> Items { get; }

    /// <summary>True when the text ends inside a string, quoted identifier or block comment.</summary>
    internal bool Unterminated { get; }

    internal static SqlTokens Read(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
                i++;
            else if (c == '-' && next == '-')
                i = LineCommentEnd(sql, i);
            else if (c == '/' && next == '*')
            {
                if (BlockCommentEnd(sql, i) is not { } end)
                    return new SqlTokens(tokens, unterminated: true);
                i = end;
            }
            else if (c == '\'' || c == '"')
            {
                // E'…' is one escape-string token: the E is a word of its own, written right before the quote.
                var escapes = c == '\'' && tokens.Count > 0 && tokens[^1] is { Kind: SqlTokenKind.Word, Text: "E" or "e" } e && e.Start + 1 == i;
                if (QuotedEnd(sql, i, c, escapes) is not { } end)
                    return new SqlTokens(tokens, unterminated: true);
                if (escapes)
                    tokens[^1] = new SqlToken(SqlTokenKind.String, "", tokens[^1].Start);
                else
                    tokens.Add(c == '"' ? new SqlToken(SqlTokenKind.QuotedIdentifier, sql[(i + 1)..(end - 1)].Replace("\"\"", "\"", StringComparison.Ordinal), i) : new SqlToken(SqlTokenKind.String, "", i));
                i = end;
            }
            else if (c == '$' && DollarTagEnd(sql, i) is { } tagEnd)
            {
                var tag = sql[i..tagEnd];
                var close = sql.IndexOf(tag, tagEnd, StringComparison.Ordinal);
                if (close < 0)
                    return new SqlTokens(tokens, unterminated: true);
                tokens.Add(new SqlToken(SqlTokenKind.String, "", i));
                i = close + tag.Length;
            }
            else if (IsIdentifierStart(c))
            {
                var end = i + 1;
                while (end < sql.Length && (IsIdentifierStart(sql[end]) || char.IsAsciiDigit(sql[end]) || sql[end] == '$'))
                    end++;
                tokens.Add(new SqlToken(SqlTokenKind.Word, sql[i..end], i));
                i = end;
            }
            else if (char.IsAsciiDigit(c))
            {
                var end = NumberEnd(sql, i);
                tokens.Add(new SqlToken(SqlTokenKind.Number, sql[i..end], i));
                i = end;
            }
            else
            {
                tokens.Add(new SqlToken(SqlTokenKind.Symbol, c.ToString(), i));
                i++;
            }
        }
        return new SqlTokens(tokens, unterminated: false);
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    internal static int LineCommentEnd(string sql, int start)
    {
        var end = sql.IndexOfAny(['\n', '\r'], start);
        return end < 0 ? sql.Length : end + 1;
    }

    /// <summary>The index after the block comment at <paramref name="start"/>, counting nested comments; null when it never closes.</summary>
    internal static int? BlockCommentEnd(string sql, int start)
    {
        var depth = 0;
        for (var i = start; i + 1 < sql.Length; i++)
        {
            if (sql[i] == '/' && sql[i + 1] == '*')
            {
                depth++;
                i++;
            }
            else if (sql[i] == '*' && sql[i + 1] == '/')
            {
                i++;
                if (--depth == 0)
                    return i + 1;
            }
        }
        return null;
    }

    /// <summary>The index after the closing quote (a doubled quote, or in E'…' a backslash, escapes); null when it never closes.</summary>
    internal static int? QuotedEnd(string sql, int start, char quote, bool backslashEscapes)
    {
        for (var i = start + 1; i < sql.Length; i++)
        {
            if (backslashEscapes && sql[i] == '\\')
                i++;
            else if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                    i++;
                else
                    return i + 1;
            }
        }
        return null;
    }

    /// <summary>For the opening <c>$tag$</c> of a dollar-quoted string (the tag may be empty), the index after it; otherwise null.</summary>
    private static int? DollarTagEnd(string sql, int start)
    {
        var end = start + 1;
        if (end < sql.Length && IsIdentifierStart(sql[end]))
        {
            while (end < sql.Length && (IsIdentifierStart(sql[end]) || char.IsAsciiDigit(sql[end])))
                end++;
        }
        return end < sql.Length && sql[end] == '$' ? end + 1 : null;
    }

    /// <summary>Digits, an optional fraction and an optional exponent (only when digits follow the e).</summary>
    private static int NumberEnd(string sql, int start)
    {
        var i = start;
        while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '_'))
            i++;
        if (i < sql.Length && sql[i] == '.')
        {
            i++;
            while (i < sql.Length && char.IsAsciiDigit(sql[i]))
                i++;
        }
        if (i + 1 < sql.Length && sql[i] is 'e' or 'E' && (char.IsAsciiDigit(sql[i + 1]) || (sql[i + 1] is '+' or '-' && i + 2 < sql.Length && char.IsAsciiDigit(sql[i + 2]))))
        {
            i += 2;
            while (i < sql.Length && char.IsAsciiDigit(sql[i]))
                i++;
        }
        return i;
    }
}

using Spark.Connect.Local.Planning.Statements;

namespace Spark.Connect.Local.Planning;

/// <summary>What a statement's keywords say it is (see <see cref="SqlStatementKind.Read(string)"/>).</summary>
internal enum StatementKind
{
    /// <summary>SELECT, FROM-first, WITH, VALUES, TABLE (optionally in parentheses).</summary>
    Query,
    Explain,
    Describe,
    Show,
    Create,
    Insert,
    Update,
    Delete,
    Merge,
    Truncate,
    Drop,
    Alter,
    Comment,

    /// <summary>Spark's SET (configuration of the session): never DuckDB's.</summary>
    Set,

    /// <summary>Spark's RESET (configuration of the session).</summary>
    Reset,

    /// <summary>Spark's USE (current database).</summary>
    Use,

    /// <summary>Any other first keyword (ATTACH, COPY, PRAGMA, CALL, BEGIN, …).</summary>
    Other,
}

/// <summary>
/// A statement as its keywords read: the first keyword and its kind, the object a CREATE / DROP / ALTER / COMMENT
/// names (TABLE, VIEW, MACRO, SCHEMA, …, upper case; "" when there is none) and, for EXPLAIN, the kind of the
/// statement explained.
/// </summary>
internal sealed record StatementShape(string Keyword, StatementKind Kind, string Object, StatementKind? Explained);

/// <summary>
/// Reads what a statement is from its keywords, after comments and opening parentheses, the way Spark's parser
/// decides by the statement's grammar rule: a query (which Spark keeps lazy) or a command (which it runs at once),
/// and for DDL which kind of object. Works on <see cref="SqlTokens"/>, so comments (nested ones too) and quoted
/// text never count as keywords. DuckDB's own reading confirms it before anything runs (see
/// <see cref="SqlStatementGuard"/>).
/// </summary>
internal static class SqlStatementKind
{
    private static readonly HashSet<string> QueryKeywords = new(StringComparer.OrdinalIgnoreCase) { "SELECT", "FROM", "WITH", "VALUES", "TABLE" };

    private static readonly Dictionary<string, StatementKind> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EXPLAIN"] = StatementKind.Explain, ["DESCRIBE"] = StatementKind.Describe, ["DESC"] = StatementKind.Describe,
        ["SHOW"] = StatementKind.Show, ["CREATE"] = StatementKind.Create, ["INSERT"] = StatementKind.Insert,
        ["UPDATE"] = StatementKind.Update, ["DELETE"] = StatementKind.Delete, ["MERGE"] = StatementKind.Merge,
        ["TRUNCATE"] = StatementKind.Truncate, ["DROP"] = StatementKind.Drop, ["ALTER"] = StatementKind.Alter,
        ["COMMENT"] = StatementKind.Comment, ["SET"] = StatementKind.Set, ["RESET"] = StatementKind.Reset, ["USE"] = StatementKind.Use,
    };

    // Words between CREATE [OR REPLACE] / DROP / ALTER and the object kind (CREATE TEMP TABLE, CREATE UNIQUE INDEX, …).
    private static readonly HashSet<string> ObjectModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "TEMP", "TEMPORARY", "LOCAL", "GLOBAL", "UNLOGGED", "PERSISTENT", "UNIQUE", "EXTERNAL",
    };

    // Commands whose output Spark describes with no columns at all (DuckDB reports a row count instead).
    private static readonly HashSet<StatementKind> Silent =
    [
        StatementKind.Create, StatementKind.Drop, StatementKind.Alter, StatementKind.Insert, StatementKind.Update,
        StatementKind.Delete, StatementKind.Merge, StatementKind.Truncate, StatementKind.Use, StatementKind.Comment,
    ];

    /// <summary>True for a query statement (SELECT, FROM-first, WITH, VALUES, TABLE).</summary>
    internal static bool IsQuery(string sql) => QueryKeywords.Contains(FirstKeyword(sql));

    /// <summary>True for a command whose Spark result has no columns (CREATE, INSERT, DROP, …).</summary>
    internal static bool HasNoOutput(string sql) => Silent.Contains(Read(sql).Kind);

    /// <summary>The first word of the statement, skipping whitespace, comments and parentheses ("" when none).</summary>
    internal static string FirstKeyword(string sql) => Read(sql).Keyword;

    /// <summary>The statement's shape as its keywords read.</summary>
    internal static StatementShape Read(string sql) => Read(SqlTokens.Read(sql).Items);

    internal static StatementShape Read(IReadOnlyList<SqlToken> tokens)
    {
        var i = SkipParentheses(tokens, 0);
        if (i >= tokens.Count || tokens[i].Kind != SqlTokenKind.Word)
            return new StatementShape("", StatementKind.Other, "", null);
        var keyword = tokens[i].Text;
        var kind = KindOf(keyword);
        if (kind == StatementKind.Query && (tokens[i].Is("WITH") || tokens[i].Is("FROM")) && InsertsAfter(tokens, i))
            return new StatementShape("INSERT", StatementKind.Insert, "", null);
        return kind switch
        {
            StatementKind.Create => new StatementShape(keyword, kind, ObjectAfter(tokens, SkipOrReplace(tokens, i + 1)), null),
            StatementKind.Drop or StatementKind.Alter => new StatementShape(keyword, kind, ObjectAfter(tokens, i + 1), null),
            StatementKind.Comment => new StatementShape(keyword, kind, i + 1 < tokens.Count && tokens[i + 1].Is("ON") ? ObjectAfter(tokens, i + 2) : "", null),
            StatementKind.Explain => new StatementShape(keyword, kind, "", Explained(tokens, i + 1)),
            _ => new StatementShape(keyword, kind, "", null),
        };
    }

    /// <summary>
    /// Whether a statement starting WITH or FROM is an INSERT after all: <c>WITH ctes INSERT INTO …</c> or the multi-insert
    /// <c>FROM src INSERT INTO … SELECT …</c>, which Spark runs at once. Only <c>INSERT INTO|OVERWRITE</c> outside
    /// parentheses counts, which no query can hold (a column named insert is never followed by INTO).
    /// </summary>
    private static bool InsertsAfter(IReadOnlyList<SqlToken> tokens, int i)
    {
        var depth = 0;
        for (; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Is('('))
                depth++;
            else if (tokens[i].Is(')'))
                depth--;
            else if (depth == 0 && tokens[i].Is("INSERT") && (tokens[i + 1].Is("INTO") || tokens[i + 1].Is("OVERWRITE")))
                return true;
        }
        return false;
    }

    private static StatementKind KindOf(string keyword) =>
        QueryKeywords.Contains(keyword) ? StatementKind.Query : Commands.GetValueOrDefault(keyword, StatementKind.Other);

    private static int SkipParentheses(IReadOnlyList<SqlToken> tokens, int i)
    {
        while (i < tokens.Count && tokens[i].Is('('))
            i++;
        return i;
    }

    private static int SkipOrReplace(IReadOnlyList<SqlToken> tokens, int i) =>
        i + 1 < tokens.Count && tokens[i].Is("OR") && tokens[i + 1].Is("REPLACE") ? i + 2 : i;

    private static string ObjectAfter(IReadOnlyList<SqlToken> tokens, int i)
    {
        while (i < tokens.Count && tokens[i].Kind == SqlTokenKind.Word && ObjectModifiers.Contains(tokens[i].Text))
            i++;
        return i < tokens.Count && tokens[i].Kind == SqlTokenKind.Word ? tokens[i].Text.ToUpperInvariant() : "";
    }

    // EXPLAIN [ANALYZE] statement: the kind of the statement explained.
    private static StatementKind Explained(IReadOnlyList<SqlToken> tokens, int i)
    {
        if (i < tokens.Count && tokens[i].Is("ANALYZE"))
            i++;
        i = SkipParentheses(tokens, i);
        return i < tokens.Count && tokens[i].Kind == SqlTokenKind.Word ? KindOf(tokens[i].Text) : StatementKind.Other;
    }
}

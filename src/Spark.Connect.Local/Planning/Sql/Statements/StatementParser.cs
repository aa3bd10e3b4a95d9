namespace Spark.Connect.Local.Planning.Sql.Statements;

/// <summary>
/// Spark SQL's statements that are not queries (SqlBaseParser.g4's <c>statement</c> rule), read by recursive descent over
/// <see cref="SparkLexer"/>'s tokens into a <see cref="SparkStatement"/>. A query inside a statement (CTAS, INSERT,
/// EXPLAIN, …) is kept as its text from its first token, for <see cref="SqlParser"/> to read when it is planned.
/// Statements of Spark's grammar the local engine does not carry out are <c>UNSUPPORTED_FEATURE.LOCAL_ENGINE</c> naming
/// them; text that is no Spark statement at all is <c>PARSE_SYNTAX_ERROR</c>, as Spark's parser reports it. This part holds
/// the dispatch on the first keyword; the statements are read in the other parts.
/// </summary>
internal sealed partial class StatementParser : SparkTokenParser
{
    // Statements Spark's grammar has that the local engine does not run (each → UNSUPPORTED_FEATURE naming it).
    private static readonly HashSet<string> UnsupportedKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "UPDATE", "DELETE", "MERGE", "COMMENT", "ANALYZE", "MSCK", "LOAD", "ADD", "LIST", "CALL", "DECLARE",
        "EXECUTE", "REPAIR", "LOCK", "UNLOCK", "GRANT", "REVOKE", "EXPORT", "IMPORT", "BEGIN", "COMMIT", "ROLLBACK",
    };

    private static readonly HashSet<string> QueryKeywords = new(StringComparer.OrdinalIgnoreCase) { "SELECT", "FROM", "WITH", "VALUES", "TABLE" };

    private StatementParser(string text) : base(text)
    {
    }

    /// <summary>The statement <paramref name="text"/> holds, or null when it is a query (which the query parser reads).</summary>
    internal static SparkStatement? Parse(string text)
    {
        var parser = new StatementParser(text);
        var statement = parser.IsWord("WITH") || parser.IsWord("FROM") ? parser.QueryPrefixedInsert() : null;
        if (statement is null && parser.AtQueryStart)
            return null;
        statement ??= parser.Statement();
        parser.AcceptSymbol(";");
        parser.ExpectEnd();
        return statement;
    }

    private SparkStatement Statement()
    {
        var first = Current;
        if (first.Kind != SparkTokenKind.Word)
            throw Error(null);
        switch (first.Text.ToUpperInvariant())
        {
            case "CREATE":
                Advance();
                return Create();
            case "REPLACE":
                Advance();
                ExpectWord("TABLE");
                return CreateTable(CreateMode.Replace);
            case "INSERT":
                Advance();
                return Insert();
            case "DROP":
                Advance();
                return Drop();
            case "TRUNCATE":
                Advance();
                ExpectWord("TABLE");
                var truncated = MultipartName();
                if (IsWord("PARTITION"))
                    throw Unsupported("TRUNCATE TABLE … PARTITION", "Local tables have no partitions; truncate the whole table.");
                return new TruncateTableStatement(truncated);
            case "ALTER":
                Advance();
                return Alter();
            case "SHOW":
                Advance();
                return Show();
            case "DESCRIBE" or "DESC":
                Advance();
                return Describe();
            case "EXPLAIN":
                Advance();
                return Explain();
            case "CACHE" or "UNCACHE" or "REFRESH" or "CLEAR":
                return Cache();
            case "SET" or "RESET" or "USE":
                // The session commands read their own text; the rest of it is theirs.
                SkipToEnd();
                return new SessionStatement(first.Text.ToUpperInvariant());
        }
        if (UnsupportedKeywords.Contains(first.Text))
            throw Unsupported(first.Text.ToUpperInvariant() + " statements", "See docs/local-engine.md (Spark SQL statements) for the statements it runs.");
        throw Error(null);
    }

    private static LocalEngineException Unsupported(string construct, string hint) =>
        LocalEngineException.Unsupported($"the Spark SQL statement {construct}", hint);

    /// <summary>Whether a query starts here: SELECT, FROM, WITH, VALUES, TABLE or an opening parenthesis.</summary>
    private bool AtQueryStart => Current.IsSymbol("(") || (Current.Kind == SparkTokenKind.Word && QueryKeywords.Contains(Current.Text));

    /// <summary>The rest of the text as a query (checked to start like one), for the query parser to read when planned.</summary>
    private string QueryText()
    {
        if (!AtQueryStart)
            throw Error("missing a query (SELECT, VALUES, WITH, TABLE or FROM)");
        var start = Current.Start;
        SkipToEnd();
        return _text[start..];
    }

    /// <summary><c>a.b.c</c> as its parts.</summary>
    private List<string> MultipartName()
    {
        var parts = new List<string> { Identifier() };
        while (Current.IsSymbol("."))
        {
            Advance();
            parts.Add(Identifier());
        }
        return parts;
    }

    /// <summary>A string literal's value.</summary>
    private string StringLiteral()
    {
        if (Current.Kind != SparkTokenKind.String)
            throw Error("missing a string literal");
        return Advance().Text;
    }

    /// <summary><c>[LIKE] 'pattern'</c> at the end of a SHOW statement, or null.</summary>
    private string? OptionalPattern()
    {
        var like = AcceptWord("LIKE");
        if (Current.Kind == SparkTokenKind.String)
            return StringLiteral();
        return like ? throw Error("missing a pattern string") : null;
    }

    /// <summary>A parenthesised property list (<c>OPTIONS (…)</c>, <c>TBLPROPERTIES (…)</c>), skipped: it only shapes the stored files.</summary>
    private void SkipPropertyList()
    {
        ExpectSymbol("(");
        var depth = 1;
        while (depth > 0)
        {
            if (Current.Kind == SparkTokenKind.End)
                throw Error("missing ')'");
            if (Current.IsSymbol("("))
                depth++;
            else if (Current.IsSymbol(")"))
                depth--;
            Advance();
        }
    }
}

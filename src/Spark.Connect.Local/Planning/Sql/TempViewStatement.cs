namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// <c>CREATE [OR REPLACE] [GLOBAL] TEMP[ORARY] VIEW name [(columns)] AS query</c> in Spark SQL: the parts the service
/// needs to create the view as <c>createOrReplaceTempView</c> does. The query stays text (a lazy SQL relation).
/// </summary>
internal sealed record TempViewStatement(string Name, IReadOnlyList<string> Columns, bool Replace, bool Global, string Query)
{
    /// <summary>The statement's parts, or null when the text is not such a statement.</summary>
    internal static TempViewStatement? TryRead(string text)
    {
        IReadOnlyList<SparkToken> tokens;
        try
        {
            tokens = SparkLexer.Read(text);
        }
        catch (LocalEngineException)
        {
            return null;
        }
        var at = 0;
        bool Word(string keyword)
        {
            if (!tokens[at].IsWord(keyword))
                return false;
            at++;
            return true;
        }
        if (!Word("CREATE"))
            return null;
        var replace = Word("OR") && Word("REPLACE");
        if (!replace && tokens[at - 1].IsWord("OR"))
            return null;
        var global = Word("GLOBAL");
        if (!(Word("TEMPORARY") || Word("TEMP")) || !Word("VIEW"))
            return null;
        var name = new List<string>();
        do
        {
            if (tokens[at].Kind is not (SparkTokenKind.Word or SparkTokenKind.QuotedIdentifier))
                throw SqlParseErrors.Syntax(text, tokens[at], "missing the view's name");
            name.Add(tokens[at++].Text);
        }
        while (tokens[at].IsSymbol(".") && ++at > 0);
        var columns = new List<string>();
        if (tokens[at].IsSymbol("("))
        {
            at++;
            while (!tokens[at].IsSymbol(")"))
            {
                if (tokens[at].Kind is not (SparkTokenKind.Word or SparkTokenKind.QuotedIdentifier))
                    throw SqlParseErrors.Syntax(text, tokens[at], null);
                columns.Add(tokens[at++].Text);
                if (Word("COMMENT") && tokens[at].Kind == SparkTokenKind.String)
                    at++;
                if (tokens[at].IsSymbol(","))
                    at++;
            }
            at++;
        }
        // CREATE TEMPORARY VIEW v USING format OPTIONS (…) is a view over files: the statement parser reads it.
        if (tokens[at].IsWord("USING"))
            return null;
        if (!Word("AS"))
            throw SqlParseErrors.Syntax(text, tokens[at], "missing 'AS'");
        var query = text[tokens[at].Start..];
        return new TempViewStatement(string.Join(".", name.Select(p => "`" + p.Replace("`", "``", StringComparison.Ordinal) + "`")), columns, replace, global, query);
    }
}

namespace Spark.Connect.Local.Planning.Sql.Statements;

internal sealed partial class StatementParser
{
    // Where a multi-insert body's SELECT list ends: the clauses SqlBaseParser's fromStatementBody allows after it.
    private static readonly HashSet<string> BodyClauseKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "LATERAL", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "SORT", "CLUSTER", "DISTRIBUTE", "LIMIT", "OFFSET",
    };

    /// <summary>
    /// The INSERT statements that start like a query: <c>WITH ctes INSERT …</c> (the CTEs belong to the insert's query) and
    /// the multi-insert <c>[WITH ctes] FROM source INSERT … SELECT … [INSERT … SELECT …]…</c>. Null (with the cursor back at
    /// the start) when the text is a query after all.
    /// </summary>
    private SparkStatement? QueryPrefixedInsert()
    {
        var begin = _index;
        var textStart = Current.Start;
        var selfReferencing = false;
        if (AcceptWord("WITH"))
        {
            var recursive = AcceptWord("RECURSIVE");
            do
            {
                if (!AtIdentifier)
                    return Rewind(begin);
                var name = Identifier();
                if (Current.IsSymbol("("))
                    SkipParenthesised(null);
                AcceptWord("AS");
                if (!Current.IsSymbol("("))
                    return Rewind(begin);
                selfReferencing |= SkipParenthesised(name) && recursive;
            }
            while (AcceptSymbol(","));
        }
        var prefix = _text[textStart..Current.Start];
        if (prefix.Length > 0 && AcceptWord("INSERT"))
        {
            var insert = Insert();
            if (insert.Query.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
                throw Unsupported("WITH … INSERT … WITH … (CTEs on both sides of the INSERT)", "Put every CTE in the leading WITH clause.");
            return insert with { Query = prefix + insert.Query };
        }
        if (IsWord("FROM") && TopLevelInsertAhead())
            return MultiInsert(prefix, selfReferencing);
        return Rewind(begin);
    }

    private SparkStatement? Rewind(int index)
    {
        _index = index;
        return null;
    }

    /// <summary>
    /// Skips a parenthesised group; true when a name token inside equals <paramref name="self"/> (a CTE reading itself).
    /// </summary>
    private bool SkipParenthesised(string? self)
    {
        var mentions = false;
        var depth = 0;
        do
        {
            // Unbalanced text is left for the query parser to report.
            if (Current.Kind == SparkTokenKind.End)
                break;
            if (Current.IsSymbol("("))
                depth++;
            else if (Current.IsSymbol(")"))
                depth--;
            else if (self is not null && Current.Kind is SparkTokenKind.Word or SparkTokenKind.QuotedIdentifier
                && string.Equals(Current.Text, self, StringComparison.OrdinalIgnoreCase))
                mentions = true;
            Advance();
        }
        while (depth > 0);
        return mentions;
    }

    private bool TopLevelInsertAhead()
    {
        var depth = 0;
        for (var i = _index; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.IsSymbol("("))
                depth++;
            else if (token.IsSymbol(")"))
                depth--;
            else if (depth == 0 && token.IsWord("INSERT") && i + 1 < _tokens.Count && (_tokens[i + 1].IsWord("INTO") || _tokens[i + 1].IsWord("OVERWRITE")))
                return true;
        }
        return false;
    }

    /// <summary>
    /// <c>FROM source INSERT … SELECT list [clauses] …</c>: each body becomes the query <c>[ctes] SELECT list FROM source
    /// [clauses]</c> of its own insert, the CTEs inlined into each as Spark forces for a multi-insert (so a recursive CTE
    /// there is Spark's RECURSIVE_CTE_WHEN_INLINING_IS_FORCED).
    /// </summary>
    private MultiInsertStatement MultiInsert(string ctes, bool recursiveCte)
    {
        var sourceStart = Current.Start;
        var depth = 0;
        while (depth > 0 || !IsWord("INSERT"))
        {
            depth += Current.IsSymbol("(") ? 1 : Current.IsSymbol(")") ? -1 : 0;
            Advance();
        }
        var source = _text[sourceStart..Current.Start].TrimEnd();
        if (recursiveCte)
            throw new LocalEngineException("RECURSIVE_CTE_WHEN_INLINING_IS_FORCED", "42836",
                "Recursive definitions cannot be used when CTE inlining is forced.");
        var inserts = new List<InsertStatement>();
        while (AcceptWord("INSERT"))
        {
            var target = InsertTarget();
            if (!IsWord("SELECT"))
                throw Unsupported("a multi-insert body that is not SELECT (TRANSFORM, …)", "Write each insert as INSERT … SELECT … FROM ….");
            var bodyStart = Current.Start;
            Advance();
            int? clauseStart = null;
            depth = 0;
            while (depth > 0 || !(IsWord("INSERT") || Current.IsSymbol(";") || Current.Kind == SparkTokenKind.End))
            {
                if (depth == 0 && clauseStart is null && Current.Kind == SparkTokenKind.Word && BodyClauseKeywords.Contains(Current.Text))
                    clauseStart = Current.Start;
                depth += Current.IsSymbol("(") ? 1 : Current.IsSymbol(")") ? -1 : 0;
                Advance();
            }
            var bodyEnd = Current.Start;
            var selectList = _text[bodyStart..(clauseStart ?? bodyEnd)].TrimEnd();
            var clauses = clauseStart is { } start ? " " + _text[start..bodyEnd] : "";
            inserts.Add(target with { Query = $"{ctes}{selectList} {source}{clauses}" });
        }
        return new MultiInsertStatement(inserts);
    }
}

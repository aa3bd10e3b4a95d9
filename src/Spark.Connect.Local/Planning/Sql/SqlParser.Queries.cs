namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Queries: WITH (common table expressions, substituted where they are read), set operations (INTERSECT binds
/// tighter than UNION and EXCEPT/MINUS; DISTINCT unless ALL), ORDER BY, LIMIT and OFFSET (offset applied before
/// the limit, as Spark plans them), VALUES and TABLE.
/// </summary>
internal sealed partial class SqlParser
{
    // Common table expressions in scope, innermost last: a one-part table name that matches one reads it.
    private readonly List<Dictionary<string, Relation>> _ctes = [];

    // The definitions some reference read; Spark analyzes a definition nobody reads too, so its errors still surface.
    private readonly HashSet<Relation> _readCtes = new(ReferenceEqualityComparer.Instance);

    // Definitions no reference read, for the caller to resolve (SparkSqlQuery) once the parse is done.
    private readonly List<Relation> _unreadCtes = [];

    // The output names of relations built from a select list, so ORDER BY ordinals over a set operation find them.
    private readonly Dictionary<Relation, List<string>> _outputNames = new(ReferenceEqualityComparer.Instance);

    private bool AtQueryStart() => QueryStartsAt(0);

    /// <summary>True when the tokens from <paramref name="offset"/> on open a query (after any opening parentheses).</summary>
    private bool QueryStartsAt(int offset)
    {
        while (PeekAt(offset).IsSymbol("("))
            offset++;
        var token = PeekAt(offset);
        return token.IsWord("SELECT") || token.IsWord("WITH") || token.IsWord("VALUES") || token.IsWord("TABLE") || token.IsWord("FROM");
    }

    private Relation ParenthesisedQuery()
    {
        ExpectSymbol("(");
        var query = Query();
        ExpectSymbol(")");
        return query;
    }

    /// <summary>A full query: [WITH …] set operations of query primaries, then ORDER BY / LIMIT / OFFSET.</summary>
    private Relation Query()
    {
        using var _ = Nest();
        var scoped = false;
        if (AcceptWord("WITH"))
        {
            var recursive = AcceptWord("RECURSIVE");
            _ctes.Add(new Dictionary<string, Relation>(StringComparer.OrdinalIgnoreCase));
            scoped = true;
            do
            {
                if (recursive)
                    RecursiveCommonTableExpression();
                else
                    CommonTableExpression();
            }
            while (AcceptSymbol(","));
        }
        try
        {
            var term = SetOperations();
            return Organization(term);
        }
        finally
        {
            if (scoped)
            {
                _unreadCtes.AddRange(_ctes[^1].Values.Where(r => !_readCtes.Contains(r)));
                _ctes.RemoveAt(_ctes.Count - 1);
            }
        }
    }

    private void CommonTableExpression()
    {
        var name = Identifier();
        var columns = IsSymbol("(") ? IdentifierList() : null;
        AcceptWord("AS");
        var relation = ParenthesisedQuery();
        if (columns is not null)
            relation = Renamed(relation, columns);
        // A nondeterministic definition is computed once and shared by its reads, as Spark keeps it uninlined.
        if (SharedCte.CallsNondeterministic(relation))
            relation = SharedCte.Of(relation);
        AddCommonTable(name, relation);
    }

    private void AddCommonTable(string name, Relation relation)
    {
        if (_ctes[^1].ContainsKey(name))
            throw new LocalEngineException("DUPLICATED_CTE_NAMES", "42602", $"CTE definition can't have duplicate names: `{name}`.",
                new Dictionary<string, string> { ["duplicateNames"] = $"`{name}`" });
        _ctes[^1][name] = relation;
    }

    /// <summary>A common table expression named <paramref name="name"/> in scope, as a fresh copy; null when there is none.</summary>
    private Relation? CommonTable(string name)
    {
        for (var i = _ctes.Count - 1; i >= 0; i--)
        {
            if (_ctes[i].TryGetValue(name, out var relation))
            {
                if (RecursiveCte.TryReadReference(relation) is { } recursiveId)
                    _readRecursiveCtes.Add(recursiveId);
                _readCtes.Add(relation);
                return relation.Clone();
            }
        }
        return null;
    }

    private static Relation Renamed(Relation relation, IEnumerable<string> columns)
    {
        var toDf = new ToDF { Input = relation };
        toDf.ColumnNames.AddRange(columns);
        return new Relation { ToDf = toDf };
    }

    /// <summary>UNION / EXCEPT / MINUS over INTERSECT terms, left to right.</summary>
    private QueryTerm SetOperations()
    {
        if (_legacySetOperationPrecedence)
            return LegacySetOperations();
        var left = IntersectTerm();
        while (AcceptSetOperator(withIntersect: false) is { } type)
        {
            var all = SetQuantifier();
            left = new QueryTerm(CombineSets(left.Finish(this, []), IntersectTerm().Finish(this, []), type, all));
        }
        return left;
    }

    /// <summary>UNION, EXCEPT/MINUS and, when <paramref name="withIntersect"/>, INTERSECT; null (nothing read) for anything else.</summary>
    private SetOperation.Types.SetOpType? AcceptSetOperator(bool withIntersect)
    {
        if (AcceptWord("UNION"))
            return SetOperation.Types.SetOpType.Union;
        if (AcceptWord("EXCEPT") || AcceptWord("MINUS"))
            return SetOperation.Types.SetOpType.Except;
        if (withIntersect && AcceptWord("INTERSECT"))
            return SetOperation.Types.SetOpType.Intersect;
        return null;
    }

    private QueryTerm IntersectTerm()
    {
        var left = QueryPrimary();
        while (AcceptWord("INTERSECT"))
        {
            var all = SetQuantifier();
            left = new QueryTerm(CombineSets(left.Finish(this, []), QueryPrimary().Finish(this, []), SetOperation.Types.SetOpType.Intersect, all));
        }
        return left;
    }

    private bool SetQuantifier()
    {
        if (AcceptWord("ALL"))
            return true;
        AcceptWord("DISTINCT");
        return false;
    }

    private Relation CombineSets(Relation left, Relation right, SetOperation.Types.SetOpType type, bool all)
    {
        var relation = new Relation { SetOp = new SetOperation { LeftInput = left, RightInput = right, SetOpType = type, IsAll = all } };
        if (_outputNames.TryGetValue(left, out var names))
            _outputNames[relation] = names;
        return relation;
    }

    private QueryTerm QueryPrimary()
    {
        if (IsWord("SELECT"))
            return new QueryTerm(SelectClause());
        // VALUES … [AS] t(a, b) may name itself and its columns as a query too, not only in FROM.
        if (AcceptWord("VALUES"))
            return new QueryTerm(AliasedInlineTable());
        if (AcceptWord("TABLE"))
            return new QueryTerm(TableReference(MultipartName()));
        if (IsWord("FROM"))
            throw SqlParseErrors.Unsupported("FROM … SELECT (the FROM clause first)", "Write SELECT … FROM ….");
        if (IsSymbol("("))
            return new QueryTerm(ParenthesisedQuery());
        throw Error(null);
    }

    /// <summary>
    /// <c>VALUES … [AS] t[(a, b)]</c> as a whole query (Spark's grammar allows the alias there too); ORDER BY ordinals keep
    /// finding its columns under their new names.
    /// </summary>
    private Relation AliasedInlineTable()
    {
        var table = InlineTable();
        var aliased = Aliased(table, required: false);
        if (!ReferenceEquals(aliased, table))
            _outputNames[aliased] = aliased.SubqueryAlias.Input.ToDf is { } renamed ? [.. renamed.ColumnNames] : _outputNames[table];
        return aliased;
    }

    /// <summary>ORDER BY, LIMIT and OFFSET after a query term; a select list takes its ORDER BY itself (aggregates, ordinals).</summary>
    private Relation Organization(QueryTerm term)
    {
        List<Expression.Types.SortOrder> order = [];
        if (AcceptWords("ORDER", "BY") || AcceptWords("SORT", "BY"))
            order = SortItems();
        if ((IsWord("CLUSTER") || IsWord("DISTRIBUTE")) && PeekAt(1).IsWord("BY"))
            throw SqlParseErrors.Unsupported(Current.Text.ToUpperInvariant() + " BY", "Use ORDER BY.");
        var relation = term.Finish(this, order);
        Expression? limit = null;
        if (AcceptWord("LIMIT"))
            limit = AcceptWord("ALL") ? null : Expr();
        if (AcceptWord("OFFSET"))
            relation = new Relation { Offset = new Offset { Input = relation, Offset_ = RowCount(Expr(), "OFFSET") } };
        if (limit is not null)
            relation = new Relation { Limit = new Limit { Input = relation, Limit_ = RowCount(limit, "LIMIT") } };
        return relation;
    }

    /// <summary>A LIMIT or OFFSET count: an integer literal (or an argument bound to one).</summary>
    private static int RowCount(Expression expression, string clause)
    {
        var literal = expression.Literal;
        return literal?.LiteralTypeCase switch
        {
            Expression.Types.Literal.LiteralTypeOneofCase.Integer => literal.Integer,
            Expression.Types.Literal.LiteralTypeOneofCase.Short => literal.Short,
            Expression.Types.Literal.LiteralTypeOneofCase.Byte => literal.Byte,
            Expression.Types.Literal.LiteralTypeOneofCase.Long when literal.Long is >= int.MinValue and <= int.MaxValue => (int)literal.Long,
            _ => throw new LocalEngineException("INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE", "42K0E",
                $"The {clause} expression must be an integer constant in the local engine.",
                new Dictionary<string, string> { ["name"] = clause.ToLowerInvariant() }),
        };
    }

    /// <summary>Sorts a finished relation: ordinals name its output columns when they are known.</summary>
    private Relation SortRelation(Relation relation, List<Expression.Types.SortOrder> order)
    {
        if (order.Count == 0)
            return relation;
        _outputNames.TryGetValue(relation, out var names);
        var sort = new Sort { Input = relation, IsGlobal = true };
        foreach (var item in order)
        {
            if (Ordinal(item.Child) is { } position)
            {
                if (names is null)
                    throw SqlParseErrors.Unsupported("an ORDER BY position here", "Order by the column's name.");
                item.Child = Attribute(names[OrdinalIndex(position, names.Count, "ORDER_BY_POS_OUT_OF_RANGE")]);
            }
            sort.Order.Add(item);
        }
        var sorted = new Relation { Sort = sort };
        if (names is not null)
            _outputNames[sorted] = names;
        return sorted;
    }

    private static int? Ordinal(Expression expression) =>
        expression.Literal is { LiteralTypeCase: Expression.Types.Literal.LiteralTypeOneofCase.Integer } literal ? literal.Integer : null;

    private static int OrdinalIndex(int position, int count, string errorClass) =>
        position >= 1 && position <= count
            ? position - 1
            : throw new LocalEngineException(errorClass, "42805",
                $"{(errorClass.StartsWith("GROUP", StringComparison.Ordinal) ? "GROUP BY" : "ORDER BY")} position {position} is not in select list (valid range is [1, {count}]).",
                new Dictionary<string, string> { ["index"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture), ["size"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static Expression Attribute(string name) =>
        new() { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = Unparsed([name]) } };

    /// <summary>A query term: a finished relation, or a select list still waiting for its ORDER BY.</summary>
    private sealed class QueryTerm
    {
        private readonly Relation? _relation;
        private readonly SelectSpecification? _select;

        internal QueryTerm(Relation relation) => _relation = relation;

        internal QueryTerm(SelectSpecification select) => _select = select;

        internal Relation Finish(SqlParser parser, List<Expression.Types.SortOrder> order) =>
            _select is not null ? _select.Build(parser, order) : parser.SortRelation(_relation!, order);
    }
}

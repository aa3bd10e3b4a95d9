using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// FROM clauses: tables and temporary views (or a common table expression of that name), subqueries, VALUES,
/// <c>range(…)</c>, each with an optional alias and column names; joins of every kind with ON or USING, or NATURAL; commas as
/// cross joins; a PIVOT clause over the whole FROM clause (SqlParser.Pivot.cs).
/// </summary>
internal sealed partial class SqlParser
{
    private Relation FromClause()
    {
        var relation = JoinedRelation(AtLateralSubquery ? LateralSubquery() : null);
        while (AcceptSymbol(","))
            relation = AtLateralSubquery
                ? JoinedRelation(LateralJoin(relation, LateralSubquery(), JoinType.Cross))
                : Join(relation, JoinedRelation(), JoinType.Cross);
        while (AtLateralView)
            relation = LateralView(relation);
        if (IsWord("PIVOT"))
            relation = PivotClause(relation);
        return IsWord("UNPIVOT") ? UnpivotClause(relation) : relation;
    }

    private static Relation Join(Relation left, Relation right, JoinType type, Expression? condition = null, IEnumerable<string>? usingColumns = null)
    {
        var join = new Join { Left = left, Right = right, JoinType = type, JoinCondition = condition };
        if (usingColumns is not null)
            join.UsingColumns.AddRange(usingColumns);
        return new Relation { Join = join };
    }

    /// <summary>A relation and the joins after it; <paramref name="start"/> is the relation when it is already read.</summary>
    private Relation JoinedRelation(Relation? start = null)
    {
        var left = start ?? RelationPrimary();
        while (true)
        {
            var natural = AcceptWord("NATURAL");
            if (JoinTypeAhead() is not { } type)
            {
                if (natural)
                    throw Error("expected a join after NATURAL");
                return left;
            }
            if (AtLateralSubquery)
            {
                left = LateralJoinAfterKeyword(left, type, natural);
                continue;
            }
            var right = RelationPrimary();
            if (natural)
            {
                // An ON or USING after it is left unread, so it is the syntax error Spark's grammar reports.
                if (type == JoinType.Cross)
                    throw new LocalEngineException("UNSUPPORTED_FEATURE.NATURAL_CROSS_JOIN", "0A000", "The feature is not supported: NATURAL CROSS JOIN.");
                left = NaturalJoin.Of(new Join { Left = left, Right = right, JoinType = type });
            }
            else if (AcceptWord("ON"))
                left = Join(left, right, type, Expr());
            else if (AcceptWord("USING"))
                left = Join(left, right, type, usingColumns: IdentifierList());
            else
                left = Join(left, right, type);
        }
    }

    /// <summary>Reads a join operator; null when none follows.</summary>
    private JoinType? JoinTypeAhead()
    {
        if (AcceptWord("JOIN") || AcceptWords("INNER", "JOIN"))
            return JoinType.Inner;
        if (AcceptWords("CROSS", "JOIN"))
            return JoinType.Cross;
        if (AcceptWord("LEFT"))
        {
            var type = AcceptWord("SEMI") ? JoinType.LeftSemi : AcceptWord("ANTI") ? JoinType.LeftAnti : JoinType.LeftOuter;
            if (type == JoinType.LeftOuter)
                AcceptWord("OUTER");
            ExpectWord("JOIN");
            return type;
        }
        if (AcceptWord("RIGHT") || AcceptWord("FULL"))
        {
            var type = _tokens[_index - 1].IsWord("RIGHT") ? JoinType.RightOuter : JoinType.FullOuter;
            AcceptWord("OUTER");
            ExpectWord("JOIN");
            return type;
        }
        if (AcceptWords("SEMI", "JOIN"))
            return JoinType.LeftSemi;
        if (AcceptWords("ANTI", "JOIN"))
            return JoinType.LeftAnti;
        return null;
    }

    private Relation RelationPrimary()
    {
        using var _ = Nest();
        if (IsWord("LATERAL"))
            return LateralSubquery();
        if (IsSymbol("("))
        {
            Relation inner;
            if (AtQueryStart())
                inner = ParenthesisedQuery();
            else
            {
                Advance();
                inner = FromClause();
                ExpectSymbol(")");
            }
            return Aliased(inner, required: false);
        }
        if (AcceptWord("VALUES"))
            return Aliased(InlineTable(), required: false);
        var parts = MultipartName();
        if (IsSymbol("("))
            return Aliased(TableFunction(parts), required: false);
        var table = FileReference(parts) ?? TableReference(parts);
        if (IsWord("WITH") && PeekAt(1).IsSymbol("("))
            AddReadOptions(table);
        if (IsWord("TABLESAMPLE"))
            table = TableSample(table);
        return Aliased(table, required: false);
    }

    /// <summary>A table, temporary view or common table expression by name; a CTE reads as a copy of its query, under its name.</summary>
    private Relation TableReference(List<string> parts)
    {
        if (parts.Count == 1 && CommonTable(parts[0]) is { } cte)
            return new Relation { SubqueryAlias = new SubqueryAlias { Input = cte, Alias = parts[0] } };
        return new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = Unparsed(parts) } } };
    }

    /// <summary>Table-valued functions: <c>range(end)</c>, <c>range(start, end[, step[, partitions]])</c> with integer literals.</summary>
    private Relation TableFunction(List<string> parts)
    {
        var name = string.Join(".", parts);
        if (!name.Equals("range", StringComparison.OrdinalIgnoreCase))
            throw SqlParseErrors.Unsupported($"the table-valued function {name}", "Read a table, or use range(…).");
        var arguments = ParenthesisedExpressions().Select(a => (long)RowCountOrLong(a)).ToList();
        var range = arguments.Count switch
        {
            1 => new Spark.Connect.Protocol.Range { Start = 0, End = arguments[0], Step = 1 },
            2 => new Spark.Connect.Protocol.Range { Start = arguments[0], End = arguments[1], Step = 1 },
            3 or 4 => new Spark.Connect.Protocol.Range { Start = arguments[0], End = arguments[1], Step = arguments[2] },
            _ => throw new LocalEngineException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605",
                $"The `range` requires [1, 2, 3, 4] parameters but the actual number is {arguments.Count}."),
        };
        return new Relation { Range = range };
    }

    private static long RowCountOrLong(Expression expression) =>
        expression.Literal?.LiteralTypeCase == Expression.Types.Literal.LiteralTypeOneofCase.Long ? expression.Literal.Long : RowCount(expression, "range");

    /// <summary><c>[AS] alias [(columns)]</c> after a relation.</summary>
    private Relation Aliased(Relation relation, bool required)
    {
        var explicitAs = AcceptWord("AS");
        if (!explicitAs && !AtIdentifier)
        {
            if (required)
                throw Error("missing an alias");
            return relation;
        }
        var alias = Identifier();
        if (IsSymbol("("))
            relation = Renamed(relation, IdentifierList());
        return new Relation { SubqueryAlias = new SubqueryAlias { Input = relation, Alias = alias } };
    }

    /// <summary>
    /// <c>VALUES (1, 'a'), (2, 'b')</c>: columns col1, col2, …; each row a one-row projection, the rows a balanced UNION ALL,
    /// so the column types widen as Spark's inline tables do.
    /// </summary>
    private Relation InlineTable()
    {
        var rows = new List<List<Expression>>();
        do
        {
            if (IsSymbol("(") && !AtQueryStart())
                rows.Add(ParenthesisedExpressions());
            else
                rows.Add([Expr()]);
        }
        while (AcceptSymbol(","));
        var width = rows[0].Count;
        if (rows.Any(r => r.Count != width))
            throw new LocalEngineException("INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH", "42000",
                $"Invalid inline table. Inline table expected {width} columns but found {rows.First(r => r.Count != width).Count} columns in a row.");
        // An inline table has no input: a column name there can only be an outer query's column, which Spark can't evaluate.
        if (rows.SelectMany(r => r).FirstOrDefault(ReadsColumn) is { } outer)
            throw new LocalEngineException("INVALID_INLINE_TABLE.CANNOT_EVALUATE_EXPRESSION_IN_INLINE_TABLE", "42000",
                $"Invalid inline table. Cannot evaluate the expression \"{Expressions.ColumnNamer.Name(outer)}\" in inline table definition: it reads a column.",
                new Dictionary<string, string> { ["sqlExpr"] = $"\"{Expressions.ColumnNamer.Name(outer)}\"" });
        var names = Enumerable.Range(1, width).Select(i => "col" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // Spark's inline table keeps its rows in order (collect_list sees them so); DuckDB may run a UNION ALL's branches
        // in any order, so each row carries its position, the union is sorted by it, and the position is dropped.
        var ordered = rows.Count > 1;
        var relations = rows.Select((row, r) =>
        {
            var project = new Project();
            project.Expressions.AddRange(row.Select((value, i) => Alias(value, [names[i]])));
            if (ordered)
                project.Expressions.Add(Alias(Literals.Integer(r), [RowPosition]));
            return new Relation { Project = project };
        }).ToList();
        var table = UnionAll(relations, 0, relations.Count);
        if (ordered)
        {
            var sort = new Sort { Input = table, IsGlobal = true };
            sort.Order.Add(new Expression.Types.SortOrder { Child = Attribute(RowPosition),
                Direction = Expression.Types.SortOrder.Types.SortDirection.Ascending, NullOrdering = Expression.Types.SortOrder.Types.NullOrdering.SortNullsFirst });
            var project = new Project { Input = new Relation { Sort = sort } };
            project.Expressions.AddRange(names.Select(Attribute));
            table = new Relation { Project = project };
        }
        _outputNames[table] = names;
        return table;
    }

    private const string RowPosition = HiddenPrefix + "row";

    private static bool ReadsColumn(Expression expression) => expression.ExprTypeCase switch
    {
        Expression.ExprTypeOneofCase.UnresolvedAttribute or Expression.ExprTypeOneofCase.UnresolvedStar => true,
        Expression.ExprTypeOneofCase.UnresolvedFunction => expression.UnresolvedFunction.Arguments.Any(ReadsColumn),
        Expression.ExprTypeOneofCase.Alias => ReadsColumn(expression.Alias.Expr),
        Expression.ExprTypeOneofCase.Cast => ReadsColumn(expression.Cast.Expr),
        Expression.ExprTypeOneofCase.UnresolvedExtractValue => ReadsColumn(expression.UnresolvedExtractValue.Child),
        _ => false,
    };

    private static Relation UnionAll(List<Relation> rows, int start, int end)
    {
        if (end - start == 1)
            return rows[start];
        var middle = start + (end - start) / 2;
        return new Relation { SetOp = new SetOperation { LeftInput = UnionAll(rows, start, middle), RightInput = UnionAll(rows, middle, end),
            SetOpType = SetOperation.Types.SetOpType.Union, IsAll = true } };
    }
}

using GroupType = Spark.Connect.Protocol.Aggregate.Types.GroupType;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// <c>SELECT [DISTINCT] items [FROM …] [WHERE …] [GROUP BY …] [HAVING …] [WINDOW …]</c>: the clauses are read here and
/// turned into relations by <see cref="SelectSpecification"/> once the query's ORDER BY is known.
/// </summary>
internal sealed partial class SqlParser
{
    private SelectSpecification SelectClause()
    {
        ExpectWord("SELECT");
        var windowsBefore = _namedWindowUses.Count;
        var select = new SelectSpecification();
        select.Distinct = AcceptWord("DISTINCT");
        if (!select.Distinct)
            AcceptWord("ALL");
        do select.Items.Add(NamedExpression());
        while (AcceptSymbol(","));
        if (AcceptWord("FROM"))
            select.From = FromClause();
        if (IsWord("LATERAL") && PeekAt(1).IsWord("VIEW"))
            throw SqlParseErrors.Unsupported("LATERAL VIEW", "Select explode(…) in the select list instead.");
        if (AcceptWord("WHERE"))
            select.Where = Expr();
        if (AcceptWords("GROUP", "BY"))
            select.Grouping = GroupBy();
        if (AcceptWord("HAVING"))
        {
            var having = Expr();
            if (_havingAsWhere && select.Grouping is null)
                select.Where = select.Where is null ? having : Call("and", select.Where, having);
            else
                select.Having = having;
        }
        if (AcceptWord("WINDOW"))
            WindowClause(windowsBefore);
        else if (_namedWindowUses.Count > windowsBefore)
            ApplyWindows(windowsBefore, []);
        if (IsWord("QUALIFY"))
            throw SqlParseErrors.Unsupported("QUALIFY", "Filter the windowed result in an outer query.");
        return select;
    }

    private GroupingClause GroupBy()
    {
        var grouping = new GroupingClause();
        if (IsWord("ALL") && !PeekAt(1).IsSymbol("("))
        {
            Advance();
            grouping.All = true;
            return grouping;
        }
        var elements = new List<GroupingElement>();
        do
        {
            if (IsWord("ROLLUP") || IsWord("CUBE"))
            {
                var type = Advance().IsWord("ROLLUP") ? GroupType.Rollup : GroupType.Cube;
                elements.Add(new GroupingElement(type, ParenthesisedExpressions(), []));
            }
            else if (AcceptWords("GROUPING", "SETS"))
            {
                var sets = new List<List<Expression>>();
                ExpectSymbol("(");
                do sets.Add(IsSymbol("(") ? ParenthesisedExpressions() : [Expr()]);
                while (AcceptSymbol(","));
                ExpectSymbol(")");
                elements.Add(new GroupingElement(GroupType.GroupingSets, [], sets));
            }
            else
                elements.Add(new GroupingElement(GroupType.Groupby, [Expr()], []));
        }
        while (AcceptSymbol(","));
        if (elements.All(e => e.Type == GroupType.Groupby))
            grouping.Expressions.AddRange(elements.SelectMany(e => e.Expressions));
        else if (elements is [var only])
        {
            grouping.Type = only.Type;
            grouping.Expressions.AddRange(only.Expressions);
            grouping.Sets.AddRange(only.Sets);
        }
        else
        {
            // Plain expressions next to ROLLUP, CUBE or GROUPING SETS: Spark groups by every combination of one set
            // of each element (a plain expression is the one set of itself), in the elements' order.
            grouping.Type = GroupType.GroupingSets;
            IEnumerable<List<Expression>> combined = [[]];
            foreach (var element in elements)
                combined = combined.SelectMany(prefix => element.GroupingSets().Select(set => prefix.Concat(set).ToList())).ToList();
            grouping.Sets.AddRange(combined);
            if (IsWord("WITH") && PeekAt(1).IsWord("ROLLUP") || IsWord("WITH") && PeekAt(1).IsWord("CUBE"))
                throw SqlParseErrors.Unsupported("WITH ROLLUP or WITH CUBE after ROLLUP, CUBE or GROUPING SETS", "Write the grouping sets out with GROUPING SETS.");
        }
        if (AcceptWord("WITH"))
        {
            var type = AcceptWord("ROLLUP") ? GroupType.Rollup : AcceptWord("CUBE") ? GroupType.Cube : throw Error(null);
            SetGroupType(grouping, type);
        }
        return grouping;
    }

    private static void SetGroupType(GroupingClause grouping, GroupType type)
    {
        if (grouping.Type != GroupType.Groupby)
            throw SqlParseErrors.Unsupported("more than one of ROLLUP, CUBE and GROUPING SETS in one GROUP BY", "Write the grouping sets out with GROUPING SETS.");
        grouping.Type = type;
    }

    /// <summary>One item of a GROUP BY list: a plain expression, ROLLUP(…), CUBE(…) or GROUPING SETS(…).</summary>
    private sealed record GroupingElement(GroupType Type, List<Expression> Expressions, List<List<Expression>> Sets)
    {
        /// <summary>The sets this element groups by: rollup's prefixes (longest first), cube's subsets (largest first).</summary>
        internal IEnumerable<List<Expression>> GroupingSets() => Type switch
        {
            GroupType.Rollup => Enumerable.Range(0, Expressions.Count + 1).Select(n => Expressions.Take(Expressions.Count - n).Select(e => e.Clone()).ToList()),
            GroupType.Cube => Enumerable.Range(0, 1 << Expressions.Count).Select(m => (1 << Expressions.Count) - 1 - m)
                .Select(mask => Expressions.Where((_, i) => (mask & (1 << i)) != 0).Select(e => e.Clone()).ToList()),
            GroupType.GroupingSets => Sets.Select(set => set.Select(e => e.Clone()).ToList()),
            _ => [Expressions.Select(e => e.Clone()).ToList()],
        };
    }

    private List<Expression> ParenthesisedExpressions()
    {
        ExpectSymbol("(");
        var list = new List<Expression>();
        if (!IsSymbol(")"))
        {
            do list.Add(Expr());
            while (AcceptSymbol(","));
        }
        ExpectSymbol(")");
        return list;
    }

    /// <summary>Whether <paramref name="name"/> is an aggregate function (by the function catalog).</summary>
    private static bool IsAggregate(string name) => Functions.SparkFunctionCatalog.IsAggregate(name);

    /// <summary>Whether an aggregate call occurs in <paramref name="expression"/> (not under a window or subquery).</summary>
    internal static bool ContainsAggregate(Expression expression)
    {
        PlanComplexity.EnsureStack();
        return expression.ExprTypeCase switch
        {
            Expression.ExprTypeOneofCase.UnresolvedFunction => IsAggregate(expression.UnresolvedFunction.FunctionName)
                                                              || expression.UnresolvedFunction.Arguments.Any(ContainsAggregate),
            Expression.ExprTypeOneofCase.Alias => ContainsAggregate(expression.Alias.Expr),
            Expression.ExprTypeOneofCase.Cast => ContainsAggregate(expression.Cast.Expr),
            Expression.ExprTypeOneofCase.UnresolvedExtractValue => ContainsAggregate(expression.UnresolvedExtractValue.Child)
                                                                   || ContainsAggregate(expression.UnresolvedExtractValue.Extraction),
            _ => false,
        };
    }

    /// <summary>The GROUP BY clause as read.</summary>
    private sealed class GroupingClause
    {
        internal GroupType Type { get; set; } = GroupType.Groupby;

        internal bool All { get; set; }

        internal List<Expression> Expressions { get; } = [];

        internal List<List<Expression>> Sets { get; } = [];
    }
}

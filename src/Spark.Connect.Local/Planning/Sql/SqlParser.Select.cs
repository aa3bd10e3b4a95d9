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
        do
        {
            if (IsWord("ROLLUP") || IsWord("CUBE"))
            {
                var type = Advance().IsWord("ROLLUP") ? GroupType.Rollup : GroupType.Cube;
                SetGroupType(grouping, type);
                grouping.Expressions.AddRange(ParenthesisedExpressions());
            }
            else if (AcceptWords("GROUPING", "SETS"))
            {
                SetGroupType(grouping, GroupType.GroupingSets);
                ExpectSymbol("(");
                do grouping.Sets.Add(IsSymbol("(") ? ParenthesisedExpressions() : [Expr()]);
                while (AcceptSymbol(","));
                ExpectSymbol(")");
            }
            else
            {
                if (grouping.Type != GroupType.Groupby)
                    throw SqlParseErrors.Unsupported("plain grouping expressions next to ROLLUP, CUBE or GROUPING SETS", "Put every expression inside the ROLLUP, CUBE or GROUPING SETS.");
                grouping.Expressions.Add(Expr());
            }
        }
        while (AcceptSymbol(","));
        if (AcceptWord("WITH"))
        {
            var type = AcceptWord("ROLLUP") ? GroupType.Rollup : AcceptWord("CUBE") ? GroupType.Cube : throw Error(null);
            SetGroupType(grouping, type);
        }
        return grouping;
    }

    private static void SetGroupType(GroupingClause grouping, GroupType type)
    {
        if (grouping.Type != GroupType.Groupby || (grouping.Expressions.Count > 0 && type == GroupType.GroupingSets))
            throw SqlParseErrors.Unsupported("more than one of ROLLUP, CUBE and GROUPING SETS in one GROUP BY", "Write the grouping sets out with GROUPING SETS.");
        grouping.Type = type;
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
    private static bool IsAggregate(string name) =>
        Functions.FunctionRegistry.TryFind(name)?.Kind == Functions.FunctionKind.Aggregate;

    /// <summary>Whether an aggregate call occurs in <paramref name="expression"/> (not under a window or subquery).</summary>
    private static bool ContainsAggregate(Expression expression)
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

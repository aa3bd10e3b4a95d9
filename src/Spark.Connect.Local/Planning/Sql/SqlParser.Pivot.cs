using GroupType = Spark.Connect.Protocol.Aggregate.Types.GroupType;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// <c>FROM … PIVOT (agg [AS name], … FOR column IN (value, …))</c>: a pivot Aggregate over the FROM clause, as a
/// DataFrame's <c>groupBy(…).pivot(column, values).agg(…)</c> sends it, except that SQL groups by every column the
/// pivot column and the aggregates don't read. The grouping is left to resolution (which knows the input's columns),
/// marked by a lone star (PivotResolver.GroupsImplicitly).
/// </summary>
internal sealed partial class SqlParser
{
    private Relation PivotClause(Relation input)
    {
        ExpectWord("PIVOT");
        ExpectSymbol("(");
        var aggregate = new Aggregate { Input = input, GroupType = GroupType.Pivot };
        aggregate.GroupingExpressions.Add(new Expression { UnresolvedStar = new Expression.Types.UnresolvedStar() });
        do aggregate.AggregateExpressions.Add(NamedExpression());
        while (AcceptSymbol(","));
        ExpectWord("FOR");
        if (IsSymbol("("))
            throw SqlParseErrors.Unsupported("PIVOT over several columns", "Pivot over one column (a struct of the columns, or a concatenation, if the values are combined).");
        var column = new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = Unparsed(MultipartName()) } };
        ExpectWord("IN");
        ExpectSymbol("(");
        var pivot = new Aggregate.Types.Pivot { Col = column };
        do pivot.Values.Add(PivotValue());
        while (AcceptSymbol(","));
        ExpectSymbol(")");
        ExpectSymbol(")");
        aggregate.Pivot = pivot;
        return new Relation { Aggregate = aggregate };
    }

    /// <summary>One value of <c>IN (…)</c>: a literal (a negative number included), without an alias.</summary>
    private Expression.Types.Literal PivotValue()
    {
        var value = Expr();
        if (value.ExprTypeCase != Expression.ExprTypeOneofCase.Literal)
            throw SqlParseErrors.Unsupported("PIVOT values other than literals", "List the values as literals: IN (2023, 2024) or IN ('a', 'b').");
        if (AcceptWord("AS") || AtIdentifier)
            throw SqlParseErrors.Unsupported("aliases of PIVOT values", "Rename the pivoted columns in the SELECT list: SELECT `2023` AS y2023.");
        return value.Literal;
    }
}

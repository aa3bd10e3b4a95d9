namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// <c>UNPIVOT [INCLUDE|EXCLUDE NULLS] (value FOR name IN (col [[AS] alias], …)) [[AS] alias]</c> after the FROM clause:
/// each input row becomes one row per listed column (the other columns as ids, the column's name or alias, its value),
/// rows whose value is null left out unless INCLUDE NULLS, as Spark's default EXCLUDE NULLS does. Several value columns
/// (<c>(a, b) FOR …</c>) are refused.
/// </summary>
internal sealed partial class SqlParser
{
    private Relation UnpivotClause(Relation input)
    {
        ExpectWord("UNPIVOT");
        var includeNulls = false;
        if (AcceptWord("INCLUDE"))
        {
            ExpectWord("NULLS");
            includeNulls = true;
        }
        else if (AcceptWord("EXCLUDE"))
            ExpectWord("NULLS");
        ExpectSymbol("(");
        if (IsSymbol("("))
            throw SqlParseErrors.Unsupported("UNPIVOT with several value columns", "Unpivot one value column at a time.");
        var valueColumn = Identifier();
        ExpectWord("FOR");
        var nameColumn = Identifier();
        ExpectWord("IN");
        ExpectSymbol("(");
        var values = new Unpivot.Types.Values();
        do
        {
            var column = new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = Unparsed(MultipartName()) } };
            values.Values_.Add(AcceptWord("AS") || AtIdentifier ? Alias(column, [Identifier()]) : column);
        }
        while (AcceptSymbol(","));
        ExpectSymbol(")");
        ExpectSymbol(")");
        Relation relation = ImplicitIdUnpivot.Of(new Unpivot { Input = input, Values = values, VariableColumnName = nameColumn, ValueColumnName = valueColumn });
        if (!includeNulls)
        {
            var notNull = Call("isnotnull", new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = Unparsed([valueColumn]) } });
            relation = new Relation { Filter = new Filter { Input = relation, Condition = notNull } };
        }
        return Aliased(relation, required: false);
    }
}

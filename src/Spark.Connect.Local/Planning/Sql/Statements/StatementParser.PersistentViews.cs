namespace Spark.Connect.Local.Planning.Sql.Statements;

/// <summary>CREATE VIEW: a persistent view of the catalog (temporary views are read by <see cref="TempViewStatement"/>).</summary>
internal sealed partial class StatementParser
{
    /// <summary>After <c>CREATE [OR REPLACE] VIEW</c>: <c>[IF NOT EXISTS] name [(columns)] [COMMENT …] [TBLPROPERTIES …] AS query</c>.</summary>
    private CreateViewStatement CreateView(bool replace)
    {
        var ifNotExists = AcceptWords("IF", "NOT");
        if (ifNotExists)
            ExpectWord("EXISTS");
        if (replace && ifNotExists)
            throw new LocalEngineException("INVALID_SQL_SYNTAX.CREATE_ROUTINE_WITH_IF_NOT_EXISTS_AND_REPLACE", "42000",
                "Invalid SQL syntax: CREATE VIEW with both IF NOT EXISTS and REPLACE is not allowed.");
        var name = MultipartName();
        var columns = new List<string>();
        if (Current.IsSymbol("(") && !(PeekAt(1).Kind == SparkTokenKind.Word && QueryKeywords.Contains(PeekAt(1).Text)))
        {
            Advance();
            do
            {
                columns.Add(Identifier());
                if (AcceptWord("COMMENT"))
                    StringLiteral();
            }
            while (AcceptSymbol(","));
            ExpectSymbol(")");
        }
        while (true)
        {
            if (AcceptWord("COMMENT"))
                StringLiteral();
            else if (AcceptWord("TBLPROPERTIES"))
                SkipPropertyList();
            else if (IsWord("PARTITIONED") || IsWord("WITH"))
                throw Unsupported($"CREATE VIEW … {Current.Text.ToUpperInvariant()}", "Create the view with AS query alone.");
            else
                break;
        }
        ExpectWord("AS");
        return new CreateViewStatement(name, replace, ifNotExists, columns, QueryText(), Alter: false);
    }
}

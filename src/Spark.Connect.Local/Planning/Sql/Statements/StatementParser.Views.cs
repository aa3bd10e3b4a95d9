namespace Spark.Connect.Local.Planning.Sql.Statements;

/// <summary>CREATE TEMPORARY VIEW … USING (views over files), ALTER TABLE/VIEW, CREATE TABLE … LIKE, and property lists.</summary>
internal sealed partial class StatementParser
{
    /// <summary>The view's name (one part, as every temporary view's), USING format and OPTIONS; a column list is refused.</summary>
    private TempViewUsingStatement TempViewUsing(bool replace)
    {
        var global = AcceptWord("GLOBAL");
        Advance();
        ExpectWord("VIEW");
        var name = Identifier();
        if (Current.IsSymbol("("))
            throw Unsupported("a column list on CREATE TEMPORARY VIEW … USING", "Leave the columns out (they come from the files), or select them in a view AS query.");
        ExpectWord("USING");
        var format = MultipartName();
        var options = AcceptWord("OPTIONS") ? PropertyList() : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return new TempViewUsingStatement(name, replace, global, string.Join(".", format).ToLowerInvariant(), options);
    }

    /// <summary><c>(key [=] value, …)</c>: keys are strings or dotted names, values strings, numbers or booleans (as text).</summary>
    private Dictionary<string, string> PropertyList()
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        ExpectSymbol("(");
        do
        {
            var key = Current.Kind == SparkTokenKind.String ? StringLiteral() : string.Join(".", MultipartName());
            AcceptSymbol("=");
            if (Current.Kind == SparkTokenKind.String)
                options[key] = StringLiteral();
            else if (Current.Kind == SparkTokenKind.Number || IsWord("TRUE") || IsWord("FALSE"))
                options[key] = Advance().Text.ToLowerInvariant();
            else
                throw Error("an option value must be a string, a number or a boolean");
        }
        while (AcceptSymbol(","));
        ExpectSymbol(")");
        return options;
    }

    /// <summary><c>ALTER TABLE|VIEW name RENAME TO name</c>, <c>ADD COLUMN[S] (…)</c>, <c>[UN]SET TBLPROPERTIES (…)</c>.</summary>
    private SparkStatement Alter()
    {
        var isView = AcceptWord("VIEW");
        if (!isView)
            ExpectWord("TABLE");
        var name = MultipartName();
        if (AcceptWords("RENAME", "TO"))
            return new RenameTableStatement(name, MultipartName(), isView);
        if (isView && AcceptWord("AS"))
            return new CreateViewStatement(name, Replace: true, IfNotExists: false, [], QueryText(), Alter: true);
        if (!isView && AcceptWord("ADD"))
        {
            if (!AcceptWord("COLUMNS"))
                ExpectWord("COLUMN");
            var parenthesised = Current.IsSymbol("(");
            var columns = parenthesised ? ColumnDefinitions() : [SingleColumnDefinition()];
            return new AddColumnsStatement(name, columns);
        }
        if ((AcceptWord("SET") || AcceptWord("UNSET")) && AcceptWord("TBLPROPERTIES"))
        {
            AcceptWords("IF", "EXISTS");
            SkipPropertyList();
            return new AlterPropertiesStatement(name, isView);
        }
        throw Unsupported($"ALTER {(isView ? "VIEW" : "TABLE")} … {Current.Text.ToUpperInvariant()}",
            "The local engine renames tables and views, adds columns and accepts table properties; recreate the table for other changes.");
    }

    /// <summary><c>CREATE TABLE [IF NOT EXISTS] t LIKE source [USING …]</c>: the rest of the clauses are accepted as for CREATE TABLE.</summary>
    private CreateTableLikeStatement CreateTableLike(IReadOnlyList<string> name, CreateMode mode)
    {
        var source = MultipartName();
        while (true)
        {
            if (AcceptWord("USING"))
                Format();
            else if (AcceptWord("TBLPROPERTIES"))
                SkipPropertyList();
            else if (IsWord("LOCATION") || IsWord("STORED") || IsWord("ROW"))
                throw Unsupported("CREATE TABLE … LIKE with " + Current.Text.ToUpperInvariant(), "Leave the clause out.");
            else
                break;
        }
        return new CreateTableLikeStatement(name, source, mode == CreateMode.IfNotExists);
    }
}

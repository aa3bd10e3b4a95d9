using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;
using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Sql;
using Spark.Connect.Local.Planning.Sql.Statements;
using Spark.Connect.Local.Service.Views;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// <c>CREATE [OR REPLACE] VIEW [IF NOT EXISTS] v [(columns)] AS query</c> and <c>ALTER VIEW v AS query</c>: a persistent view of
/// the catalog (<see cref="PersistentView"/>), shared by every session as tables are. The query is checked and planned now
/// (a missing table fails here, as in Spark) and kept as text with its arguments, planned again at every read. As Spark,
/// a persistent view may not read a temporary view (<c>INVALID_TEMP_OBJ_REFERENCE</c>), which other sessions can't see.
/// </summary>
internal static class PersistentViewExecutor
{
    internal static byte[] Run(LocalSession session, SQL sql, CreateViewStatement create)
    {
        var connection = session.Connection;
        if (create.Alter && create.Name.Count == 1 && session.TempViews.Find(create.Name[0]) is not null)
            return AlterTemporaryView(session, sql, create);
        var table = StatementTable.Resolve(session, create.Name, lowerCase: true);
        var kind = table.Kind(connection);
        var existing = table.Entry(connection);
        if (create.Alter)
        {
            if (kind is null)
                throw StatementCatalogErrors.TableNotFound(create.Name);
            if (existing is not PersistentView)
                throw ViewExpected(table, "ALTER VIEW … AS");
        }
        else if (kind is not null)
        {
            if (create.IfNotExists)
                return CommandRows.Empty();
            if (!create.Replace)
                throw StatementCatalogErrors.AlreadyExists(table);
            if (kind != "VIEW")
                throw ViewExpected(table, "CREATE OR REPLACE VIEW");
            if (existing is null)
                throw LocalEngineException.Unsupported("replacing a view the server registered over files", "Create the view under another name.");
        }
        var text = sql.Clone();
        text.Query = create.Query;
        var parsed = SqlParser.ParseQuery(create.Query, SqlParameters.Of(sql));
        CheckNoTemporaryReads(session, table, parsed);
        if (existing is not null && WriteStatements.ReadsTable(session, parsed, table))
            throw new LocalEngineException("RECURSIVE_VIEW", "42K0H", $"Recursive view {table.Display} detected (cycle: {table.Display} -> {table.Display}).",
                new Dictionary<string, string> { ["viewIdent"] = table.Display, ["newPath"] = $"{table.Display} -> {table.Display}" });
        var fields = StatementExecutor.Fields(StatementExecutor.PlanQuery(session, sql, create.Query));
        if (create.Columns.Count > 0 && create.Columns.Count != fields.Count)
            throw Arity(table, create.Columns, fields.Select(f => f.Name).ToList());
        CatalogObjects.Of(connection).Put(new PersistentView(table.Schema, table.Name, text, create.Columns) { Database = session.CurrentDatabase });
        return CommandRows.Empty();
    }

    /// <summary>ALTER VIEW of a session temporary view replaces its query, as Spark does.</summary>
    private static byte[] AlterTemporaryView(LocalSession session, SQL sql, CreateViewStatement create)
    {
        CreateViewCommandHandler.Run(session, new CreateDataFrameViewCommand { Name = create.Name[0], Input = StatementExecutor.QueryRelation(sql, create.Query), Replace = true });
        return CommandRows.Empty();
    }

    /// <summary>A read of a session or global temporary view inside the view's query: other sessions could not read it.</summary>
    private static void CheckNoTemporaryReads(LocalSession session, StatementTable view, Relation query)
    {
        foreach (var read in WriteStatements.Reads(query))
        {
            if (read.ReadTypeCase != Read.ReadTypeOneofCase.NamedTable)
                continue;
            var parts = MultipartIdentifier.Parse(read.NamedTable.UnparsedIdentifier);
            if (TempViewRegistry.Find(session.TempViews, session.GlobalViews, parts) is null)
                continue;
            var shown = string.Join(".", parts.Select(p => $"`{p.Replace("`", "``", StringComparison.Ordinal)}`"));
            throw new LocalEngineException("INVALID_TEMP_OBJ_REFERENCE", "42K0F",
                $"Cannot create the persistent object {view.Display} of the type VIEW because it references to the temporary object {shown} of the type VIEW. Please make the temporary object {shown} persistent, or make the persistent object {view.Display} temporary.",
                new Dictionary<string, string> { ["obj"] = "VIEW", ["objName"] = view.Display, ["tempObj"] = "VIEW", ["tempObjName"] = shown });
        }
    }

    private static LocalEngineException ViewExpected(StatementTable table, string operation) => new("EXPECT_VIEW_NOT_TABLE.NO_ALTERNATIVE", "42809",
        $"The table {table.Display} does not support {operation}: it is a table, not a view.",
        new Dictionary<string, string> { ["tableName"] = table.Display, ["operation"] = operation });

    private static LocalEngineException Arity(StatementTable view, IReadOnlyList<string> columns, IReadOnlyList<string> data)
    {
        var reason = data.Count > columns.Count ? "TOO_MANY_DATA_COLUMNS" : "NOT_ENOUGH_DATA_COLUMNS";
        var viewColumns = string.Join(", ", columns.Select(c => $"`{c}`"));
        var dataColumns = string.Join(", ", data.Select(c => $"`{c}`"));
        return new LocalEngineException("CREATE_VIEW_COLUMN_ARITY_MISMATCH." + reason, "21S01",
            $"Cannot create view {view.Display}: the view has {columns.Count} columns ({viewColumns}) but its query has {data.Count} ({dataColumns}).",
            new Dictionary<string, string> { ["viewName"] = view.Display, ["viewColumns"] = viewColumns, ["dataColumns"] = dataColumns });
    }
}

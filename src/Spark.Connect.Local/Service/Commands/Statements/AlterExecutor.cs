using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Sql.Statements;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// ALTER TABLE / ALTER VIEW: RENAME TO (a temporary view in the session, else a shared table or view, within its
/// database), ADD COLUMNS (new nullable columns, last), and SET/UNSET TBLPROPERTIES (checked, nothing kept).
/// </summary>
internal static class AlterExecutor
{
    internal static byte[] Rename(LocalSession session, RenameTableStatement rename)
    {
        if (rename.Name.Count == 1 && session.TempViews.Find(rename.Name[0]) is { } view)
        {
            if (rename.NewName.Count != 1)
                throw new LocalEngineException("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS", "428EK",
                    $"A temporary view's new name must have one part, but got: {string.Join(".", rename.NewName)}.",
                    new Dictionary<string, string> { ["actualName"] = string.Join(".", rename.NewName) });
            session.TempViews.Create(rename.NewName[0], view, replace: false);
            session.TempViews.Drop(rename.Name[0]);
            return CommandRows.Empty();
        }
        var connection = session.Connection;
        var table = Existing(session, rename.Name, rename.IsView, "RENAME");
        var target = rename.NewName.Count == 1 ? table with { Name = rename.NewName[0].ToLowerInvariant() } : StatementTable.Resolve(session, rename.NewName, lowerCase: true);
        if (!string.Equals(target.Schema, table.Schema, StringComparison.OrdinalIgnoreCase))
            throw new LocalEngineException("CANNOT_RENAME_ACROSS_SCHEMA", "0AKD0", "Renaming a table across schemas is not allowed. Copy it with CREATE TABLE … AS SELECT instead.",
                new Dictionary<string, string> { ["type"] = "table" });
        if (target.Kind(connection) is not null)
            throw StatementCatalogErrors.AlreadyExists(target);
        var objects = Planning.Catalog.CatalogObjects.Of(connection);
        if (table.Entry(connection) is { } entry)
        {
            // A persistent view or external table is renamed in the catalog (an external table's files stay where they are).
            objects.Remove(entry.Schema, entry.Name);
            objects.Put(entry.Renamed(target.Name));
            session.CachedTables().TryRemove(table.Name, out _);
            return CommandRows.Empty();
        }
        WriteStatements.Run(connection, $"ALTER {(rename.IsView ? "VIEW" : "TABLE")} {table.Quoted(connection)} RENAME TO {SqlIdentifiers.Quote(target.Name)}");
        session.CachedTables().TryRemove(table.Name, out _);
        return CommandRows.Empty();
    }

    internal static byte[] AddColumns(LocalSession session, AddColumnsStatement add)
    {
        var connection = session.Connection;
        var table = Existing(session, add.Name, isView: false, "ADD COLUMNS");
        if (table.Entry(connection) is not null)
            throw LocalEngineException.Unsupported("ALTER TABLE … ADD COLUMNS of an external table", "Create the table again with the new columns; its files stay.");
        var existing = CatalogColumns(connection, table);
        var seen = new HashSet<string>(existing, StringComparer.OrdinalIgnoreCase);
        foreach (var column in add.Columns)
        {
            if (!seen.Add(column.Name))
                throw StatementCatalogErrors.DuplicateColumn(column.Name);
            if (!column.Nullable)
                throw LocalEngineException.Unsupported("ADD COLUMNS with NOT NULL", "The rows already in the table would hold NULL in it; add the column as nullable.");
        }
        WriteStatements.InTransaction(connection, () =>
        {
            foreach (var column in add.Columns)
                WriteStatements.Run(connection, $"ALTER TABLE {table.Quoted(connection)} ADD COLUMN {SqlIdentifiers.Quote(column.Name)} {DuckDbTypeNames.FromSpark(column.Type)}");
        });
        return CommandRows.Empty();
    }

    internal static byte[] Properties(LocalSession session, AlterPropertiesStatement alter)
    {
        Existing(session, alter.Name, alter.IsView, "SET TBLPROPERTIES");
        return CommandRows.Empty();
    }

    /// <summary>The shared table or view the statement names, of the kind its command expects.</summary>
    private static StatementTable Existing(LocalSession session, IReadOnlyList<string> name, bool isView, string operation)
    {
        var connection = session.Connection;
        if (session.FindView(name) is not null)
            throw LocalEngineException.Unsupported($"ALTER … {operation} of a temporary view", "Create the view again instead.");
        var table = StatementTable.Resolve(session, name);
        var kind = table.Kind(connection) ?? throw StatementCatalogErrors.TableNotFound(name);
        if (kind == "VIEW" && !isView)
            throw new LocalEngineException("EXPECT_TABLE_NOT_VIEW.USE_ALTER_VIEW", "42809",
                $"'ALTER TABLE … {operation}' expects a table but {table.Display} is a view. Please use ALTER VIEW instead.",
                new Dictionary<string, string> { ["viewName"] = table.Display, ["operation"] = $"ALTER TABLE … {operation}" });
        if (kind != "VIEW" && isView)
            throw new LocalEngineException("EXPECT_VIEW_NOT_TABLE.USE_ALTER_TABLE", "42809",
                $"The table {table.Display} does not support ALTER VIEW … {operation}. Please use ALTER TABLE instead.",
                new Dictionary<string, string> { ["tableName"] = table.Display, ["operation"] = $"ALTER VIEW … {operation}" });
        return table;
    }

    private static List<string> CatalogColumns(DuckDb.DuckDbConnection connection, StatementTable table) =>
        Planning.Catalog.CatalogLookup.Describe(connection, "SELECT * FROM " + table.Quoted(connection)).Select(c => c.Name).ToList();
}

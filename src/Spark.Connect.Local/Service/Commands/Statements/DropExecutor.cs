using Spark.Connect.Local.Planning.Sql.Statements;
using Spark.Connect.Local.Service.Views;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// <c>DROP TABLE|VIEW [IF EXISTS]</c> and <c>TRUNCATE TABLE</c>. As in Spark, a one-part name (or <c>global_temp.v</c>)
/// means a temporary view first, which either DROP removes; otherwise the shared table or view of the catalog, whose
/// kind must match the command (<c>WRONG_COMMAND_FOR_OBJECT_TYPE</c>).
/// </summary>
internal static class DropExecutor
{
    internal static byte[] Drop(LocalSession session, DropTableStatement drop)
    {
        if (DropTemporaryView(session, drop.Name))
            return CommandRows.Empty();
        var connection = session.Connection;
        var table = StatementTable.Resolve(session, drop.Name);
        var kind = table.Kind(connection);
        if (kind is null)
            return drop.IfExists ? CommandRows.Empty() : throw StatementCatalogErrors.TableNotFound(drop.Name);
        var isView = kind == "VIEW";
        if (isView != drop.IsView)
            throw StatementCatalogErrors.WrongCommand(drop.IsView ? "DROP VIEW" : "DROP TABLE", table, kind);
        // A persistent view or external table is a catalog entry: dropping it leaves an external table's files, as Spark does.
        if (!Planning.Catalog.CatalogObjects.Of(connection).Remove(table.Schema, table.Name))
            WriteStatements.Run(connection, (isView ? "DROP VIEW " : "DROP TABLE ") + table.Quoted(connection));
        session.CachedTables().TryRemove(table.Name, out _);
        return CommandRows.Empty();
    }

    internal static byte[] Truncate(LocalSession session, TruncateTableStatement truncate)
    {
        var connection = session.Connection;
        if (session.FindView(truncate.Name) is not null)
            throw StatementCatalogErrors.ViewNotTable(string.Join(".", truncate.Name.Select(p => $"`{p}`")), "TRUNCATE TABLE");
        var table = StatementTable.Resolve(session, truncate.Name);
        switch (table.Kind(connection))
        {
            case null:
                throw StatementCatalogErrors.TableNotFound(truncate.Name);
            case "VIEW":
                throw StatementCatalogErrors.ViewNotTable(table.Display, "TRUNCATE TABLE");
            case "EXTERNAL":
                throw new Planning.LocalEngineException("_LEGACY_ERROR_TEMP_1266", "42000",
                    $"Operation not allowed: TRUNCATE TABLE on external tables: {table.Display}. Overwrite it with INSERT OVERWRITE instead.",
                    new Dictionary<string, string> { ["tableIdentWithDB"] = table.Display });
        }
        WriteStatements.Run(connection, "DELETE FROM " + table.Quoted(connection));
        return CommandRows.Empty();
    }

    /// <summary>Drops the session's (or, for <c>global_temp.v</c>, the server's) temporary view of that name; false when there is none.</summary>
    private static bool DropTemporaryView(LocalSession session, IReadOnlyList<string> name) => name.Count switch
    {
        1 => session.TempViews.Drop(name[0]),
        2 when string.Equals(name[0], TempViewRegistry.GlobalDatabase, StringComparison.OrdinalIgnoreCase) => session.GlobalViews.Drop(name[1]),
        _ => false,
    };
}

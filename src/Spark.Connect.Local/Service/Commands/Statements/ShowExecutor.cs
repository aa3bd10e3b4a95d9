using Spark.Connect.Local.Planning.Catalog;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Planning.Sql.Statements;
using Spark.Connect.Local.Service.Views;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// SHOW TABLES / VIEWS / DATABASES / CATALOGS / FUNCTIONS with Spark's columns. Patterns are Spark's (<c>*</c> any text,
/// <c>|</c> between alternatives, case-insensitive). As Spark's SHOW TABLES, the listing of a database is followed by the
/// session's temporary views (namespace empty, isTemporary true), and <c>IN global_temp</c> lists the global ones.
/// </summary>
internal static class ShowExecutor
{
    internal static byte[] Tables(LocalSession session, ShowTablesStatement show)
    {
        CatalogPattern.Matches(show.Pattern, ""); // a malformed pattern fails with Spark's class before anything is listed
        var result = StatementResult.Of(("namespace", false, false), (show.ViewsOnly ? "viewName" : "tableName", false, false), ("isTemporary", true, false));
        var database = show.Database is { } parts ? DatabaseOf(parts) : session.CurrentDatabase ?? LocalCatalog.DatabaseName;
        if (string.Equals(database, TempViewRegistry.GlobalDatabase, StringComparison.OrdinalIgnoreCase))
        {
            foreach (var name in session.GlobalViews.Names().Where(n => CatalogPattern.Matches(show.Pattern, n)))
                result.Add(TempViewRegistry.GlobalDatabase, name, true);
        }
        else
        {
            var schema = LocalCatalog.IsDatabase(database) ? "main" : CreatedDatabases.Find(session.Connection, database) ?? throw LocalCatalog.SchemaNotFound(database);
            var shown = LocalCatalog.IsDatabase(database) ? LocalCatalog.DatabaseName : schema;
            foreach (var (name, kind) in StatementTable.List(session.Connection, schema))
            {
                if ((!show.ViewsOnly || kind == "VIEW") && CatalogPattern.Matches(show.Pattern, name))
                    result.Add(shown, name, false);
            }
        }
        foreach (var name in session.TempViews.Names().Where(n => CatalogPattern.Matches(show.Pattern, n)))
            result.Add("", name, true);
        return result.ToIpc();
    }

    internal static byte[] Databases(LocalSession session, ShowDatabasesStatement show)
    {
        CatalogPattern.Matches(show.Pattern, "");
        var result = StatementResult.Of(("namespace", false, false));
        foreach (var name in new[] { LocalCatalog.DatabaseName }.Concat(CreatedDatabases.Created(session.Connection)).Order(StringComparer.Ordinal))
        {
            if (CatalogPattern.Matches(show.Pattern, name))
                result.Add(name);
        }
        return result.ToIpc();
    }

    internal static byte[] Catalogs(ShowCatalogsStatement show)
    {
        CatalogPattern.Matches(show.Pattern, "");
        var result = StatementResult.Of(("catalog", false, false));
        if (CatalogPattern.Matches(show.Pattern, LocalCatalog.CatalogName))
            result.Add(LocalCatalog.CatalogName);
        return result.ToIpc();
    }

    /// <summary>SHOW CURRENT NAMESPACE: <c>catalog</c>, <c>namespace</c>; the current database is always <c>default</c>.</summary>
    internal static byte[] CurrentNamespace(LocalSession session) =>
        StatementResult.Of(("catalog", false, false), ("namespace", false, false)).Add(LocalCatalog.CatalogName, session.CurrentDatabase ?? LocalCatalog.DatabaseName).ToIpc();

    /// <summary>The built-in functions the engine runs (the catalog's function table); there are no user functions.</summary>
    internal static byte[] Functions(ShowFunctionsStatement show)
    {
        CatalogPattern.Matches(show.Pattern, "");
        var result = StatementResult.Of(("function", false, false));
        if (show.Scope == "USER")
            return result.ToIpc();
        foreach (var name in FunctionRegistry.Names.Where(n => CatalogPattern.Matches(show.Pattern, n)).Order(StringComparer.Ordinal))
            result.Add(name);
        return result.ToIpc();
    }

    /// <summary>The database a SHOW names: <c>db</c> or <c>spark_catalog.db</c>.</summary>
    private static string DatabaseOf(IReadOnlyList<string> parts) => parts.Count switch
    {
        1 => parts[0],
        2 when LocalCatalog.IsCatalog(parts[0]) => parts[1],
        2 => throw StatementCatalogErrors.CatalogNotFound(parts[0]),
        _ => throw LocalCatalog.SchemaNotFound(string.Join(".", parts)),
    };
}

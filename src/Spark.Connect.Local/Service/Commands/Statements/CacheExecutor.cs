using Spark.Connect.Local.Planning.Sql.Statements;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// CACHE [LAZY] TABLE, UNCACHE TABLE, REFRESH TABLE and CLEAR CACHE. DuckDB keeps no cache to manage, so, as the catalog's
/// cacheTable does, these check the table and remember the mark for this session (what <c>spark.catalog.isCached</c>
/// reports). <c>CACHE TABLE v AS query</c> first creates the temporary view <c>v</c>, as Spark does.
/// </summary>
internal static class CacheExecutor
{
    internal static byte[] Run(LocalSession session, SQL sql, CacheStatement cache)
    {
        var cached = session.CachedTables();
        if (cache.Action == CacheAction.ClearAll)
        {
            cached.Clear();
            return CommandRows.Empty();
        }
        var name = cache.Table!;
        if (cache.Query is { } query)
        {
            if (name.Count != 1)
                throw new Planning.LocalEngineException("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS", "428EK",
                    $"CACHE TABLE … AS only accepts single-part view names, but got: {string.Join(".", name)}.",
                    new Dictionary<string, string> { ["actualName"] = string.Join(".", name) });
            CreateViewCommandHandler.Run(session, new CreateDataFrameViewCommand { Name = $"`{name[0].Replace("`", "``", StringComparison.Ordinal)}`", Input = StatementExecutor.QueryRelation(sql, query) });
        }
        var key = Key(session, name, required: !(cache.Action == CacheAction.Uncache && cache.IfExists));
        if (key is null)
            return CommandRows.Empty();
        if (cache.Action == CacheAction.Cache)
            cached[key] = true;
        else if (cache.Action == CacheAction.Uncache)
            cached.TryRemove(key, out _);
        return CommandRows.Empty();
    }

    /// <summary>The name the catalog marks a cached table or view by; null (or TABLE_OR_VIEW_NOT_FOUND) when there is none.</summary>
    private static string? Key(LocalSession session, IReadOnlyList<string> name, bool required)
    {
        if (session.FindView(name) is not null)
            return name[^1];
        var table = StatementTable.Resolve(session, name);
        if (table.Kind(session.Connection) is not null)
            return table.Name;
        return required ? throw StatementCatalogErrors.TableNotFound(name) : null;
    }
}

namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// Where a table name a plan reads lies in the catalog: its DuckDB schema (<c>main</c> for <c>default</c>) and bare name.
/// An unqualified name is in the session's current database (<see cref="IPlanningSession.CurrentDatabase"/>).
/// </summary>
internal static class CatalogNames
{
    /// <summary>(schema, name) of parts already mapped by <see cref="LocalCatalog.ToDuckDbParts"/>, or null for a name of no catalog database.</summary>
    internal static (string Schema, string Name)? Place(IPlanningSession session, IReadOnlyList<string> parts) => parts.Count switch
    {
        1 => (session.CurrentDatabase ?? "main", parts[0]),
        2 => (parts[0], parts[1]),
        3 when LocalCatalog.IsCatalog(parts[0]) => (LocalCatalog.IsDatabase(parts[1]) ? "main" : parts[1], parts[2]),
        _ => null,
    };

    /// <summary>The parts a table scan names: an unqualified name qualified by the current database when one was chosen with USE.</summary>
    internal static IReadOnlyList<string> ForScan(IPlanningSession session, IReadOnlyList<string> parts) =>
        parts.Count == 1 && session.CurrentDatabase is { } current ? [current, parts[0]] : parts;

    /// <summary>The persistent view or external table the parts name, or null.</summary>
    internal static CatalogObject? Find(IPlanningSession session, IReadOnlyList<string> parts) =>
        Place(session, parts) is { } place ? CatalogObjects.Of(session.Connection).Find(place.Schema, place.Name) : null;
}

using System.Runtime.CompilerServices;

namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// Where a table name a plan reads lies in the catalog: its DuckDB schema (<c>main</c> for <c>default</c>) and bare name.
/// An unqualified name is in the session's current database (<see cref="IPlanningSession.CurrentDatabase"/>), except
/// inside a persistent view, whose names resolve in the database that was current when it was created, as Spark's do.
/// </summary>
internal static class CatalogNames
{
    private static readonly ConditionalWeakTable<PlanningContext, Stack<string?>> ViewDatabases = new();

    /// <summary>The schema unqualified names resolve in now (null: <c>default</c>).</summary>
    internal static string? CurrentDatabase(PlanningContext context) =>
        ViewDatabases.TryGetValue(context, out var stack) && stack.Count > 0 ? stack.Peek() : context.Session.CurrentDatabase;

    /// <summary>Resolves unqualified names in <paramref name="database"/> until the result is disposed (a view's expansion).</summary>
    internal static Scope Within(PlanningContext context, string? database)
    {
        var stack = ViewDatabases.GetValue(context, _ => new Stack<string?>());
        stack.Push(database);
        return new Scope(stack);
    }

    /// <summary>(schema, name) of parts already mapped by <see cref="LocalCatalog.ToDuckDbParts"/>, or null for a name of no catalog database.</summary>
    internal static (string Schema, string Name)? Place(PlanningContext context, IReadOnlyList<string> parts) => parts.Count switch
    {
        1 => (CurrentDatabase(context) ?? "main", parts[0]),
        2 => (parts[0], parts[1]),
        3 when LocalCatalog.IsCatalog(parts[0]) => (LocalCatalog.IsDatabase(parts[1]) ? "main" : parts[1], parts[2]),
        _ => null,
    };

    /// <summary>The parts a table scan names: an unqualified name qualified by the current database when one was chosen with USE.</summary>
    internal static IReadOnlyList<string> ForScan(PlanningContext context, IReadOnlyList<string> parts) =>
        parts.Count == 1 && CurrentDatabase(context) is { } current ? [current, parts[0]] : parts;

    /// <summary>The persistent view or external table the parts name, or null.</summary>
    internal static CatalogObject? Find(PlanningContext context, IReadOnlyList<string> parts) =>
        Place(context, parts) is { } place ? CatalogObjects.Of(context.Session.Connection).Find(place.Schema, place.Name) : null;

    /// <summary>Leaves a view's database.</summary>
    internal readonly struct Scope(Stack<string?> stack) : IDisposable
    {
        public void Dispose() => stack.Pop();
    }
}

using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Service.Views;

/// <summary>
/// Temporary views by name (case-insensitive, as Spark's catalog compares them): one registry per session
/// for its temp views, one per server for global temp views (read as <c>global_temp.name</c>). A view is
/// kept as the relation it was created from, so reading it plans that relation in place, lazily, as Spark does.
/// </summary>
internal sealed class TempViewRegistry(bool global)
{
    /// <summary>The schema Spark reads global temp views from (<c>spark.sql.globalTempDatabase</c>'s default).</summary>
    internal const string GlobalDatabase = "global_temp";

    private readonly Dictionary<string, Relation> _views = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>Creates (or, with <paramref name="replace"/>, replaces) a view; an existing one without replace is Spark's TEMP_TABLE_OR_VIEW_ALREADY_EXISTS.</summary>
    internal void Create(string name, Relation relation, bool replace)
    {
        lock (_lock)
        {
            if (!replace && _views.ContainsKey(name))
            {
                var shown = global ? $"`{GlobalDatabase}`.`{name}`" : $"`{name}`";
                throw new LocalEngineException("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", "42P07",
                    $"Cannot create the temporary view {shown} because it already exists. Choose a different name, drop or replace the existing view, or add the IF NOT EXISTS clause to tolerate pre-existing views.",
                    new Dictionary<string, string> { ["relationName"] = shown });
            }
            _views[name] = relation;
        }
    }

    /// <summary>The view's relation, or null when there is no such view.</summary>
    internal Relation? Find(string name)
    {
        lock (_lock)
            return _views.GetValueOrDefault(name);
    }

    /// <summary>The views' names, sorted.</summary>
    internal IReadOnlyList<string> Names()
    {
        lock (_lock)
            return _views.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Drops the view; false when there was none.</summary>
    internal bool Drop(string name)
    {
        lock (_lock)
            return _views.Remove(name);
    }

    /// <summary>
    /// The view a (parsed) multi-part name means: one part → a session view; <c>global_temp.name</c> → a
    /// global one. Anything else is not a temporary view.
    /// </summary>
    internal static Relation? Find(TempViewRegistry session, TempViewRegistry globals, IReadOnlyList<string> nameParts) => nameParts.Count switch
    {
        1 => session.Find(nameParts[0]),
        2 when string.Equals(nameParts[0], GlobalDatabase, StringComparison.OrdinalIgnoreCase) => globals.Find(nameParts[1]),
        _ => null,
    };
}

using System.Runtime.CompilerServices;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// The persistent views and external tables of one DuckDB database, shared by every session of it exactly as its
/// DuckDB tables are (Spark's catalog is shared too). Names compare case-insensitively within a schema (<c>main</c> for
/// <c>default</c>, or a created database's schema). They are kept by the server while it runs, not in the DuckDB file.
/// </summary>
internal sealed class CatalogObjects
{
    private static readonly ConditionalWeakTable<DuckDbDatabase, CatalogObjects> PerDatabase = new();
    private readonly Dictionary<(string Schema, string Name), CatalogObject> _objects = new(new KeyComparer());
    private readonly Lock _lock = new();

    /// <summary>The registry of the database <paramref name="connection"/> belongs to.</summary>
    internal static CatalogObjects Of(DuckDbConnection connection) => PerDatabase.GetValue(connection.Database, _ => new CatalogObjects());

    internal CatalogObject? Find(string schema, string name)
    {
        lock (_lock)
            return _objects.GetValueOrDefault((schema, name));
    }

    /// <summary>Adds or replaces the object of that name.</summary>
    internal void Put(CatalogObject entry)
    {
        lock (_lock)
            _objects[(entry.Schema, entry.Name)] = entry;
    }

    /// <summary>Removes the object; false when there was none.</summary>
    internal bool Remove(string schema, string name)
    {
        lock (_lock)
            return _objects.Remove((schema, name));
    }

    /// <summary>The objects of a schema.</summary>
    internal IReadOnlyList<CatalogObject> In(string schema)
    {
        lock (_lock)
            return _objects.Values.Where(o => string.Equals(o.Schema, schema, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>Forgets every object of a dropped schema.</summary>
    internal void RemoveSchema(string schema)
    {
        lock (_lock)
        {
            foreach (var key in _objects.Keys.Where(k => string.Equals(k.Schema, schema, StringComparison.OrdinalIgnoreCase)).ToList())
                _objects.Remove(key);
        }
    }

    private sealed class KeyComparer : IEqualityComparer<(string Schema, string Name)>
    {
        public bool Equals((string Schema, string Name) x, (string Schema, string Name) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Schema, y.Schema) && StringComparer.OrdinalIgnoreCase.Equals(x.Name, y.Name);

        public int GetHashCode((string Schema, string Name) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Schema), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }
}

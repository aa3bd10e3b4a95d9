namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// A catalog entry that is not a DuckDB table: a persistent view or an external table over files. Both are read by
/// planning a relation in place each time (Spark's views are lazy plans; an external table sees the files at its location
/// as they are now), so they live in <see cref="CatalogObjects"/> rather than in DuckDB's catalog.
/// </summary>
internal abstract record CatalogObject(string Schema, string Name)
{
    /// <summary>Spark's table type: <c>VIEW</c> or <c>EXTERNAL</c>.</summary>
    internal abstract string Kind { get; }

    /// <summary>The relation a read of this object plans in place, now.</summary>
    internal abstract Relation Read(IPlanningSession session);

    /// <summary>The same object under another name (ALTER … RENAME TO).</summary>
    internal abstract CatalogObject Renamed(string name);
}

/// <summary>
/// <c>CREATE VIEW v [(columns)] AS query</c>: the query's text with the statement's arguments (a <c>SQL</c> relation, so values
/// stay bound parameters), renamed to the column list when one was given. Its unqualified names resolve in
/// <see cref="Database"/>, the creator's current database then (null: <c>default</c>), whoever reads it.
/// </summary>
internal sealed record PersistentView(string Schema, string Name, SQL Query, IReadOnlyList<string> Columns) : CatalogObject(Schema, Name)
{
    /// <summary>The schema that was current when the view was created (null: <c>default</c>).</summary>
    internal string? Database { get; init; }

    internal override string Kind => "VIEW";

    internal override Relation Read(IPlanningSession session)
    {
        var relation = new Relation { Sql = Query.Clone() };
        if (Columns.Count == 0)
            return relation;
        var renamed = new ToDF { Input = relation };
        renamed.ColumnNames.AddRange(Columns);
        return new Relation { ToDf = renamed };
    }

    internal override CatalogObject Renamed(string name) => this with { Name = name };
}

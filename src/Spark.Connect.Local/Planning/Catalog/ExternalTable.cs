namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// <c>CREATE TABLE t (…) USING parquet|csv|json LOCATION '/path'</c>: a table whose data are the files at its location, in
/// its format. A read lists the location as it is now (files other writers added are seen), reading the files as
/// <c>spark.read.format(f).options(…).load(location)</c> does and casting each column to the table's type; csv without a
/// header maps the columns by position, as Spark does. A location without data files reads as no rows.
/// </summary>
internal sealed record ExternalTable(
    string Schema, string Name, string Format, string Location, IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<DataType.Types.StructField> Columns) : CatalogObject(Schema, Name)
{
    internal override string Kind => "EXTERNAL";

    internal override CatalogObject Renamed(string name) => this with { Name = name };

    /// <summary>Whether the location holds data files now (the read access check runs first, as for any file read).</summary>
    internal bool HasData(IPlanningSession session)
    {
        Security.FileAccessPolicy.Of(session.Connection).CheckRead(Location);
        if (File.Exists(Location))
            return true;
        if (!Directory.Exists(Location))
            return false;
        try
        {
            return Sources.DataFiles.Expand(Location).Any();
        }
        catch (LocalEngineException error) when (error.ErrorClass == "UNABLE_TO_INFER_SCHEMA")
        {
            return false;
        }
    }

    /// <summary>The files as the table's columns, or no rows of them when the location holds no data yet.</summary>
    internal override Relation Read(IPlanningSession session)
    {
        var project = new Project();
        if (HasData(session))
        {
            var source = new Read.Types.DataSource { Format = Format, Paths = { Location } };
            foreach (var (key, value) in Options)
                source.Options[key] = value;
            var files = new Relation { Read = new Read { DataSource = source } };
            project.Input = ByPosition ? Renamed(files) : files;
        }
        foreach (var column in Columns)
        {
            var value = project.Input is null
                ? new Expression { Literal = new Expression.Types.Literal { Null = column.DataType } }
                : new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = Quoted(column.Name) } };
            var cast = new Expression { Cast = new Expression.Types.Cast { Expr = value, Type = column.DataType } };
            project.Expressions.Add(new Expression { Alias = new Expression.Types.Alias { Expr = cast, Name = { column.Name } } });
        }
        var relation = new Relation { Project = project };
        return project.Input is null ? new Relation { Limit = new Limit { Input = relation, Limit_ = 0 } } : relation;
    }

    /// <summary>csv without a header: Spark maps the file's columns to the table's by position.</summary>
    private bool ByPosition => Format == "csv" && !(Options.TryGetValue("header", out var header) && string.Equals(header, "true", StringComparison.OrdinalIgnoreCase));

    private Relation Renamed(Relation files)
    {
        var renamed = new ToDF { Input = files };
        renamed.ColumnNames.AddRange(Columns.Select(c => c.Name));
        return new Relation { ToDf = renamed };
    }

    private static string Quoted(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}

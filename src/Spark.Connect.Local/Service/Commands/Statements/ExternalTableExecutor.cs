using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;
using Spark.Connect.Local.Planning.Sql.Statements;
using SaveMode = Spark.Connect.Protocol.WriteOperation.Types.SaveMode;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// <c>CREATE TABLE t [(columns)] USING parquet|csv|json [OPTIONS (…)] LOCATION '/path' [AS query]</c>: an external table over the
/// files at the location (<see cref="ExternalTable"/>), shared by every session as tables are. The columns are the ones given,
/// or inferred from the files there now; CTAS writes its rows there first. Inserts write new part files in the table's format
/// through the DataFrame writer's path writer (append, or overwrite), so the same file access checks apply; dropping the
/// table leaves the files. The location is checked against the server's data directories before anything looks at it.
/// </summary>
internal static class ExternalTableExecutor
{
    // Spark format → the options a table of it may carry, which both the file reader and the path writer take.
    private static readonly Dictionary<string, string[]> FormatOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["parquet"] = [],
        ["json"] = [],
        ["csv"] = ["header", "sep", "delimiter"],
    };

    internal static byte[] Create(LocalSession session, SQL sql, CreateTableStatement create, StatementTable table, string? existing)
    {
        var connection = session.Connection;
        var format = create.Format ?? "parquet";
        if (!FormatOptions.TryGetValue(format, out var allowed))
            throw LocalEngineException.Unsupported($"an external table (LOCATION) in the format '{format}'", "Use parquet, csv or json.");
        if (create.Options.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } option)
            throw LocalEngineException.Unsupported($"the {format} table option '{option}'", $"Options of {format} external tables: {(allowed.Length == 0 ? "none" : string.Join(", ", allowed))}.");
        if (create.PartitionColumns.Count > 0)
            throw LocalEngineException.Unsupported("PARTITIONED BY on an external table (LOCATION)", "Create the table without partition columns.");
        var location = PathWriter.LocalPath(create.Location!);
        // Before the server looks at the path at all: a table over files outside the data directories is refused.
        Security.FileAccessPolicy.Of(connection).CheckRead(location);
        var options = new Dictionary<string, string>(create.Options, StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<DataType.Types.StructField> columns;
        if (create.Query is { } query)
        {
            var probe = new ExternalTable(table.Schema, table.Name, format, location, options, []);
            if (probe.HasData(session))
                throw new LocalEngineException("_LEGACY_ERROR_TEMP_1241", "42000",
                    $"CREATE-TABLE-AS-SELECT cannot create table with location to a non-empty directory {location}. To allow overwriting the existing non-empty directory, set 'spark.sql.legacy.allowNonEmptyLocationInCTAS' to true.",
                    new Dictionary<string, string> { ["tablePath"] = location, ["config"] = "spark.sql.legacy.allowNonEmptyLocationInCTAS" });
            var input = StatementExecutor.QueryRelation(sql, query);
            columns = StatementExecutor.Fields(StatementExecutor.PlanQuery(session, sql, query));
            CheckUnique(columns.Select(c => c.Name));
            Write(session, input, format, location, options, overwrite: true);
        }
        else if (create.Columns is { } declared)
        {
            CheckUnique(declared.Select(c => c.Name));
            columns = declared.Select(c => new DataType.Types.StructField { Name = c.Name, DataType = c.Type, Nullable = c.Nullable }).ToList();
        }
        else
            columns = Infer(session, format, location, options);
        if (existing == "MANAGED")
            WriteStatements.Run(connection, "DROP TABLE " + table.Quoted(connection));
        CatalogObjects.Of(connection).Put(new ExternalTable(table.Schema, table.Name, format, location, options, columns));
        return CommandRows.Empty();
    }

    /// <summary>
    /// INSERT into an external table: the rows (already cast to the listed columns' types) with every other column NULL,
    /// in the table's column order, written as new part files (or replacing them for OVERWRITE).
    /// </summary>
    internal static void Insert(LocalSession session, ExternalTable table, Relation rows, IReadOnlyList<string> targets, bool overwrite)
    {
        var project = new Project { Input = rows };
        foreach (var column in table.Columns)
        {
            var listed = targets.FirstOrDefault(t => string.Equals(t, column.Name, StringComparison.OrdinalIgnoreCase));
            var value = listed is not null
                ? new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = "`" + listed.Replace("`", "``", StringComparison.Ordinal) + "`" } }
                : new Expression { Cast = new Expression.Types.Cast { Expr = new Expression { Literal = new Expression.Types.Literal { Null = column.DataType } }, Type = column.DataType } };
            project.Expressions.Add(new Expression { Alias = new Expression.Types.Alias { Expr = value, Name = { column.Name } } });
        }
        Write(session, new Relation { Project = project }, table.Format, table.Location, table.Options, overwrite);
    }

    private static void Write(LocalSession session, Relation input, string format, string location, IReadOnlyDictionary<string, string> options, bool overwrite)
    {
        var write = new WriteOperation { Input = input, Source = format, Path = location, Mode = overwrite ? SaveMode.Overwrite : SaveMode.Append };
        foreach (var (key, value) in options)
            write.Options[key] = value;
        PathWriter.Write(session, write);
    }

    /// <summary>The columns of the files at the location now; none there is Spark's <c>UNABLE_TO_INFER_SCHEMA</c>.</summary>
    private static List<DataType.Types.StructField> Infer(LocalSession session, string format, string location, IReadOnlyDictionary<string, string> options)
    {
        if (!new ExternalTable("", "", format, location, options, []).HasData(session))
            throw new LocalEngineException("UNABLE_TO_INFER_SCHEMA", "42KD9",
                $"Unable to infer schema for {format.ToUpperInvariant()}: the location {location} holds no data files. It must be specified manually.",
                new Dictionary<string, string> { ["format"] = format.ToUpperInvariant() });
        var source = new Read.Types.DataSource { Format = format, Paths = { location } };
        foreach (var (key, value) in options)
            source.Options[key] = value;
        var planned = new LocalPlanner(session).Plan(new Relation { Read = new Read { DataSource = source } });
        return StatementExecutor.Fields(planned).Select(f => new DataType.Types.StructField { Name = f.Name, DataType = f.DataType, Nullable = true }).ToList();
    }

    private static void CheckUnique(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (!seen.Add(name))
                throw StatementCatalogErrors.DuplicateColumn(name);
        }
    }
}

using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Sql.Statements;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// <c>CREATE [OR REPLACE] TABLE [IF NOT EXISTS]</c> and <c>REPLACE TABLE</c>, with a column list or <c>AS query</c>: a
/// shared DuckDB table whatever the USING format (as the writers store tables), its name lower-cased as Spark's catalog
/// stores it. Partition columns go last, as Spark lays out a data source table; local tables keep no partitioning.
/// </summary>
internal static class CreateTableExecutor
{
    internal static byte[] Run(LocalSession session, SQL sql, CreateTableStatement create)
    {
        var connection = session.Connection;
        var table = StatementTable.Resolve(session, create.Name, lowerCase: true);
        var existing = table.Kind(connection);
        switch (create.Mode)
        {
            case CreateMode.Create when existing is not null:
                throw StatementCatalogErrors.AlreadyExists(table);
            case CreateMode.IfNotExists when existing is not null:
                return CommandRows.Empty();
            case CreateMode.Replace when existing is null:
                throw StatementCatalogErrors.CannotReplaceMissing(table);
            case CreateMode.Replace or CreateMode.CreateOrReplace when existing == "VIEW":
                throw StatementCatalogErrors.ViewNotTable(table.Display, "CREATE OR REPLACE TABLE");
        }
        if (create.Location is not null)
            return ExternalTableExecutor.Create(session, sql, create, table, existing);
        if (existing == "EXTERNAL")
        {
            // Replacing an external table by a managed one: the entry goes, its files stay (as DROP TABLE leaves them).
            Planning.Catalog.CatalogObjects.Of(connection).Remove(table.Schema, table.Name);
            existing = null;
        }
        var verb = existing is null ? "CREATE TABLE" : "CREATE OR REPLACE TABLE";
        if (create.Columns is { } columns)
        {
            var ordered = Partitioned(columns.Select(c => c.Name).ToList(), create.PartitionColumns, table)
                .Select(name => columns.First(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)));
            var definitions = ordered.Select(c => SqlIdentifiers.Quote(c.Name) + " " + DuckDbTypeNames.FromSpark(c.Type) + (c.Nullable ? "" : " NOT NULL"));
            WriteStatements.Run(connection, $"{verb} {table.Quoted(connection)} ({string.Join(", ", definitions)})");
            return CommandRows.Empty();
        }
        var query = StatementExecutor.PlanQuery(session, sql, create.Query!);
        var names = StatementExecutor.Fields(query).Select(f => f.Name).ToList();
        var order = Partitioned(names, create.PartitionColumns, table);
        // The query's columns by position (its names may repeat case-insensitively only if refused above), partitions last.
        var select = string.Join(", ", order.Select(name => SqlIdentifiers.Quote(name)));
        WriteStatements.Run(connection, $"{verb} {table.Quoted(connection)} AS SELECT {select} FROM ({query.Sql}) AS data", query);
        return CommandRows.Empty();
    }

    /// <summary>CREATE TABLE t LIKE s: an empty table with the columns (and DuckDB types) of the table or view s.</summary>
    internal static byte[] Like(LocalSession session, CreateTableLikeStatement like)
    {
        var connection = session.Connection;
        var table = StatementTable.Resolve(session, like.Name, lowerCase: true);
        if (table.Kind(connection) is not null)
            return like.IfNotExists ? CommandRows.Empty() : throw StatementCatalogErrors.AlreadyExists(table);
        string identifier;
        if (session.FindView(like.Source) is not null)
            identifier = string.Join(".", like.Source.Select(p => $"`{p.Replace("`", "``", StringComparison.Ordinal)}`"));
        else
        {
            var source = StatementTable.Resolve(session, like.Source);
            if (source.Kind(connection) is null)
                throw StatementCatalogErrors.TableNotFound(like.Source);
            identifier = source.Unparsed;
        }
        var read = new LocalPlanner(session).Plan(new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = identifier } } });
        WriteStatements.Run(connection, $"CREATE TABLE {table.Quoted(connection)} AS SELECT * FROM ({read.Sql}) AS data LIMIT 0", read);
        return CommandRows.Empty();
    }

    /// <summary>The column names with the partition columns moved last; checks names are unique and partitions are columns.</summary>
    private static List<string> Partitioned(List<string> names, IReadOnlyList<string> partitions, StatementTable table)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (!seen.Add(name))
                throw StatementCatalogErrors.DuplicateColumn(name);
        }
        if (partitions.Count == 0)
            return names;
        var partitionNames = new List<string>();
        foreach (var partition in partitions)
        {
            var column = names.FirstOrDefault(n => string.Equals(n, partition, StringComparison.OrdinalIgnoreCase))
                ?? throw new LocalEngineException("COLUMN_NOT_DEFINED_IN_TABLE", "42703",
                    $"partition column `{partition}` is not defined in table {table.Display}, defined table columns are: {string.Join(", ", names.Select(n => $"`{n}`"))}.",
                    new Dictionary<string, string>
                    {
                        ["colType"] = "partition", ["colName"] = $"`{partition}`", ["tableName"] = table.Display,
                        ["tableCols"] = string.Join(", ", names.Select(n => $"`{n}`")),
                    });
            if (partitionNames.Contains(column, StringComparer.OrdinalIgnoreCase))
                throw StatementCatalogErrors.DuplicateColumn(column);
            partitionNames.Add(column);
        }
        if (partitionNames.Count == names.Count)
            throw new LocalEngineException("ALL_PARTITION_COLUMNS_NOT_ALLOWED", "KD005", "Cannot use all columns for partition columns.");
        return names.Where(n => !partitionNames.Contains(n, StringComparer.OrdinalIgnoreCase)).Concat(partitionNames).ToList();
    }
}

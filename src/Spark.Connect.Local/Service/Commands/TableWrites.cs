using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// The table statements both writer APIs use, on a shared table of <c>default</c> (DuckDB's main schema) or of a database
/// created with SQL (visible to every session):
/// create, replace, and insert by name or by position with Spark's checks on the columns first.
/// </summary>
internal sealed class TableWrites(IPlanningSession session, Statements.StatementTable table, PlannedQuery query)
{
    private string Target => _target ??= table.Quoted(session.Connection);

    private string? _target;

    internal void Create() => WriteStatements.Run(session.Connection, $"CREATE TABLE {Target} AS {query.Sql}", query);

    internal void CreateOrReplace() => WriteStatements.Run(session.Connection, $"CREATE OR REPLACE TABLE {Target} AS {query.Sql}", query);

    /// <summary>Appends matching columns by name (saveAsTable append, writeTo append): every table column must be in the data and nothing more.</summary>
    internal void InsertByName(bool replaceRows = false)
    {
        var tableColumns = Columns("SELECT * FROM " + Target);
        var dataColumns = Columns(query.Sql);
        if (tableColumns.FirstOrDefault(t => !dataColumns.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } missing)
            throw Incompatible("CANNOT_FIND_DATA", $"Cannot find data for the output column `{missing}`.", "colName", missing);
        if (dataColumns.FirstOrDefault(d => !tableColumns.Contains(d, StringComparer.OrdinalIgnoreCase)) is { } extra)
            throw Incompatible("EXTRA_COLUMNS", $"The data has the column `{extra}`, which the table does not have.", "extraColumns", extra);
        Insert($"INSERT INTO {Target} BY NAME SELECT * FROM ({query.Sql}) AS data", replaceRows);
    }

    /// <summary>Appends by position (insertInto): the column counts must agree; values are cast to the table's types.</summary>
    internal void InsertByPosition(bool replaceRows)
    {
        var tableColumns = Columns("SELECT * FROM " + Target);
        var dataColumns = Columns(query.Sql);
        if (tableColumns.Count != dataColumns.Count)
        {
            var reason = dataColumns.Count > tableColumns.Count ? "TOO_MANY_DATA_COLUMNS" : "NOT_ENOUGH_DATA_COLUMNS";
            throw new LocalEngineException("INSERT_COLUMN_ARITY_MISMATCH." + reason, "21S01",
                $"Cannot write to {table.Display}: the table has {tableColumns.Count} columns ({Names(tableColumns)}) but the data has {dataColumns.Count} ({Names(dataColumns)}).",
                new Dictionary<string, string>
                {
                    ["tableName"] = table.Display, ["tableColumns"] = Names(tableColumns), ["dataColumns"] = Names(dataColumns),
                });
        }
        Insert($"INSERT INTO {Target} SELECT * FROM ({query.Sql}) AS data", replaceRows);
    }

    private void Insert(string insert, bool replaceRows)
    {
        if (!replaceRows)
        {
            WriteStatements.Run(session.Connection, insert, query);
            return;
        }
        WriteStatements.InTransaction(session.Connection, () =>
        {
            WriteStatements.Run(session.Connection, $"DELETE FROM {Target}");
            WriteStatements.Run(session.Connection, insert, query);
        });
    }

    private List<string> Columns(string sql) => CatalogLookup.Describe(session.Connection, sql).Select(c => c.Name).ToList();

    private static string Names(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"`{c}`"));

    private LocalEngineException Incompatible(string reason, string message, string parameter, string column) =>
        new("INCOMPATIBLE_DATA_FOR_TABLE." + reason, "KD000",
            $"Cannot write incompatible data for the table {table.Display}: {message}",
            new Dictionary<string, string> { ["tableName"] = table.Display, [parameter] = $"`{column}`" });

    /// <summary>Spark refuses a table write over a view.</summary>
    internal static LocalEngineException ViewNotTable(Statements.StatementTable table, string operation) => new("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", "42809",
        $"'{operation}' expects a table but {table.Display} is a view. Write to a table instead.",
        new Dictionary<string, string> { ["viewName"] = table.Display, ["operation"] = operation });
}

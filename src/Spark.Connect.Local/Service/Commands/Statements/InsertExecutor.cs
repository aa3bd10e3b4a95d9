using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;
using Spark.Connect.Local.Planning.Sql;
using Spark.Connect.Local.Planning.Sql.Statements;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// <c>INSERT INTO|OVERWRITE [TABLE] t [(columns) | BY NAME] query</c> (VALUES rows are a query too, their values bound
/// parameters). Without a column list the query's columns go by position and their count must match the table's
/// (<c>INSERT_COLUMN_ARITY_MISMATCH</c>); with one, the listed columns get the query's columns by position and the
/// others NULL, as Spark fills columns without a default; BY NAME matches the query's column names. Values are cast
/// to the table's column types. OVERWRITE replaces every row in one transaction; it may not read its own target.
/// </summary>
internal static class InsertExecutor
{
    internal static byte[] Run(LocalSession session, SQL sql, InsertStatement insert)
    {
        var connection = session.Connection;
        var operation = insert.Overwrite ? "INSERT OVERWRITE" : "INSERT INTO";
        if (session.FindView(insert.Table) is not null)
            throw StatementCatalogErrors.ViewNotTable(string.Join(".", insert.Table.Select(p => $"`{p}`")), operation);
        var table = StatementTable.Resolve(connection, insert.Table);
        switch (table.Kind(connection))
        {
            case null:
                throw StatementCatalogErrors.TableNotFound(insert.Table);
            case "VIEW":
                throw StatementCatalogErrors.ViewNotTable(table.Display, operation);
        }
        if (insert.Overwrite && ReadsTable(sql, insert.Query, table, connection))
            throw new LocalEngineException("UNSUPPORTED_OVERWRITE.TABLE", "42902",
                $"Can't overwrite the target that is also being read from: {table.Display}. Write to another table, then replace.",
                new Dictionary<string, string> { ["table"] = table.Display });
        var query = StatementExecutor.PlanQuery(session, sql, insert.Query);
        var target = table.Quoted(connection);
        var tableColumns = CatalogLookup.Describe(connection, "SELECT * FROM " + target).Select(c => c.Name).ToList();
        var dataColumns = StatementExecutor.Fields(query).Select(f => f.Name).ToList();
        var targetColumns = insert.ByName ? ByName(tableColumns, dataColumns, table) : insert.Columns is { } listed ? Listed(tableColumns, listed, table) : tableColumns;
        if (targetColumns.Count != dataColumns.Count)
            throw Arity(table, targetColumns, dataColumns);
        var list = string.Join(", ", targetColumns.Select(SqlIdentifiers.Quote));
        var statement = $"INSERT INTO {target} ({list}) SELECT * FROM ({query.Sql}) AS data";
        if (!insert.Overwrite)
        {
            WriteStatements.Run(connection, statement, query);
            return CommandRows.Empty();
        }
        WriteStatements.InTransaction(connection, () =>
        {
            WriteStatements.Run(connection, "DELETE FROM " + target);
            WriteStatements.Run(connection, statement, query);
        });
        return CommandRows.Empty();
    }

    /// <summary>The table's spelling of each listed column; an unknown or repeated one is refused as Spark does.</summary>
    private static List<string> Listed(List<string> tableColumns, IReadOnlyList<string> listed, StatementTable table)
    {
        var result = new List<string>();
        foreach (var name in listed)
        {
            var column = tableColumns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new LocalEngineException("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703",
                    $"A column, variable, or function parameter with name `{name}` cannot be resolved. Did you mean one of the following? [{string.Join(", ", tableColumns.Select(c => $"`{c}`"))}].",
                    new Dictionary<string, string> { ["objectName"] = $"`{name}`", ["proposal"] = string.Join(", ", tableColumns.Select(c => $"`{c}`")) });
            if (result.Contains(column, StringComparer.OrdinalIgnoreCase))
                throw StatementCatalogErrors.DuplicateColumn(column);
            result.Add(column);
        }
        return result;
    }

    /// <summary>BY NAME: each of the query's columns must be a table column.</summary>
    private static List<string> ByName(List<string> tableColumns, List<string> dataColumns, StatementTable table)
    {
        foreach (var extra in dataColumns.Where(d => !tableColumns.Contains(d, StringComparer.OrdinalIgnoreCase)))
        {
            throw new LocalEngineException("INCOMPATIBLE_DATA_FOR_TABLE.EXTRA_COLUMNS", "KD000",
                $"Cannot write incompatible data for the table {table.Display}: the data has the column `{extra}`, which the table does not have.",
                new Dictionary<string, string> { ["tableName"] = table.Display, ["extraColumns"] = $"`{extra}`" });
        }
        return Listed(tableColumns, dataColumns, table);
    }

    private static LocalEngineException Arity(StatementTable table, List<string> targetColumns, List<string> dataColumns)
    {
        var reason = dataColumns.Count > targetColumns.Count ? "TOO_MANY_DATA_COLUMNS" : "NOT_ENOUGH_DATA_COLUMNS";
        var tableNames = string.Join(", ", targetColumns.Select(c => $"`{c}`"));
        var dataNames = string.Join(", ", dataColumns.Select(c => $"`{c}`"));
        return new LocalEngineException("INSERT_COLUMN_ARITY_MISMATCH." + reason, "21S01",
            $"Cannot write to {table.Display}: the table has {targetColumns.Count} columns ({tableNames}) but the data has {dataColumns.Count} ({dataNames}).",
            new Dictionary<string, string> { ["tableName"] = table.Display, ["tableColumns"] = tableNames, ["dataColumns"] = dataNames });
    }

    /// <summary>Whether the query reads the target table by name (its parsed plan's table reads, placed as the statement's own names are).</summary>
    private static bool ReadsTable(SQL sql, string query, StatementTable table, DuckDb.DuckDbConnection connection)
    {
        var relation = SqlParser.ParseQuery(query, SqlParameters.Of(sql));
        foreach (var read in WriteStatements.Reads(relation))
        {
            if (read.ReadTypeCase != Read.ReadTypeOneofCase.NamedTable)
                continue;
            var parts = Planning.Expressions.MultipartIdentifier.Parse(read.NamedTable.UnparsedIdentifier);
            StatementTable? named;
            try
            {
                named = StatementTable.Resolve(connection, parts);
            }
            catch (LocalEngineException)
            {
                continue;
            }
            if (string.Equals(named.Schema, table.Schema, StringComparison.OrdinalIgnoreCase) && string.Equals(named.Name, table.Name, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}

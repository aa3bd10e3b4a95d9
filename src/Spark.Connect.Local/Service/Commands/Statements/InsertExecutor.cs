using Spark.Connect.Local.Planning;
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
    /// <summary>The insert's target table, checked to exist and to be a table (not a view).</summary>
    internal static StatementTable Target(LocalSession session, InsertStatement insert)
    {
        var operation = insert.Overwrite ? "INSERT OVERWRITE" : "INSERT INTO";
        if (session.FindView(insert.Table) is not null)
            throw StatementCatalogErrors.ViewNotTable(string.Join(".", insert.Table.Select(p => $"`{p}`")), operation);
        var table = StatementTable.Resolve(session, insert.Table);
        switch (table.Kind(session.Connection))
        {
            case null:
                throw StatementCatalogErrors.TableNotFound(insert.Table);
            case "VIEW":
                throw StatementCatalogErrors.ViewNotTable(table.Display, operation);
        }
        return table;
    }

    internal static byte[] Run(LocalSession session, SQL sql, InsertStatement insert)
    {
        var connection = session.Connection;
        var table = Target(session, insert);
        if (insert.Overwrite && WriteStatements.ReadsTable(session, SqlParser.ParseQuery(insert.Query, SqlParameters.Of(sql)), table))
            throw WriteStatements.OverwriteOfInput(table);
        var query = StatementExecutor.PlanQuery(session, sql, insert.Query);
        var target = table.Quoted(connection);
        var read = new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = table.Unparsed } } };
        var tableFields = StatementExecutor.Fields(new LocalPlanner(session).Plan(read));
        var tableColumns = tableFields.Select(f => f.Name).ToList();
        var dataFields = StatementExecutor.Fields(query);
        var dataColumns = dataFields.Select(f => f.Name).ToList();
        var targetColumns = insert.ByName ? ByName(tableColumns, dataColumns, table) : insert.Columns is { } listed ? Listed(tableColumns, listed, table) : tableColumns;
        if (targetColumns.Count != dataColumns.Count)
            throw Arity(table, targetColumns, dataColumns);
        var targets = targetColumns.Select(c => (Name: c, Type: tableFields.First(f => f.Name == c).DataType)).ToList();
        StoreAssignment.Check(table, targets, dataFields.Select(f => f.DataType).ToList());
        var rows = CastToTable(StatementExecutor.QueryRelation(sql, insert.Query), targets);
        if (table.Entry(connection) is Planning.Catalog.ExternalTable external)
        {
            ExternalTableExecutor.Insert(session, external, rows, targetColumns, insert.Overwrite);
            return CommandRows.Empty();
        }
        query = new LocalPlanner(session).Plan(rows);
        var list = string.Join(", ", targetColumns.Select(SqlIdentifiers.Quote));
        var statement = $"INSERT INTO {target} ({list}) SELECT * FROM ({query.Sql}) AS data";
        try
        {
            if (!insert.Overwrite)
                WriteStatements.Run(connection, statement, query);
            else
            {
                WriteStatements.InTransaction(connection, () =>
                {
                    WriteStatements.Run(connection, "DELETE FROM " + target);
                    WriteStatements.Run(connection, statement, query);
                });
            }
        }
        catch (DuckDb.DuckDbException error) when (error.Message.Contains("NOT NULL constraint failed", StringComparison.Ordinal))
        {
            // A NOT NULL column of the table: Spark checks each written value and fails the write the same way.
            throw new LocalEngineException("NOT_NULL_ASSERT_VIOLATION", "42000",
                $"NULL value appeared in non-nullable field of {table.Display}. Insert a value for every NOT NULL column.",
                new Dictionary<string, string> { ["walkedTypePath"] = table.Display }, error);
        }
        return CommandRows.Empty();
    }

    /// <summary>
    /// The query with each column cast to its table column's type by the planner (Spark's casts: a decimal into an int
    /// truncates, as Spark stores it, where DuckDB's insert would round). Columns are renamed by position first, so
    /// repeated names in the query don't matter.
    /// </summary>
    private static Relation CastToTable(Relation query, IReadOnlyList<(string Name, DataType Type)> targets)
    {
        var positional = new ToDF { Input = query };
        positional.ColumnNames.AddRange(targets.Select((_, i) => $"__insert_{i}"));
        var project = new Project { Input = new Relation { ToDf = positional } };
        for (var i = 0; i < targets.Count; i++)
        {
            var column = new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = $"__insert_{i}" } };
            var cast = new Expression { Cast = new Expression.Types.Cast { Expr = column, Type = targets[i].Type } };
            project.Expressions.Add(new Expression { Alias = new Expression.Types.Alias { Expr = cast, Name = { targets[i].Name } } });
        }
        return new Relation { Project = project };
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
}

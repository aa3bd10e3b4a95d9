using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;
using SaveMode = Spark.Connect.Protocol.WriteOperation.Types.SaveMode;
using SaveMethod = Spark.Connect.Protocol.WriteOperation.Types.SaveTable.Types.TableSaveMethod;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// DataFrameWriter v1 to a table. <c>saveAsTable</c>: error if the table exists (default), ignore, overwrite
/// (replaces table and schema), append (creates a missing table; otherwise by column name, as Spark does).
/// <c>insertInto</c>: the table must exist; columns go by position; overwrite replaces the rows, every other mode
/// appends (Spark's insertInto only looks at overwrite). The table is a DuckDB table whatever the format.
/// </summary>
internal static class TableWriter
{
    internal static void Write(IPlanningSession session, WriteOperation write)
    {
        // db.t may name a database made with CREATE DATABASE; default (main) otherwise.
        var table = Statements.StatementTable.Resolve(session, Planning.Expressions.MultipartIdentifier.Parse(write.Table.TableName));
        if (write.PartitioningColumns.Count > 0)
            throw write.Table.SaveMethod == SaveMethod.InsertInto
                ? new LocalEngineException("_LEGACY_ERROR_TEMP_1309", "42000",
                    "insertInto() can't be used together with partitionBy(). Partition columns have already been defined for the table.")
                : LocalEngineException.Unsupported($"partitionBy ({string.Join(", ", write.PartitioningColumns)}) for a table", "Save the table without partition columns.");
        if (write.Options.Count > 0)
            throw LocalEngineException.Unsupported($"the table write option '{write.Options.Keys.Order(StringComparer.Ordinal).First()}'", "Write the table without options.");
        var existing = table.Kind(session.Connection);
        if (existing == "EXTERNAL")
            throw LocalEngineException.Unsupported($"saveAsTable/insertInto of the external table {table.Display}", "Write its rows with INSERT INTO / INSERT OVERWRITE, which add files at its location.");
        var mode = write.Mode == SaveMode.Unspecified ? SaveMode.ErrorIfExists : write.Mode;
        if (write.Table.SaveMethod == SaveMethod.InsertInto)
        {
            InsertInto(session, write, table, existing, mode);
            return;
        }
        if (existing is not null && mode == SaveMode.ErrorIfExists)
            throw LocalCatalog.TableAlreadyExists(table.Display);
        if (existing is not null && mode == SaveMode.Ignore)
            return;
        if (existing == "VIEW")
            throw TableWrites.ViewNotTable(table, "saveAsTable");
        if (existing is not null && mode == SaveMode.Overwrite && WriteStatements.ReadsTable(session, write.Input, table))
            throw WriteStatements.OverwriteOfInput(table);
        var writes = new TableWrites(session, table, WriteStatements.PlanInput(session, write.Input));
        if (existing is null)
            writes.Create();
        else if (mode == SaveMode.Overwrite)
            writes.CreateOrReplace();
        else
            writes.InsertByName();
    }

    private static void InsertInto(IPlanningSession session, WriteOperation write, Statements.StatementTable table, string? existing, SaveMode mode)
    {
        if (existing is null)
            throw LocalCatalog.TableNotFound(write.Table.TableName);
        if (existing == "VIEW")
            throw TableWrites.ViewNotTable(table, "insertInto");
        var overwrite = mode == SaveMode.Overwrite;
        if (overwrite && WriteStatements.ReadsTable(session, write.Input, table))
            throw WriteStatements.OverwriteOfInput(table);
        new TableWrites(session, table, WriteStatements.PlanInput(session, write.Input)).InsertByPosition(overwrite);
    }
}

using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;
using Mode = Spark.Connect.Protocol.WriteOperationV2.Types.Mode;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// DataFrameWriterV2 (<c>df.writeTo(t)</c>): create (TABLE_OR_VIEW_ALREADY_EXISTS if it exists), replace
/// (TABLE_OR_VIEW_NOT_FOUND if it doesn't), createOrReplace, append and overwritePartitions (the table must
/// exist; columns by name), overwrite with a condition that is literally true. Local tables have no partitions,
/// so overwritePartitions replaces every row, as Spark's dynamic overwrite of an unpartitioned table does.
/// </summary>
internal static class TableWriterV2
{
    internal static void Write(IPlanningSession session, WriteOperationV2 write)
    {
        var table = Statements.StatementTable.Resolve(session, Planning.Expressions.MultipartIdentifier.Parse(write.TableName));
        if (write.PartitioningColumns.Count > 0)
            throw LocalEngineException.Unsupported("partitionedBy for a table", "Create the table without partition columns.");
        if (write.ClusteringColumns.Count > 0)
            throw LocalEngineException.Unsupported($"clusterBy ({string.Join(", ", write.ClusteringColumns)}) for a table", "Create the table without clustering columns.");
        if (write.Options.Count > 0 || write.TableProperties.Count > 0)
            throw LocalEngineException.Unsupported(
                $"the table option or property '{write.Options.Keys.Concat(write.TableProperties.Keys).Order(StringComparer.Ordinal).First()}'", "Write the table without options or properties.");
        var existing = table.Kind(session.Connection);
        if (existing == "EXTERNAL")
            throw LocalEngineException.Unsupported($"writeTo of the external table {table.Display}", "Write its rows with INSERT INTO / INSERT OVERWRITE, which add files at its location.");
        if (existing == "VIEW")
            throw TableWrites.ViewNotTable(table, "writeTo");
        switch (write.Mode)
        {
            case Mode.Create when existing is not null:
                throw LocalCatalog.TableAlreadyExists(table.Display);
            case Mode.Replace or Mode.Append or Mode.Overwrite or Mode.OverwritePartitions when existing is null:
                throw LocalCatalog.TableNotFound(write.TableName);
            case Mode.Overwrite when !IsLiteralTrue(write.OverwriteCondition):
                throw LocalEngineException.Unsupported("overwrite with a condition other than lit(true)",
                    "Delete the rows with SQL and append, or overwrite the whole table with overwrite(lit(true)).");
        }
        if (write.Mode is Mode.Replace or Mode.CreateOrReplace or Mode.Overwrite or Mode.OverwritePartitions && existing is not null && WriteStatements.ReadsTable(session, write.Input, table))
            throw WriteStatements.OverwriteOfInput(table);
        var writes = new TableWrites(session, table, WriteStatements.PlanInput(session, write.Input));
        switch (write.Mode)
        {
            case Mode.Create:
                writes.Create();
                break;
            case Mode.Replace or Mode.CreateOrReplace:
                writes.CreateOrReplace();
                break;
            case Mode.Append:
                writes.InsertByName();
                break;
            case Mode.Overwrite or Mode.OverwritePartitions:
                writes.InsertByName(replaceRows: true);
                break;
            default:
                throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", "A writeTo command needs a mode (create, replace, createOrReplace, append, overwrite, overwritePartitions).");
        }
    }

    private static bool IsLiteralTrue(Expression? condition) =>
        condition is { ExprTypeCase: Expression.ExprTypeOneofCase.Literal, Literal: { LiteralTypeCase: Expression.Types.Literal.LiteralTypeOneofCase.Boolean, Boolean: true } };
}

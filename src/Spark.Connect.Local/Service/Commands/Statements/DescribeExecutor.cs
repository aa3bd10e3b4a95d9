using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Planning.Sql.Statements;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// DESCRIBE [TABLE] [EXTENDED], DESCRIBE QUERY and SHOW COLUMNS: the columns as the planner resolves the table, view or
/// query (the same names and Spark types a query over it gets), in Spark's result shape: <c>col_name</c>,
/// <c>data_type</c>, <c>comment</c> (local tables keep no comments) / <c>col_name</c>.
/// </summary>
internal static class DescribeExecutor
{
    internal static byte[] Table(LocalSession session, DescribeTableStatement describe)
    {
        var (fields, table) = TableFields(session, describe.Table);
        var result = Described(fields);
        if (describe.Extended && table is not null)
        {
            result.Add("", "", null).Add("# Detailed Table Information", "", null)
                .Add("Catalog", LocalCatalog.CatalogName, null).Add("Database", table.Database, null).Add("Table", table.Name, null)
                .Add("Type", table.Kind(session.Connection), null);
            switch (table.Entry(session.Connection))
            {
                case ExternalTable external:
                    result.Add("Location", "file:" + external.Location, null).Add("Provider", external.Format, null);
                    break;
                case PersistentView view:
                    result.Add("View Text", view.Query.Query, null);
                    break;
            }
        }
        return result.ToIpc();
    }

    internal static byte[] Query(LocalSession session, SQL sql, DescribeQueryStatement describe) =>
        Described(StatementExecutor.Fields(StatementExecutor.PlanQuery(session, sql, describe.Query))).ToIpc();

    internal static byte[] Columns(LocalSession session, ShowColumnsStatement show)
    {
        var result = StatementResult.Of(("col_name", false, false));
        foreach (var field in TableFields(session, show.Table).Fields)
            result.Add(field.Name);
        return result.ToIpc();
    }

    private static StatementResult Described(IEnumerable<DataType.Types.StructField> fields)
    {
        var result = StatementResult.Of(("col_name", false, false), ("data_type", false, false), ("comment", false, true));
        foreach (var field in fields)
            result.Add(field.Name, SparkTypes.Name(field.DataType), null);
        return result;
    }

    /// <summary>
    /// The columns of a temporary view (one-part name or <c>global_temp.v</c>) or a catalog table or view, planned as a
    /// read of it; the catalog table is returned too (null for a temporary view). Missing → TABLE_OR_VIEW_NOT_FOUND.
    /// </summary>
    private static (IReadOnlyList<DataType.Types.StructField> Fields, StatementTable? Table) TableFields(LocalSession session, IReadOnlyList<string> name)
    {
        StatementTable? table = null;
        string identifier;
        if (session.FindView(name) is not null)
            identifier = string.Join(".", name.Select(p => $"`{p.Replace("`", "``", StringComparison.Ordinal)}`"));
        else
        {
            table = StatementTable.Resolve(session, name);
            if (table.Kind(session.Connection) is null)
                throw StatementCatalogErrors.TableNotFound(name);
            identifier = table.Unparsed;
        }
        var read = new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = identifier } } };
        return (StatementExecutor.Fields(new LocalPlanner(session).Plan(read)), table);
    }
}

using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Sql.Statements;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// Carries out a parsed Spark SQL statement (<see cref="StatementParser"/>) with the engine's own machinery: the table
/// writes, the local catalog, the session's temporary views. Nothing of the statement's text reaches DuckDB: names go
/// through <see cref="SqlIdentifiers.Quote"/> or are bound, and a query inside a statement is planned as a Spark SQL
/// query with the statement's arguments, so its values stay bound parameters. Returns the rows Spark answers with.
/// </summary>
internal static class StatementExecutor
{
    internal static byte[] Run(LocalSession session, SQL sql, SparkStatement statement) => statement switch
    {
        CreateTableStatement create => CreateTableExecutor.Run(session, sql, create),
        CreateViewStatement view => PersistentViewExecutor.Run(session, sql, view),
        InsertStatement insert => InsertExecutor.Run(session, sql, insert),
        MultiInsertStatement inserts => MultiInsertExecutor.Run(session, sql, inserts),
        TempViewUsingStatement view => TempViewUsingExecutor.Run(session, view),
        CreateTableLikeStatement like => CreateTableExecutor.Like(session, like),
        RenameTableStatement rename => AlterExecutor.Rename(session, rename),
        AddColumnsStatement add => AlterExecutor.AddColumns(session, add),
        AlterPropertiesStatement alter => AlterExecutor.Properties(session, alter),
        ShowCurrentNamespaceStatement => ShowExecutor.CurrentNamespace(session),
        DropTableStatement drop => DropExecutor.Drop(session, drop),
        TruncateTableStatement truncate => DropExecutor.Truncate(session, truncate),
        CreateDatabaseStatement create => DatabaseExecutor.Create(session, create),
        DropDatabaseStatement drop => DatabaseExecutor.Drop(session, drop),
        ShowTablesStatement show => ShowExecutor.Tables(session, show),
        ShowDatabasesStatement show => ShowExecutor.Databases(session, show),
        ShowCatalogsStatement show => ShowExecutor.Catalogs(show),
        ShowFunctionsStatement show => ShowExecutor.Functions(show),
        ShowColumnsStatement show => DescribeExecutor.Columns(session, show),
        DescribeTableStatement describe => DescribeExecutor.Table(session, describe),
        DescribeQueryStatement describe => DescribeExecutor.Query(session, sql, describe),
        DescribeFunctionStatement describe => DescribeFunctionExecutor.Run(describe),
        ExplainStatement explain => ExplainExecutor.Run(session, sql, explain),
        CacheStatement cache => CacheExecutor.Run(session, sql, cache),
        _ => throw LocalEngineException.Unsupported($"the statement {statement.GetType().Name}", "See docs/local-engine.md for the statements the local engine runs."),
    };

    /// <summary>A query of a statement, planned as the Spark SQL query it is, with the statement's arguments.</summary>
    internal static PlannedQuery PlanQuery(LocalSession session, SQL sql, string query) => new LocalPlanner(session).Plan(QueryRelation(sql, query));

    /// <summary>The <c>SQL</c> relation of a statement's query, carrying the statement's arguments.</summary>
    internal static Relation QueryRelation(SQL sql, string query)
    {
        var text = sql.Clone();
        text.Query = query;
        return new Relation { Sql = text };
    }

    /// <summary>The planned query's columns as Spark names them.</summary>
    internal static IReadOnlyList<DataType.Types.StructField> Fields(PlannedQuery query) =>
        query.Schema?.Struct?.Fields is { } fields ? fields : [];
}

using Spark.Connect.Arrow;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>
/// Helpers for Spark SQL statements sent as <c>spark.sql(…)</c>: run one, read the rows Spark answers with (collected as a
/// client collects the returned relation), or the error it fails with.
/// </summary>
public abstract class SqlStatementTestBase : LocalServerTestBase
{
    /// <summary>Runs the statement and collects the relation it answers with, as a client's <c>spark.sql(…).collect()</c> does.</summary>
    internal static async Task<List<object?[]>> RunAsync(SparkConnectClient client, string text, Action<SQL>? arguments = null)
    {
        var relation = await ResultRelationAsync(client, text, arguments);
        return await RowsAsync(client, new Plan { Root = relation });
    }

    /// <summary>The statement's result as Spark's command returns it: the Arrow schema (names, types, nullability) and rows.</summary>
    internal static async Task<(ArrowSchema Schema, List<object?[]> Rows)> ResultAsync(SparkConnectClient client, string text)
    {
        var relation = await ResultRelationAsync(client, text, null);
        var batch = new ArrowStreamReader(relation.LocalRelation.Data.Memory).ReadAllBatches().Single();
        var rows = new List<object?[]>();
        for (var row = 0; row < batch.Length; row++)
            rows.Add(batch.Columns.Select(c => Value(c, row)).ToArray());
        return (batch.Schema, rows);
    }

    /// <summary>The error class the statement fails with.</summary>
    internal static async Task<string?> ErrorClassAsync(SparkConnectClient client, string text) =>
        (await FailureAsync(client, text)).ErrorClass;

    internal static async Task<SparkException> FailureAsync(SparkConnectClient client, string text)
    {
        var error = await Assert.ThrowsAsync<SparkException>(async () => await ResultRelationAsync(client, text, null));
        return error!;
    }

    private static async Task<Relation> ResultRelationAsync(SparkConnectClient client, string text, Action<SQL>? arguments)
    {
        var plan = SqlCommandTests.SqlCommand(text);
        arguments?.Invoke(plan.Command.SqlCommand.Input.Sql);
        var responses = await CollectAsync(client.ExecutePlanAsync(plan));
        return responses[0].SqlCommandResult.Relation;
    }
}

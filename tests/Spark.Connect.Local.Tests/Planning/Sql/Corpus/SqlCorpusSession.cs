using Spark.Connect.Arrow;
using Spark.Connect.Transport;

namespace Spark.Connect.Local.Tests.Planning.Sql.Corpus;

/// <summary>
/// One corpus file's Spark session: an in-process local server (its own in-memory database) and a client that sends
/// every query as <c>spark.sql(…)</c> does, so statements (views, tables, SET) run exactly as a client's would. The
/// session zone is America/Los_Angeles, as in Spark's test runner.
/// </summary>
internal sealed class SqlCorpusSession : IAsyncDisposable
{
    internal const string SessionZone = "America/Los_Angeles";
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(SessionZone);
    private readonly LocalSparkServer _server;
    private readonly SparkConnectClient _client;

    private SqlCorpusSession(LocalSparkServer server, SparkConnectClient client)
    {
        _server = server;
        _client = client;
    }

    internal static async Task<SqlCorpusSession> StartAsync()
    {
        var server = await LocalSparkServer.StartAsync(new LocalSparkServerOptions());
        var client = SparkConnectClient.Create(new SparkConnectClientOptions
        {
            ConnectionString = server.ConnectionString, AllowTokenWithoutTls = true, RetryPolicy = RetryPolicy.None,
        });
        var set = new ConfigRequest.Types.Operation { Set = new ConfigRequest.Types.Set() };
        set.Set.Pairs.Add(new KeyValue { Key = "spark.sql.session.timeZone", Value = SessionZone });
        await client.ConfigAsync(set);
        return new SqlCorpusSession(server, client);
    }

    /// <summary>Runs one query: its schema line and its rows in Spark's text; a failure surfaces as <see cref="SparkException"/>.</summary>
    internal async Task<(string Schema, List<string> Rows)> RunAsync(string query)
    {
        var command = new Plan { Command = new Command { SqlCommand = new SqlCommand { Input = new Relation { Sql = new SQL { Query = query } } } } };
        Relation? result = null;
        await foreach (var response in _client.ExecutePlanAsync(command))
            if (response.ResponseTypeCase == ExecutePlanResponse.ResponseTypeOneofCase.SqlCommandResult)
                result = response.SqlCommandResult.Relation;
        if (result is null)
            throw new InvalidOperationException("spark.sql answered without a sql_command_result.");
        var plan = new Plan { Root = result };
        var schema = Spark.Connect.Local.Planning.Functions.SparkTypes.Name(await _client.SchemaAsync(plan));
        var rows = new List<string>();
        await foreach (var response in _client.ExecutePlanAsync(plan))
        {
            if (response.ResponseTypeCase != ExecutePlanResponse.ResponseTypeOneofCase.ArrowBatch)
                continue;
            foreach (var batch in new ArrowStreamReader(response.ArrowBatch.Data.Memory).ReadAllBatches())
                for (var row = 0; row < batch.Length; row++)
                    rows.Add(HiveResultText.Row(batch, row, Zone));
        }
        return (schema, rows);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }
}

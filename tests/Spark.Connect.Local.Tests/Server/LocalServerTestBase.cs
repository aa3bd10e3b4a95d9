using Spark.Connect.Arrow;
using Spark.Connect.Transport;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>Each test gets its own server (in-memory database, 127.0.0.1, free port) and helpers to run plans.</summary>
public abstract class LocalServerTestBase
{
    private readonly List<IAsyncDisposable> _owned = [];

    internal LocalSparkServer Server { get; private set; } = null!;

    /// <summary>Small batches so a few thousand rows already span several of them.</summary>
    protected virtual LocalSparkServerOptions CreateOptions() => new() { MaxRowsPerBatch = 1000 };

    [SetUp]
    public async Task StartServer() => Server = await LocalSparkServer.StartAsync(CreateOptions());

    [TearDown]
    public async Task StopServer()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
            await owned.DisposeAsync();
        _owned.Clear();
        await Server.DisposeAsync();
    }

    protected SparkConnectClient NewClient(Action<SparkConnectClientOptions>? configure = null)
    {
        var options = new SparkConnectClientOptions { ConnectionString = Server.ConnectionString, AllowTokenWithoutTls = true, RetryPolicy = RetryPolicy.None };
        configure?.Invoke(options);
        var client = SparkConnectClient.Create(options);
        _owned.Add(client);
        return client;
    }

    /// <summary>
    /// A client of a second server whose SQL is DuckDB's (<see cref="SqlDialect.DuckDb"/>), for tests whose data is easiest
    /// written as DuckDB SQL (maps, blobs, zoned timestamps) or that read DuckDB's own state.
    /// </summary>
    protected async Task<SparkConnectClient> DuckDbDialectClientAsync()
    {
        var options = CreateOptions();
        options.SqlDialect = SqlDialect.DuckDb;
        var server = await LocalSparkServer.StartAsync(options);
        _owned.Add(server);
        var client = SparkConnectClient.Create(new SparkConnectClientOptions { ConnectionString = server.ConnectionString, AllowTokenWithoutTls = true, RetryPolicy = RetryPolicy.None });
        _owned.Add(client);
        return client;
    }

    protected GrpcNetClientTransport NewTransport()
    {
        var transport = new GrpcNetClientTransport(new GrpcTransportOptions { Address = new Uri($"http://127.0.0.1:{Server.Port}") });
        _owned.Add(transport);
        return transport;
    }

    internal static Plan Sql(string query) => new() { Root = new Relation { Sql = new SQL { Query = query } } };

    internal static Plan Table(string name) => new() { Root = new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = name } } } };

    internal static async Task<List<ExecutePlanResponse>> CollectAsync(IAsyncEnumerable<ExecutePlanResponse> responses)
    {
        var list = new List<ExecutePlanResponse>();
        await foreach (var response in responses)
            list.Add(response);
        return list;
    }

    internal static async Task<List<object?[]>> RowsAsync(SparkConnectClient client, Plan plan) =>
        Rows(await CollectAsync(client.ExecutePlanAsync(plan)));

    internal static IEnumerable<RecordBatch> Batches(IEnumerable<ExecutePlanResponse> responses) =>
        responses.Where(r => r.ResponseTypeCase == ExecutePlanResponse.ResponseTypeOneofCase.ArrowBatch)
            .SelectMany(r => new ArrowStreamReader(r.ArrowBatch.Data.Memory).ReadAllBatches());

    internal static List<object?[]> Rows(IEnumerable<ExecutePlanResponse> responses)
    {
        var rows = new List<object?[]>();
        foreach (var batch in Batches(responses))
            for (var row = 0; row < batch.Length; row++)
                rows.Add(batch.Columns.Select(c => Value(c, row)).ToArray());
        return rows;
    }

    internal static ArrowSchema SchemaOf(IEnumerable<ExecutePlanResponse> responses) => Batches(responses).First().Schema;

    internal static object? Value(ArrowColumn column, int row) => column.IsNull(row) ? null : column switch
    {
        BooleanColumn c => c.GetValue(row),
        StringColumn c => c.GetString(row),
        BinaryColumn c => c.GetByteArray(row),
        Decimal128Column c => c.GetDecimal(row),
        Date32Column c => c.GetDate(row),
        TimestampColumn c => c.GetValue(row),
        DurationColumn c => c.GetTimeSpan(row),
        PrimitiveColumn<sbyte> c => c.GetValue(row),
        PrimitiveColumn<short> c => c.GetValue(row),
        PrimitiveColumn<int> c => c.GetValue(row),
        PrimitiveColumn<long> c => c.GetValue(row),
        PrimitiveColumn<float> c => c.GetValue(row),
        PrimitiveColumn<double> c => c.GetValue(row),
        PrimitiveColumn<ArrowMonthDayNanoInterval> c => c.GetValue(row),
        _ => throw new NotSupportedException($"No test reader for {column.Field.Type}."),
    };
}

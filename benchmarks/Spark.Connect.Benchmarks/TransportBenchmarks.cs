using BenchmarkDotNet.Attributes;
using Spark.Connect.Local;
using Spark.Connect.Transport;
using Spark.Linq;
using Spark.Linq.Testing;

namespace Spark.Connect.Benchmarks;

/// <summary>The gRPC transport (Grpc.Net.Client) carrying 1 M rows from the local server to a List.</summary>
[MemoryDiagnoser]
public class TransportBenchmarks
{
    private LocalSparkServer _server = null!;
    private SparkSession _spark = null!;

    [GlobalSetup]
    public async Task Start()
    {
        _server = await LocalSparkServer.StartAsync();
        _server.CreateTable("bench", BenchRow.Sample(1_000_000));
        var address = new Uri($"http://127.0.0.1:{_server.Port}");
        var client = new SparkConnectClientOptions
        {
            TransportFactory = _ => new GrpcNetClientTransport(new GrpcTransportOptions { Address = address }),
        };
        _spark = SparkSession.Connect(new SparkSessionOptions { ConnectionString = _server.ConnectionString, Client = client });
    }

    [GlobalCleanup]
    public async Task Stop()
    {
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark]
    public async Task<int> ToList() => (await _spark.Table<BenchRow>("bench").ToListAsync()).Count;
}

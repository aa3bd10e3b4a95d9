using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Spark.Connect.Wire;
using Spark.Linq;

namespace Spark.Connect.Benchmarks;

/// <summary>
/// Serializing one ExecutePlanRequest whose plan is <see cref="Depth"/> chained <c>Where</c> calls (built once by the
/// LINQ provider): Google.Protobuf's generated writer, which measures nested messages again at every level, against
/// <see cref="LinearMessageWriter"/>, which the transport sends with. See docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class SerializationDepthBenchmarks
{
    private ExecutePlanRequest _request = null!;

    [Params(10, 20, 40, 80, 160)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Build()
    {
        var spark = SparkSession.Connect("sc://localhost");
        IQueryable<TranslationQueries.Order> query = spark.Table<TranslationQueries.Order>("orders");
        for (var i = 0; i < Depth; i++)
        {
            double bound = i;
            query = query.Where(o => o.Amount > bound);
        }
        _request = new ExecutePlanRequest { SessionId = "00000000-0000-0000-0000-000000000000", Plan = query.ToPlan() };
        spark.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (!LinearMessageWriter.ToByteArray(_request).AsSpan().SequenceEqual(_request.ToByteArray()))
            throw new InvalidOperationException("The two writers disagree.");
    }

    [Benchmark(Baseline = true)]
    public byte[] GoogleProtobuf() => _request.ToByteArray();

    [Benchmark]
    public byte[] Linear() => LinearMessageWriter.ToByteArray(_request);
}

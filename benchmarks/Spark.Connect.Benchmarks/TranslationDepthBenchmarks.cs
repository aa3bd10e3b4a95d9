using BenchmarkDotNet.Attributes;
using Spark.Linq;

namespace Spark.Connect.Benchmarks;

/// <summary>
/// Translation plus serialization of <see cref="Depth"/> chained <c>Where</c> calls, each with its own captured
/// value (new every call), from the plan cache and as a shape never seen: whether cost grows linearly with depth.
/// The bytes are written as the transport writes them (<c>Wire.RequestBytes</c>).
/// See docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class TranslationDepthBenchmarks
{
    private SparkSession _spark = null!;
    private int _call;

    [Params(10, 20, 40, 80, 160)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Connect() => _spark = SparkSession.Connect("sc://localhost");

    [GlobalCleanup]
    public void Dispose() => _spark.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public byte[] Cached() => Wire.RequestBytes.Of(Chain("orders", ++_call).ToPlan());

    [Benchmark]
    public byte[] NewShape()
    {
        var call = ++_call;
        return Wire.RequestBytes.Of(Chain("orders" + call, call).ToPlan());
    }

    private IQueryable<TranslationQueries.Order> Chain(string table, int call)
    {
        IQueryable<TranslationQueries.Order> query = _spark.Table<TranslationQueries.Order>(table);
        for (var i = 0; i < Depth; i++)
        {
            double bound = call + i; // a fresh closure per Where, as a query builder makes
            query = query.Where(o => o.Amount > bound);
        }
        return query;
    }
}

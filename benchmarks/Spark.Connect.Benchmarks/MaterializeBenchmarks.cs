using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using Spark.Connect.Arrow;
using Spark.Linq;
using Spark.Linq.Materialization;

namespace Spark.Connect.Benchmarks;

/// <summary>
/// Materializing decoded Arrow batches (100k rows in 10 batches: int64, int32, double, utf8,
/// timestamp[us, UTC], nullable decimal128) into a List of a 6-member class, with the compiled,
/// cached materializer and with a hand-written loop over the same columns' spans (the ceiling).
/// See docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class MaterializeBenchmarks
{
    private const int Rows = 100_000;
    private const int BatchRows = 10_000;
    private const long UnixEpochTicks = 621_355_968_000_000_000L;
    private IReadOnlyList<RecordBatch> _batches = [];
    private ArrowSchema _schema = new([]);

    /// <summary>The row class the query returns.</summary>
    public sealed class Sale
    {
        public long Id { get; set; }
        public int Quantity { get; set; }
        public double Price { get; set; }
        public string Customer { get; set; } = "";
        public DateTime Created { get; set; }
        public decimal? Amount { get; set; }
    }

    [GlobalSetup]
    public void DecodeBatches()
    {
        // Decoded from real IPC bytes, as results arrive; decoding itself is ArrowDecodeBenchmarks' subject.
        _batches = new ArrowStreamReader(SalesResult.Stream(Rows, BatchRows, ["Id", "Quantity", "Price", "Customer", "Created", "Amount"])).ReadAllBatches();
        _schema = _batches[0].Schema;
        if (!HandWritten().Select(Describe).SequenceEqual(Materializer().Select(Describe)))
            throw new InvalidOperationException("The materializer and the hand-written loop disagree.");
    }

    private static string Describe(Sale s) => $"{s.Id}|{s.Quantity}|{s.Price}|{s.Customer}|{s.Created:O}|{s.Amount}";

    /// <summary>The ceiling: what one would write by hand for this one schema and class.</summary>
    [Benchmark(Baseline = true)]
    public List<Sale> HandWritten()
    {
        var results = new List<Sale>();
        foreach (var batch in _batches)
        {
            var ids = ((PrimitiveColumn<long>)batch.Column(0)).Values;
            var quantities = ((PrimitiveColumn<int>)batch.Column(1)).Values;
            var prices = ((PrimitiveColumn<double>)batch.Column(2)).Values;
            var customers = (StringColumn)batch.Column(3);
            var offsets = customers.Offsets;
            var text = customers.ValueData;
            var created = ((TimestampColumn)batch.Column(4)).Values;
            var amountColumn = (Decimal128Column)batch.Column(5);
            var amounts = MemoryMarshal.Cast<byte, Int128>(amountColumn.RawValues);
            var validity = amountColumn.ValidityBitmap;
            var scale = (byte)amountColumn.Scale;
            results.EnsureCapacity(results.Count + batch.Length);
            for (var i = 0; i < batch.Length; i++)
            {
                decimal? amount = null;
                if (validity.IsEmpty || (validity[i >> 3] & (1 << (i & 7))) != 0)
                {
                    var unscaled = amounts[i];
                    var negative = unscaled < 0;
                    var magnitude = (UInt128)(negative ? -unscaled : unscaled);
                    amount = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
                }
                results.Add(new Sale
                {
                    Id = ids[i],
                    Quantity = quantities[i],
                    Price = prices[i],
                    Customer = Encoding.UTF8.GetString(text[offsets[i]..offsets[i + 1]]),
                    Created = new DateTime(UnixEpochTicks + created[i] * 10, DateTimeKind.Utc),
                    Amount = amount,
                });
            }
        }
        return results;
    }

    /// <summary>A hand-written loop through the columns' per-row accessors instead of spans.</summary>
    [Benchmark]
    public List<Sale> HandWrittenByIndex()
    {
        var results = new List<Sale>();
        foreach (var batch in _batches)
        {
            var ids = (PrimitiveColumn<long>)batch.Column(0);
            var quantities = (PrimitiveColumn<int>)batch.Column(1);
            var prices = (PrimitiveColumn<double>)batch.Column(2);
            var customers = (StringColumn)batch.Column(3);
            var created = (TimestampColumn)batch.Column(4);
            var amounts = (Decimal128Column)batch.Column(5);
            results.EnsureCapacity(results.Count + batch.Length);
            for (var i = 0; i < batch.Length; i++)
            {
                results.Add(new Sale
                {
                    Id = ids.GetValue(i),
                    Quantity = quantities.GetValue(i),
                    Price = prices.GetValue(i),
                    Customer = Encoding.UTF8.GetString(customers.GetBytes(i)),
                    Created = new DateTime(UnixEpochTicks + created.GetValue(i) * 10, DateTimeKind.Utc),
                    Amount = amounts.GetNullableDecimal(i),
                });
            }
        }
        return results;
    }

    /// <summary>The compiled materializer (cache lookup included, as a query would do once per result).</summary>
    [Benchmark]
    public List<Sale> Materializer() => ArrowMaterializer<Sale>.For(_schema, ColumnNamingPolicy.AsIs).ReadAll(_batches);

    /// <summary>The same rows one at a time through the streaming row reader.</summary>
    [Benchmark]
    public long MaterializerRowByRow()
    {
        var materializer = ArrowMaterializer<Sale>.For(_schema, ColumnNamingPolicy.AsIs);
        long checksum = 0;
        foreach (var batch in _batches)
        {
            var read = materializer.BindRows(batch);
            for (var i = 0; i < batch.Length; i++)
                checksum += read(i).Quantity;
        }
        return checksum;
    }
}

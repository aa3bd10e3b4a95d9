using BenchmarkDotNet.Attributes;
using Spark.Connect.Arrow;

namespace Spark.Connect.Benchmarks;

/// <summary>
/// Decoding a Spark-like result stream (100k rows in 10k-row batches: int64, int32, double, utf8,
/// timestamp, nullable decimal) and touching every value, against a plain copy of the same bytes,
/// the physical floor. See docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class ArrowDecodeBenchmarks
{
    private const int Rows = 100_000;
    private const int BatchRows = 10_000;
    private byte[] _stream = [];
    private byte[] _copy = [];

    [GlobalSetup]
    public void WriteStream()
    {
        _stream = SalesResult.Stream(Rows, BatchRows, ["id", "quantity", "price", "name", "created", "amount"]);
        _copy = new byte[_stream.Length];
    }

    [Benchmark(Baseline = true)]
    public int CopyBytes()
    {
        _stream.AsSpan().CopyTo(_copy);
        return _copy[^1];
    }

    /// <summary>Decoding plus every value read through the zero-copy span views a materializer uses.</summary>
    [Benchmark]
    public long DecodeAndTouchEveryValue()
    {
        var reader = new ArrowStreamReader(_stream);
        long checksum = 0;
        while (reader.ReadNextBatch() is { } batch)
        {
            foreach (var id in ((PrimitiveColumn<long>)batch.Column(0)).Values)
                checksum += id;
            foreach (var quantity in ((PrimitiveColumn<int>)batch.Column(1)).Values)
                checksum += quantity;
            double prices = 0;
            foreach (var price in ((PrimitiveColumn<double>)batch.Column(2)).Values)
                prices += price;
            checksum += (long)prices;
            var offsets = ((StringColumn)batch.Column(3)).Offsets;
            for (var i = 0; i + 1 < offsets.Length; i++)
                checksum += offsets[i + 1] - offsets[i];
            foreach (var created in ((TimestampColumn)batch.Column(4)).Values)
                checksum ^= created;
            var amounts = (Decimal128Column)batch.Column(5);
            var validity = amounts.ValidityBitmap;
            var raw = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Int128>(amounts.RawValues);
            for (var i = 0; i < raw.Length; i++)
            {
                if (validity.IsEmpty || (validity[i >> 3] & (1 << (i & 7))) != 0)
                    checksum += (long)raw[i];
            }
        }
        return checksum;
    }

    /// <summary>The same work through the per-row accessors (IsNull, GetValue, GetBytes, GetUnscaled).</summary>
    [Benchmark]
    public long DecodeAndTouchEveryValueByIndex()
    {
        var reader = new ArrowStreamReader(_stream);
        long checksum = 0;
        while (reader.ReadNextBatch() is { } batch)
        {
            var ids = (PrimitiveColumn<long>)batch.Column(0);
            var quantities = (PrimitiveColumn<int>)batch.Column(1);
            var prices = (PrimitiveColumn<double>)batch.Column(2);
            var names = (StringColumn)batch.Column(3);
            var created = (TimestampColumn)batch.Column(4);
            var amounts = (Decimal128Column)batch.Column(5);
            for (var i = 0; i < batch.Length; i++)
            {
                checksum += ids.GetValue(i) + quantities.GetValue(i) + (long)prices.GetValue(i);
                checksum += names.GetBytes(i).Length;
                checksum ^= created.GetValue(i);
                if (!amounts.IsNull(i))
                    checksum += (long)amounts.GetUnscaled(i);
            }
        }
        return checksum;
    }

    /// <summary>Decoding and validating the batches without reading values.</summary>
    [Benchmark]
    public int DecodeOnly()
    {
        var reader = new ArrowStreamReader(_stream);
        var rows = 0;
        while (reader.ReadNextBatch() is { } batch)
            rows += batch.Length;
        return rows;
    }
}

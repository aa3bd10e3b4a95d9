using Spark.Connect.Arrow;

namespace Spark.Connect.Benchmarks;

/// <summary>
/// The result both the decode and the materialize benchmarks read: a deterministic Arrow IPC stream shaped
/// like a Spark sales query (int64, int32, double, utf8, timestamp µs UTC, nullable decimal(18,2) with 10% nulls).
/// </summary>
internal static class SalesResult
{
    /// <summary>
    /// <paramref name="rows"/> rows in batches of <paramref name="batchRows"/>, with columns named
    /// <paramref name="names"/> (id, quantity, price, customer, created, amount, in that order).
    /// </summary>
    public static byte[] Stream(int rows, int batchRows, IReadOnlyList<string> names)
    {
        var schema = new ArrowSchema([
            new ArrowField(names[0], ArrowType.Int64, nullable: false),
            new ArrowField(names[1], ArrowType.Int32, nullable: false),
            new ArrowField(names[2], ArrowType.Float64, nullable: false),
            new ArrowField(names[3], ArrowType.Utf8, nullable: false),
            new ArrowField(names[4], ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC"), nullable: false),
            new ArrowField(names[5], ArrowType.Decimal128(18, 2)),
        ]);
        var random = new Random(1);
        var builder = new RecordBatchBuilder(schema);
        var batches = new List<RecordBatch>();
        for (var row = 0; row < rows; row++)
        {
            builder.Column<PrimitiveBuilder<long>>(0).Append(row);
            builder.Column<PrimitiveBuilder<int>>(1).Append(random.Next(1000));
            builder.Column<PrimitiveBuilder<double>>(2).Append(random.NextDouble() * 100);
            builder.Column<Utf8Builder>(3).Append("customer-" + random.Next(1_000_000));
            builder.Column<TimestampBuilder>(4).Append(1_700_000_000_000_000L + row);
            if (random.Next(10) == 0)
                builder.Column<Decimal128Builder>(5).AppendNull();
            else
                builder.Column<Decimal128Builder>(5).AppendUnscaled(random.NextInt64(1_000_000_000));
            if ((row + 1) % batchRows == 0)
                batches.Add(builder.Build());
        }
        return ArrowStreamWriter.WriteToArray(schema, batches);
    }
}

using System.Text;
using Spark.Connect.Arrow;

namespace Spark.Connect.Tests.Arrow;

/// <summary>Deterministic random batches covering every type, built with our builders.</summary>
internal static class SampleStreams
{
    public static readonly ArrowField[] EveryTypeFields =
    [
        new("null", ArrowType.Null),
        new("bool", ArrowType.Boolean),
        new("int8", ArrowType.Int8), new("int16", ArrowType.Int16), new("int32", ArrowType.Int32), new("int64", ArrowType.Int64, nullable: false),
        new("uint8", ArrowType.UInt8), new("uint16", ArrowType.UInt16), new("uint32", ArrowType.UInt32), new("uint64", ArrowType.UInt64),
        new("float32", ArrowType.Float32), new("float64", ArrowType.Float64),
        new("decimal", ArrowType.Decimal128(38, 10)), new("money", ArrowType.Decimal128(12, 2)),
        new("utf8", ArrowType.Utf8), new("large_utf8", ArrowType.LargeUtf8),
        new("binary", ArrowType.Binary), new("large_binary", ArrowType.LargeBinary),
        new("date32", ArrowType.Date32), new("date64", ArrowType.Date64),
        new("ts_us_utc", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC")),
        new("ts_ns", ArrowType.Timestamp(ArrowTimeUnit.Nanosecond, null)),
        new("duration_us", ArrowType.Duration(ArrowTimeUnit.Microsecond)),
        new("ym", ArrowType.Interval(ArrowIntervalUnit.YearMonth)),
        new("dt", ArrowType.Interval(ArrowIntervalUnit.DayTime)),
        new("mdn", ArrowType.Interval(ArrowIntervalUnit.MonthDayNano)),
        new("time32_ms", ArrowType.Time32(ArrowTimeUnit.Millisecond)),
        new("time64_ns", ArrowType.Time64(ArrowTimeUnit.Nanosecond)),
        new("time64_us", ArrowType.Time64(ArrowTimeUnit.Microsecond), nullable: false),
        ArrowField.List("list", new ArrowField("item", ArrowType.Int32)),
        new("large_list", ArrowType.LargeList, true, [new ArrowField("item", ArrowType.Utf8)]),
        ArrowField.Struct("struct", [new ArrowField("a", ArrowType.Int64), ArrowField.List("b", new ArrowField("item", ArrowType.Boolean))]),
        ArrowField.Map("map", ArrowType.Utf8, new ArrowField("value", ArrowType.Float64), keysSorted: true),
    ];

    public static ArrowSchema EveryTypeSchema { get; } = new(EveryTypeFields);

    /// <summary>Batches of the given sizes with random values and about a quarter nulls.</summary>
    public static List<RecordBatch> Batches(ArrowSchema schema, int seed, params int[] sizes)
    {
        var random = new Random(seed);
        var builder = new RecordBatchBuilder(schema);
        var batches = new List<RecordBatch>();
        foreach (var size in sizes)
        {
            for (var row = 0; row < size; row++)
            {
                foreach (var column in builder.Columns)
                    AppendRandom(column, random);
            }
            batches.Add(builder.Build());
        }
        return batches;
    }

    /// <summary>A complete stream of the every-type schema with a few batches (one empty).</summary>
    public static byte[] EveryTypeStream(int seed = 1) =>
        ArrowStreamWriter.WriteToArray(EveryTypeSchema, Batches(EveryTypeSchema, seed, 9, 0, 17));

    public static void AppendRandom(ArrowColumnBuilder builder, Random random)
    {
        if (builder.Field.Nullable && random.Next(4) == 0 || builder is NullBuilder)
        {
            builder.AppendNull();
            return;
        }
        switch (builder)
        {
            case BooleanBuilder b: b.Append(random.Next(2) == 0); break;
            case Time32Builder t: t.Append(new TimeOnly(random.NextInt64(TimeOnly.MaxValue.Ticks))); break;
            case Time64Builder t: t.Append(new TimeOnly(random.NextInt64(TimeOnly.MaxValue.Ticks))); break;
            case PrimitiveBuilder<sbyte> p: p.Append((sbyte)random.Next()); break;
            case PrimitiveBuilder<short> p: p.Append((short)random.Next()); break;
            case PrimitiveBuilder<int> p: p.Append(random.Next(int.MinValue, int.MaxValue)); break;
            case PrimitiveBuilder<long> p: p.Append(random.NextInt64(long.MinValue, long.MaxValue)); break;
            case PrimitiveBuilder<byte> p: p.Append((byte)random.Next()); break;
            case PrimitiveBuilder<ushort> p: p.Append((ushort)random.Next()); break;
            case PrimitiveBuilder<uint> p: p.Append((uint)random.NextInt64()); break;
            case PrimitiveBuilder<ulong> p: p.Append((ulong)random.NextInt64(long.MinValue, long.MaxValue)); break;
            case PrimitiveBuilder<float> p: p.Append((float)(random.NextDouble() * 1e6 - 5e5)); break;
            case PrimitiveBuilder<double> p: p.Append(random.NextDouble() * 1e12 - 5e11); break;
            case PrimitiveBuilder<ArrowDayTimeInterval> p: p.Append(new ArrowDayTimeInterval(random.Next(), random.Next())); break;
            case PrimitiveBuilder<ArrowMonthDayNanoInterval> p:
                p.Append(new ArrowMonthDayNanoInterval(random.Next(), random.Next(), random.NextInt64()));
                break;
            case Decimal128Builder d:
                var limit = Int128.Parse(new string('9', d.Field.Type.Precision));
                var wide = ((Int128)random.NextInt64() << 64) | (ulong)random.NextInt64();
                d.AppendUnscaled(wide % (limit + 1));
                break;
            case Utf8Builder s: s.Append(RandomText(random)); break;
            case BinaryBuilder b:
                var bytes = new byte[random.Next(6)];
                random.NextBytes(bytes);
                b.Append(bytes);
                break;
            case ListBuilder l:
                l.Append();
                for (var i = random.Next(4); i > 0; i--)
                    AppendRandom(l.Values, random);
                break;
            case StructBuilder st:
                foreach (var child in st.Children)
                    AppendRandom(child, random);
                st.Append();
                break;
            case MapBuilder m:
                m.Append();
                for (var i = random.Next(4); i > 0; i--)
                {
                    AppendRandom(m.Keys, random);
                    AppendRandom(m.Items, random);
                }
                break;
            default: throw new NotSupportedException(builder.GetType().Name);
        }
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        string[] alphabet = ["a", "Q", " ", "é", "€", "😀", "\0"];
        for (var i = random.Next(7); i > 0; i--)
            text.Append(alphabet[random.Next(alphabet.Length)]);
        return text.ToString();
    }
}

using System.Buffers;
using Google.Protobuf;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Data;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;
using Spark.Connect.Local.Tests.Server;

namespace Spark.Connect.Local.Tests.Data;

public sealed class LocalRelationLoaderTests : LocalRelationTestBase
{
    [Test]
    public void Every_scalar_arrow_type_loads_with_its_values_and_nulls()
    {
        var micros = (new DateTime(2024, 5, 6, 7, 8, 9) - DateTime.UnixEpoch).Ticks / 10;
        var fields = new ArrowField[]
        {
            new("b", ArrowType.Boolean), new("i8", ArrowType.Int8), new("i16", ArrowType.Int16), new("i32", ArrowType.Int32),
            new("i64", ArrowType.Int64), new("f32", ArrowType.Float32), new("f64", ArrowType.Float64),
            new("dec", ArrowType.Decimal128(38, 4)), new("s", ArrowType.Utf8), new("bin", ArrowType.Binary), new("d", ArrowType.Date32),
            new("ts", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC")), new("ntz", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, null)),
            new("ms", ArrowType.Timestamp(ArrowTimeUnit.Millisecond, null)), new("dur", ArrowType.Duration(ArrowTimeUnit.Microsecond)),
        };
        var builder = new RecordBatchBuilder(new ArrowSchema(fields));
        builder.Column<BooleanBuilder>(0).Append(true);
        builder.Column<PrimitiveBuilder<sbyte>>(1).Append(-1);
        builder.Column<PrimitiveBuilder<short>>(2).Append(short.MinValue);
        builder.Column<PrimitiveBuilder<int>>(3).Append(int.MaxValue);
        builder.Column<PrimitiveBuilder<long>>(4).Append(long.MinValue);
        builder.Column<PrimitiveBuilder<float>>(5).Append(0.25f);
        builder.Column<PrimitiveBuilder<double>>(6).Append(double.MaxValue);
        builder.Column<Decimal128Builder>(7).Append(-12345.6789m);
        builder.Column<Utf8Builder>(8).Append("ünï\0code");
        builder.Column<BinaryBuilder>(9).Append([0, 1, 2]);
        builder.Column<Date32Builder>(10).Append(new DateOnly(1969, 7, 20));
        builder.Column<TimestampBuilder>(11).Append(micros);
        builder.Column<TimestampBuilder>(12).Append(micros);
        builder.Column<TimestampBuilder>(13).Append(micros / 1000);
        builder.Column<DurationBuilder>(14).Append(TimeSpan.FromSeconds(3));
        foreach (var column in builder.Columns)
            column.AppendNull();

        var table = Load(builder.Build());

        Assert.That(table.Schema.Fields.Select(f => f.Type), Is.EqualTo(new[]
        {
            ArrowType.Boolean, ArrowType.Int8, ArrowType.Int16, ArrowType.Int32, ArrowType.Int64, ArrowType.Float32, ArrowType.Float64,
            ArrowType.Decimal128(38, 4), ArrowType.Utf8, ArrowType.Binary, ArrowType.Date32,
            ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC"), ArrowType.Timestamp(ArrowTimeUnit.Microsecond, null),
            ArrowType.Timestamp(ArrowTimeUnit.Microsecond, null), ArrowType.Duration(ArrowTimeUnit.Microsecond),
        }));
        Assert.That(table.Rows[0], Is.EqualTo(new object?[]
        {
            true, (sbyte)-1, short.MinValue, int.MaxValue, long.MinValue, 0.25f, double.MaxValue, -12345.6789m, "ünï\0code",
            new byte[] { 0, 1, 2 }, new DateOnly(1969, 7, 20), micros, micros, micros, TimeSpan.FromSeconds(3),
        }));
        Assert.That(table.Rows[1], Is.All.Null);
    }

    [Test]
    public void Several_batches_load_in_order()
    {
        var schema = new ArrowSchema([new ArrowField("n", ArrowType.Int64)]);
        var batches = Enumerable.Range(0, 3).Select(b =>
        {
            var builder = new RecordBatchBuilder(schema);
            for (var i = 0; i < 1000; i++)
                builder.Column<PrimitiveBuilder<long>>(0).Append(b * 1000 + i);
            return builder.Build();
        });

        var table = Load(ArrowStreamWriter.WriteToArray(schema, batches));

        Assert.That(table.Rows.Select(r => (long)r[0]!), Is.EqualTo(Enumerable.Range(0, 3000).Select(i => (long)i)));
    }

    [TestCase(new byte[] { })]
    [TestCase(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x10, 0, 0, 0, 1, 2, 3 })]
    [TestCase(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    public void Corrupt_bytes_fail_with_a_typed_error(byte[] bytes)
    {
        var error = Assert.Throws<LocalEngineException>(() =>
            LocalRelationLoader.Load(Connection, "t", new LocalRelation { Data = ByteString.CopyFrom(bytes) }));
        Assert.That(error!.ErrorClass, Is.AnyOf("INVALID_LOCAL_RELATION", "UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public void A_truncated_stream_fails_with_a_typed_error_and_leaves_no_table()
    {
        var schema = new ArrowSchema([new ArrowField("s", ArrowType.Utf8)]);
        var builder = new RecordBatchBuilder(schema);
        builder.Column<Utf8Builder>(0).Append("hello world");
        var bytes = ArrowStreamWriter.WriteToArray(schema, [builder.Build()]);

        var error = Assert.Throws<LocalEngineException>(() =>
            LocalRelationLoader.Load(Connection, "t", new LocalRelation { Data = ByteString.CopyFrom(bytes.AsSpan(0, bytes.Length - 20)) }));

        Assert.That(error!.ErrorClass, Is.EqualTo("INVALID_LOCAL_RELATION"));
        Assert.Throws<DuckDbException>(() => Connection.Query("SELECT * FROM t").Dispose());
    }

    [Test]
    public void Unsupported_element_types_are_rejected_with_the_column_name()
    {
        var schema = new ArrowSchema([ArrowField.List("xs", new ArrowField("element", ArrowType.UInt32))]);
        var bytes = ArrowStreamWriter.WriteToArray(schema, [new RecordBatchBuilder(schema).Build()]);

        var error = Assert.Throws<LocalEngineException>(() => LocalRelationLoader.Load(Connection, "t", new LocalRelation { Data = ByteString.CopyFrom(bytes) }));

        Assert.That(error!.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.Message, Does.Contain("xs").And.Contain("uint32"));
    }
}

public sealed class SessionLocalRelationTests : LocalServerTestBase
{
    [Test]
    public async Task A_session_loads_local_data_into_its_own_temporary_table()
    {
        var owner = NewClient();
        var other = NewClient();
        await owner.GetAllConfigAsync();
        await other.GetAllConfigAsync();
        var session = Server.Service.Sessions.All.Single(s => s.Key.SessionId == owner.SessionId);
        var schema = new ArrowSchema([new ArrowField("v", ArrowType.Int32)]);
        var builder = new RecordBatchBuilder(schema);
        builder.Column<PrimitiveBuilder<int>>(0).Append(41);

        var table = session.LoadLocalRelation(new LocalRelation { Data = ByteString.CopyFrom(ArrowStreamWriter.WriteToArray(schema, [builder.Build()])) });

        Assert.That(await RowsAsync(owner, Table(table)), Is.EqualTo(new[] { new object?[] { 41 } }));
        var error = await Assert.ThrowsAsync<SparkException>(() => RowsAsync(other, Table(table)));
        Assert.That(error!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }
}

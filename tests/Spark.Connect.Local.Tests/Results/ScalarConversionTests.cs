using Spark.Connect.Arrow;

namespace Spark.Connect.Local.Tests.Results;

public class ScalarConversionTests : ArrowResultTestBase
{
    private const string AllScalarsTable = """
        CREATE TABLE t (
            id INTEGER, b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INTEGER, i64 BIGINT,
            u8 UTINYINT, u16 USMALLINT, u32 UINTEGER, u64 UBIGINT, h HUGEINT,
            f FLOAT, d DOUBLE, s VARCHAR, bl BLOB, dt DATE, ts TIMESTAMP, tz TIMESTAMPTZ, iv INTERVAL)
        """;

    [Test]
    public void Schema_uses_sparks_arrow_types_and_duckdb_column_names()
    {
        Connection.ExecuteNonQuery(AllScalarsTable);
        Connection.ExecuteNonQuery("ALTER TABLE t ADD COLUMN dec DECIMAL(9,3)");
        using var result = Connection.Query("SELECT * FROM t");
        var schema = Spark.Connect.Local.Results.DuckDbArrowConverter.SchemaFor(result);
        Assert.That(schema.Fields.Select(f => $"{f.Name}:{f.Type}"), Is.EqualTo(new[]
        {
            "id:int32", "b:boolean", "i8:int8", "i16:int16", "i32:int32", "i64:int64",
            "u8:int16", "u16:int32", "u32:int64", "u64:decimal128(20, 0)", "h:decimal128(38, 0)",
            "f:float32", "d:float64", "s:utf8", "bl:binary", "dt:date32", "ts:timestamp[us]",
            "tz:timestamp[us, UTC]", "iv:duration[us]", "dec:decimal128(9, 3)",
        }));
        Assert.That(schema.Fields.All(f => f.Nullable), Is.True);
    }

    [Test]
    public void Every_scalar_type_round_trips_with_a_row_of_nulls()
    {
        Connection.ExecuteNonQuery("SET TimeZone = 'UTC'");
        Connection.ExecuteNonQuery(AllScalarsTable);
        Connection.ExecuteNonQuery("""
            INSERT INTO t VALUES
            (1, true, -128, -32768, -2147483648, -9223372036854775808, 255, 65535, 4294967295,
             18446744073709551615, -99999999999999999999999999999999999999, 1.5, -2.25, 'short',
             '\x00\xFF'::BLOB, DATE '1969-07-20', TIMESTAMP '2024-02-29 12:34:56.789012',
             TIMESTAMPTZ '2024-01-01 00:00:00+02', INTERVAL '3 days 04:05:06.000007'),
            (2, false, 127, 32767, 2147483647, 9223372036854775807, 0, 0, 0, 0, 0, 0, 0,
             'a string longer than twelve bytes, ünïcödé', ''::BLOB, DATE '2100-01-01',
             TIMESTAMP '1900-01-01 00:00:00', TIMESTAMPTZ '1970-01-01 00:00:00+00', INTERVAL '-1 day'),
            (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
            """);
        var batch = ConvertOne("SELECT * FROM t ORDER BY id");
        Assert.That(batch.Length, Is.EqualTo(3));

        Assert.That(((BooleanColumn)batch.Column("b")).GetValue(0), Is.True);
        Assert.That(((BooleanColumn)batch.Column("b")).GetValue(1), Is.False);
        Assert.That(((PrimitiveColumn<sbyte>)batch.Column("i8")).Values[..2].ToArray(), Is.EqualTo(new sbyte[] { -128, 127 }));
        Assert.That(((PrimitiveColumn<short>)batch.Column("i16")).Values[..2].ToArray(), Is.EqualTo(new short[] { -32768, 32767 }));
        Assert.That(((PrimitiveColumn<int>)batch.Column("i32")).Values[..2].ToArray(), Is.EqualTo(new[] { int.MinValue, int.MaxValue }));
        Assert.That(((PrimitiveColumn<long>)batch.Column("i64")).Values[..2].ToArray(), Is.EqualTo(new[] { long.MinValue, long.MaxValue }));
        Assert.That(((PrimitiveColumn<short>)batch.Column("u8")).GetValue(0), Is.EqualTo(255));
        Assert.That(((PrimitiveColumn<int>)batch.Column("u16")).GetValue(0), Is.EqualTo(65535));
        Assert.That(((PrimitiveColumn<long>)batch.Column("u32")).GetValue(0), Is.EqualTo(uint.MaxValue));
        Assert.That(((Decimal128Column)batch.Column("u64")).GetUnscaled(0), Is.EqualTo((Int128)ulong.MaxValue));
        Assert.That(((Decimal128Column)batch.Column("h")).GetUnscaled(0),
            Is.EqualTo(-(Int128.Parse("100000000000000000000000000000000000000") - 1)));
        Assert.That(((PrimitiveColumn<float>)batch.Column("f")).GetValue(0), Is.EqualTo(1.5f));
        Assert.That(((PrimitiveColumn<double>)batch.Column("d")).GetValue(0), Is.EqualTo(-2.25));
        Assert.That(Str(batch.Column("s"), 0), Is.EqualTo("short"));
        Assert.That(Str(batch.Column("s"), 1), Is.EqualTo("a string longer than twelve bytes, ünïcödé"));
        Assert.That(((BinaryColumn)batch.Column("bl")).GetByteArray(0), Is.EqualTo(new byte[] { 0, 255 }));
        Assert.That(((BinaryColumn)batch.Column("bl")).GetByteArray(1), Is.Empty);
        Assert.That(((Date32Column)batch.Column("dt")).GetDate(0), Is.EqualTo(new DateOnly(1969, 7, 20)));
        Assert.That(((Date32Column)batch.Column("dt")).GetDate(1), Is.EqualTo(new DateOnly(2100, 1, 1)));
        Assert.That(Long(batch.Column("ts"), 0), Is.EqualTo(MicrosSinceEpoch(new DateTime(2024, 2, 29, 12, 34, 56)) + 789012));
        Assert.That(Long(batch.Column("ts"), 1), Is.EqualTo(MicrosSinceEpoch(new DateTime(1900, 1, 1))));
        Assert.That(Long(batch.Column("tz"), 0), Is.EqualTo(MicrosSinceEpoch(new DateTime(2023, 12, 31, 22, 0, 0))));
        Assert.That(Long(batch.Column("tz"), 1), Is.Zero);
        var intervals = (PrimitiveColumn<long>)batch.Column("iv");
        Assert.That(intervals.GetValue(0), Is.EqualTo(new TimeSpan(3, 4, 5, 6).Ticks / 10 + 7));
        Assert.That(intervals.GetValue(1), Is.EqualTo(-86_400_000_000L));

        foreach (var column in batch.Columns.Skip(1))
        {
            Assert.That(column.IsNull(2), Is.True, column.Field.Name);
            Assert.That(column.IsNull(0) || column.IsNull(1), Is.False, column.Field.Name);
        }
    }

    [Test]
    public void Decimals_of_every_storage_width_keep_their_unscaled_values()
    {
        var batch = ConvertOne("""
            SELECT * FROM (VALUES
              (1, -12.34::DECIMAL(4,2), 1234567.891::DECIMAL(10,3), -123456789012.345678::DECIMAL(18,6),
                  12345678901234567890123456.789012345678::DECIMAL(38,12)),
              (2, 0.01::DECIMAL(4,2), NULL, 0.000001::DECIMAL(18,6), -0.000000000001::DECIMAL(38,12))
            ) v(id, d4, d10, d18, d38) ORDER BY id
            """);
        Assert.That(batch.Schema.Fields.Skip(1).Select(f => f.Type.ToString()), Is.EqualTo(new[]
            { "decimal128(4, 2)", "decimal128(10, 3)", "decimal128(18, 6)", "decimal128(38, 12)" }));
        Int128 Unscaled(string name, int row) => ((Decimal128Column)batch.Column(name)).GetUnscaled(row);
        Assert.That(Unscaled("d4", 0), Is.EqualTo((Int128)(-1234)));
        Assert.That(Unscaled("d4", 1), Is.EqualTo((Int128)1));
        Assert.That(Unscaled("d10", 0), Is.EqualTo((Int128)1234567891));
        Assert.That(batch.Column("d10").IsNull(1), Is.True);
        Assert.That(Unscaled("d18", 0), Is.EqualTo((Int128)(-123456789012345678)));
        Assert.That(Unscaled("d18", 1), Is.EqualTo((Int128)1));
        Assert.That(Unscaled("d38", 0), Is.EqualTo(Int128.Parse("12345678901234567890123456789012345678")));
        Assert.That(Unscaled("d38", 1), Is.EqualTo((Int128)(-1)));
    }

    [Test]
    public void Timestamps_of_other_precisions_become_microseconds_flooring_nanoseconds()
    {
        var batch = ConvertOne("""
            SELECT TIMESTAMP_S '2001-02-03 04:05:06' AS s, TIMESTAMP_MS '2001-02-03 04:05:06.789' AS ms,
                   TIMESTAMP_NS '2001-02-03 04:05:06.123456789' AS ns, TIMESTAMP_NS '1969-12-31 23:59:59.999999999' AS pre
            """);
        var second = MicrosSinceEpoch(new DateTime(2001, 2, 3, 4, 5, 6));
        Assert.That(batch.Schema.Fields.Select(f => f.Type.ToString()), Is.All.EqualTo("timestamp[us]"));
        Assert.That(Long(batch.Column("s"), 0), Is.EqualTo(second));
        Assert.That(Long(batch.Column("ms"), 0), Is.EqualTo(second + 789_000));
        Assert.That(Long(batch.Column("ns"), 0), Is.EqualTo(second + 123_456));
        Assert.That(Long(batch.Column("pre"), 0), Is.EqualTo(-1));
    }
}

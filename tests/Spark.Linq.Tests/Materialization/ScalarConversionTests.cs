using Spark.Connect.Arrow;

namespace Spark.Linq.Tests.Materialization;

/// <summary>Every Arrow type into the CLR types it converts to, as single-column (scalar) results with nulls.</summary>
public class ScalarConversionTests
{
    private static RecordBatch Ints<T>(ArrowType type, params T?[] values) where T : unmanaged =>
        Batches.Single<PrimitiveBuilder<T>>(Batches.Field("v", type), b => { foreach (var v in values) b.Append(v); });

    [Test]
    public void Int8WidensToEveryWiderSignedIntegerDoubleAndDecimal()
    {
        var batch = Ints<sbyte>(ArrowType.Int8, -128, null, 127);
        Assert.That(Batches.Read<sbyte?>(batch), Is.EqualTo(new sbyte?[] { -128, null, 127 }));
        Assert.That(Batches.Read<short?>(batch), Is.EqualTo(new short?[] { -128, null, 127 }));
        Assert.That(Batches.Read<int?>(batch), Is.EqualTo(new int?[] { -128, null, 127 }));
        Assert.That(Batches.Read<long?>(batch), Is.EqualTo(new long?[] { -128, null, 127 }));
        Assert.That(Batches.Read<double?>(batch), Is.EqualTo(new double?[] { -128, null, 127 }));
        Assert.That(Batches.Read<decimal?>(batch), Is.EqualTo(new decimal?[] { -128, null, 127 }));
    }

    [Test]
    public void Int16AndInt32Widen()
    {
        Assert.That(Batches.Read<int>(Ints<short>(ArrowType.Int16, short.MinValue, short.MaxValue)), Is.EqualTo(new[] { -32768, 32767 }));
        Assert.That(Batches.Read<long>(Ints<int>(ArrowType.Int32, int.MinValue, int.MaxValue)), Is.EqualTo(new[] { (long)int.MinValue, int.MaxValue }));
        Assert.That(Batches.Read<decimal>(Ints<int>(ArrowType.Int32, 7)), Is.EqualTo(new[] { 7m }));
    }

    [Test]
    public void Int64ReadsAsLongDecimalAndDouble()
    {
        var batch = Ints<long>(ArrowType.Int64, long.MinValue, null, long.MaxValue);
        Assert.That(Batches.Read<long?>(batch), Is.EqualTo(new long?[] { long.MinValue, null, long.MaxValue }));
        Assert.That(Batches.Read<decimal?>(batch), Is.EqualTo(new decimal?[] { long.MinValue, null, long.MaxValue }));
        Assert.That(Batches.Read<double?>(batch)[2], Is.EqualTo((double)long.MaxValue));
    }

    [Test]
    public void UnsignedIntegersWidenOnlyToTypesHoldingEveryValue()
    {
        var batch = Ints<byte>(ArrowType.UInt8, 255);
        Assert.That(Batches.Read<byte>(batch), Is.EqualTo(new byte[] { 255 }));
        Assert.That(Batches.Read<short>(batch), Is.EqualTo(new short[] { 255 }));
        Assert.That(Batches.Read<uint>(batch), Is.EqualTo(new uint[] { 255 }));
        Assert.Throws<SparkMaterializationException>(() => Batches.Read<sbyte>(batch));
        Assert.That(Batches.Read<ulong>(Ints<ulong>(ArrowType.UInt64, ulong.MaxValue)), Is.EqualTo(new[] { ulong.MaxValue }));
    }

    [Test]
    public void NarrowingIntegersIsCheckedPerValue()
    {
        // Spark's count(1) is a bigint read into an int, and Spark has no unsigned types, so byte/ushort/uint
        // members arrive one size wider: narrowing binds, and a value that doesn't fit names its column and row.
        Assert.That(Batches.Read<int>(Ints<long>(ArrowType.Int64, 1, -7)), Is.EqualTo(new[] { 1, -7 }));
        Assert.That(Batches.Read<byte>(Ints<short>(ArrowType.Int16, 0, 255)), Is.EqualTo(new byte[] { 0, 255 }));
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<int>(Ints<long>(ArrowType.Int64, 1, 1L << 40)));
        Assert.That(e!.Message, Does.Contain("'v'").And.Contain("row 1").And.Contain("1099511627776"));
        Assert.Throws<SparkMaterializationException>(() => Batches.Read<uint>(Ints<long>(ArrowType.Int64, -1)));
    }

    [Test]
    public void UlongMembersReadFromSparksDecimal20()
    {
        var batch = Batches.Single<Decimal128Builder>(Batches.Field("v", ArrowType.Decimal128(20, 0)), b => { b.Append((decimal)ulong.MaxValue); b.Append(0m); });
        Assert.That(Batches.Read<ulong>(batch), Is.EqualTo(new[] { ulong.MaxValue, 0UL }));
    }

    [Test]
    public void FloatsReadAsFloatAndDouble()
    {
        var floats = Ints<float>(ArrowType.Float32, 1.5f, null);
        Assert.That(Batches.Read<float?>(floats), Is.EqualTo(new float?[] { 1.5f, null }));
        Assert.That(Batches.Read<double?>(floats), Is.EqualTo(new double?[] { 1.5, null }));
        Assert.That(Batches.Read<double>(Ints<double>(ArrowType.Float64, double.NaN, -0.25)), Is.EqualTo(new[] { double.NaN, -0.25 }));
        Assert.Throws<SparkMaterializationException>(() => Batches.Read<float>(Ints<double>(ArrowType.Float64, 1)));
    }

    [Test]
    public void BooleansWithNulls()
    {
        var batch = Batches.Single<BooleanBuilder>(Batches.Field("b", ArrowType.Boolean), b => { b.Append(true); b.AppendNull(); b.Append(false); });
        Assert.That(Batches.Read<bool?>(batch), Is.EqualTo(new bool?[] { true, null, false }));
    }

    [Test]
    public void DecimalsAreExactAtEveryScale()
    {
        var batch = Batches.Single<Decimal128Builder>(Batches.Field("d", ArrowType.Decimal128(38, 10)), b =>
        {
            b.Append(-12345.0000000001m);
            b.AppendNull();
            b.Append(0m);
            b.Append(7922816251426433759.3543950335m);
        });
        Assert.That(Batches.Read<decimal?>(batch), Is.EqualTo(new decimal?[] { -12345.0000000001m, null, 0m, 7922816251426433759.3543950335m }));
        var wide = Batches.Single<Decimal128Builder>(Batches.Field("d", ArrowType.Decimal128(38, 0)), b => b.AppendUnscaled(Int128.Parse("79228162514264337593543950335")));
        Assert.That(Batches.Read<decimal>(wide), Is.EqualTo(new[] { decimal.MaxValue }));
    }

    [Test]
    public void DecimalsWithMoreThan28FractionalDigitsDropExactTrailingZeros()
    {
        var batch = Batches.Single<Decimal128Builder>(Batches.Field("d", ArrowType.Decimal128(38, 30)), b => b.AppendUnscaled(Int128.Parse("1500000000000000000000000000000")));
        Assert.That(Batches.Read<decimal>(batch), Is.EqualTo(new[] { 1.5m }));
    }

    [Test]
    public void NegativeScaleDecimalsMultiplyOutOrNameTheColumn()
    {
        // Spark's legacy negative-scale decimals: 1234 at scale -2 is 123400.
        var batch = Batches.Single<Decimal128Builder>(Batches.Field("d", ArrowType.Decimal128(4, -2)), b =>
        {
            b.AppendUnscaled(1234);
            b.AppendNull();
            b.AppendUnscaled(-5);
        });
        Assert.That(Batches.Read<decimal?>(batch), Is.EqualTo(new decimal?[] { 123400m, null, -500m }));
        var huge = Batches.Single<Decimal128Builder>(Batches.Field("huge", ArrowType.Decimal128(38, -38)), b => b.AppendUnscaled(1));
        Assert.That(() => Batches.Read<decimal>(huge),
            Throws.TypeOf<SparkMaterializationException>().With.Message.Contains("'huge'").And.Message.Contains("1e38"));
    }

    [Test]
    public void SparkTimeReadsAsTimeOnlyOrTimeSpan()
    {
        var noon = new TimeOnly(12, 0, 0, 1, 2);
        var batch = Batches.Single<Time64Builder>(Batches.Field("t", ArrowType.Time64(ArrowTimeUnit.Nanosecond)), b =>
        {
            b.Append(noon);
            b.AppendNull();
            b.Append(new TimeOnly(23, 59, 59, 999, 999));
        });
        Assert.That(Batches.Read<TimeOnly?>(batch), Is.EqualTo(new TimeOnly?[] { noon, null, new TimeOnly(23, 59, 59, 999, 999) }));
        Assert.That(Batches.Read<TimeSpan?>(batch), Is.EqualTo(new TimeSpan?[] { noon.ToTimeSpan(), null, new TimeOnly(23, 59, 59, 999, 999).ToTimeSpan() }));
        Assert.That(() => Batches.Read<TimeOnly>(batch), Throws.TypeOf<SparkMaterializationException>().With.Message.Contains("null at row 1"));
        Assert.That(() => Batches.Read<DateTime>(batch), Throws.TypeOf<SparkMaterializationException>().With.Message.Contains("time64[ns]"));
        var seconds = Batches.Single<Time32Builder>(Batches.Field("s", ArrowType.Time32(ArrowTimeUnit.Second)), b => b.Append(new TimeOnly(1, 2, 3, 456)));
        Assert.That(Batches.Read<TimeOnly>(seconds), Is.EqualTo(new[] { new TimeOnly(1, 2, 3) }));
    }

    [Test]
    public void StringsCharsGuidsAndLargeUtf8()
    {
        var guid = Guid.NewGuid();
        var batch = Batches.Single<Utf8Builder>(Batches.Field("s", ArrowType.Utf8), b => { b.Append("héllo"); b.Append((string?)null); b.Append(""); });
        Assert.That(Batches.Read<string?>(batch), Is.EqualTo(new[] { "héllo", null, "" }));
        var large = Batches.Single<Utf8Builder>(Batches.Field("s", ArrowType.LargeUtf8), b => { b.Append("x"); b.Append((string?)null); });
        Assert.That(Batches.Read<string?>(large), Is.EqualTo(new[] { "x", null }));
        Assert.That(Batches.Read<char?>(large), Is.EqualTo(new char?[] { 'x', null }));
        var guids = Batches.Single<Utf8Builder>(Batches.Field("g", ArrowType.Utf8), b => { b.Append(guid.ToString()); b.Append((string?)null); });
        Assert.That(Batches.Read<Guid?>(guids), Is.EqualTo(new Guid?[] { guid, null }));
    }

    [Test]
    public void BinaryReadsAsByteArrays()
    {
        foreach (var type in new[] { ArrowType.Binary, ArrowType.LargeBinary })
        {
            var batch = Batches.Single<BinaryBuilder>(Batches.Field("b", type), b => { b.Append([1, 2, 3]); b.AppendNull(); b.Append([]); });
            Assert.That(Batches.Read<byte[]?>(batch), Is.EqualTo(new[] { new byte[] { 1, 2, 3 }, null, Array.Empty<byte>() }));
        }
    }

    [Test]
    public void TimestampsWithZoneAreUtcInstants()
    {
        var instant = new DateTimeOffset(2024, 2, 29, 13, 45, 10, TimeSpan.Zero).AddTicks(1234560);
        var batch = Batches.Single<TimestampBuilder>(Batches.Field("t", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC")), b => { b.Append(instant); b.AppendNull(); });
        var dates = Batches.Read<DateTime?>(batch);
        Assert.That(dates, Is.EqualTo(new DateTime?[] { instant.UtcDateTime, null }));
        Assert.That(dates[0]!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
        var offsets = Batches.Read<DateTimeOffset?>(batch);
        Assert.That(offsets[0], Is.EqualTo(instant));
        Assert.That(offsets[0]!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void TimestampsWithoutZoneAreUnspecifiedWallClockAndRefuseDateTimeOffset()
    {
        var batch = Batches.Single<TimestampBuilder>(Batches.Field("t", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, null)), b => b.Append(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        var value = Batches.Read<DateTime>(batch).Single();
        Assert.That(value, Is.EqualTo(new DateTime(2020, 1, 2, 3, 4, 5)));
        Assert.That(value.Kind, Is.EqualTo(DateTimeKind.Unspecified));
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<DateTimeOffset>(batch));
        Assert.That(e!.Message, Does.Contain("timestamp[us]").And.Contain("DateTimeOffset"));
    }

    [TestCase(ArrowTimeUnit.Second)]
    [TestCase(ArrowTimeUnit.Millisecond)]
    [TestCase(ArrowTimeUnit.Nanosecond)]
    public void OtherTimestampUnits(ArrowTimeUnit unit)
    {
        var instant = new DateTimeOffset(1969, 7, 20, 20, 17, 40, TimeSpan.Zero);
        var batch = Batches.Single<TimestampBuilder>(Batches.Field("t", ArrowType.Timestamp(unit, "UTC")), b => b.Append(instant));
        Assert.That(Batches.Read<DateTime>(batch), Is.EqualTo(new[] { instant.UtcDateTime }));
    }

    [Test]
    public void DatesReadAsDateOnlyAndDateTime()
    {
        var batch = Batches.Single<Date32Builder>(Batches.Field("d", ArrowType.Date32), b => { b.Append(new DateOnly(1900, 3, 1)); b.AppendNull(); });
        Assert.That(Batches.Read<DateOnly?>(batch), Is.EqualTo(new DateOnly?[] { new DateOnly(1900, 3, 1), null }));
        Assert.That(Batches.Read<DateTime?>(batch), Is.EqualTo(new DateTime?[] { new DateTime(1900, 3, 1), null }));
        var date64 = Ints<long>(ArrowType.Date64, 86_400_000L * 365);
        Assert.That(Batches.Read<DateOnly>(date64), Is.EqualTo(new[] { new DateOnly(1971, 1, 1) }));
    }

    [Test]
    public void DurationsReadAsTimeSpan()
    {
        var batch = Batches.Single<DurationBuilder>(Batches.Field("d", ArrowType.Duration(ArrowTimeUnit.Microsecond)), b => { b.Append(TimeSpan.FromHours(-26.5)); b.AppendNull(); });
        Assert.That(Batches.Read<TimeSpan?>(batch), Is.EqualTo(new TimeSpan?[] { TimeSpan.FromHours(-26.5), null }));
    }

    [Test]
    public void NullTypedColumnsReadAsNullForNullableTargets()
    {
        var batch = Batches.Single<NullBuilder>(Batches.Field("n", ArrowType.Null), b => { b.AppendNull(); b.AppendNull(); });
        Assert.That(Batches.Read<int?>(batch), Is.EqualTo(new int?[] { null, null }));
        Assert.That(Batches.Read<string?>(batch), Is.EqualTo(new string?[] { null, null }));
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<int>(batch));
        Assert.That(e!.Row, Is.EqualTo(0));
    }
}

using NUnit.Framework;
using Spark.Connect.Arrow;
using Spark.Connect.Arrow.FlatBuffers;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// Every parameter a schema declares is checked when the schema is read, so no later conversion runs on an
/// absurd value: the error is <see cref="ArrowFormatException"/> naming the field.
/// </summary>
[TestFixture]
public sealed class ArrowSchemaRangeTests
{
    private const byte TypeDecimal = 7;

    [Test]
    public void A_hostile_decimal_scale_is_refused_when_the_schema_is_read()
    {
        // The 8 KB stream of issue 12: 500 zero decimals under a scale of -1.9e9. Converting them once cost a loop
        // per unit of scale (seconds of CPU); now the schema is refused before a value is looked at.
        var stream = DecimalStream(38, -1_900_000_000, rows: 500);
        Assert.That(stream, Has.Length.GreaterThan(8000));

        Assert.That(() => new ArrowStreamReader(stream), Throws.TypeOf<ArrowFormatException>()
            .With.Message.Contains("'price'").And.Message.Contains("decimal(38, -1900000000)").And.Message.Contains("scale"));
    }

    [TestCase(0, 0, "precision 0")]
    [TestCase(39, 2, "precision 39")]
    [TestCase(-5, 0, "precision -5")]
    [TestCase(10, 11, "decimal(10, 11)")]
    [TestCase(38, -39, "decimal(38, -39)")]
    [TestCase(38, int.MinValue, "scale must be")]
    [TestCase(5, int.MaxValue, "scale must be")]
    public void Decimal_precision_and_scale_outside_the_allowed_ranges_are_refused(int precision, int scale, string problem)
    {
        Assert.That(() => new ArrowStreamReader(DecimalStream(precision, scale, rows: 1)),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("'price'").And.Message.Contains(problem));
    }

    [TestCase(1, 0)]
    [TestCase(38, 38)]
    [TestCase(38, -38)]
    [TestCase(4, -2)]
    public void Decimal_parameters_at_the_edges_are_accepted(int precision, int scale)
    {
        var reader = new ArrowStreamReader(DecimalStream(precision, scale, rows: 3));
        Assert.That(reader.Schema.Fields[0].Type, Is.EqualTo(ArrowType.Decimal128(precision, scale)));
        var column = (Decimal128Column)reader.ReadNextBatch()!.Columns[0];
        Assert.That(column.GetUnscaled(2), Is.EqualTo((Int128)0));
    }

    [Test]
    public void Negative_scales_convert_in_bounded_steps()
    {
        var reader = new ArrowStreamReader(DecimalStream(4, -2, rows: 3, unscaled: 1234));
        var column = (Decimal128Column)reader.ReadNextBatch()!.Columns[0];
        Assert.That(column.GetDecimal(0), Is.EqualTo(123400m));

        var deepest = (Decimal128Column)new ArrowStreamReader(DecimalStream(38, -38, rows: 1, unscaled: 1)).ReadNextBatch()!.Columns[0];
        Assert.That(() => deepest.GetDecimal(0), Throws.TypeOf<OverflowException>().With.Message.Contains("1e38"));
        var zero = (Decimal128Column)new ArrowStreamReader(DecimalStream(38, -38, rows: 1, unscaled: 0)).ReadNextBatch()!.Columns[0];
        Assert.That(zero.GetDecimal(0), Is.EqualTo(0m));
    }

    [Test]
    public void The_type_factory_applies_the_same_ranges()
    {
        Assert.That(() => ArrowType.Decimal128(38, -39), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => ArrowType.Decimal128(0, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => ArrowType.Decimal128(9, 10), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(ArrowType.Decimal128(38, -38).Scale, Is.EqualTo(-38));
    }

    [Test]
    public void Decimal256_is_refused_by_name()
    {
        var type = new FlatBufferObject().Add(0, 40).Add(1, 2).Add(2, 256);
        var stream = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("wide", TypeDecimal, type)));
        Assert.That(() => new ArrowStreamReader(stream),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("'wide'").And.Message.Contains("decimal bit width 256"));
    }

    [TestCase((byte)10, (short)4, "time unit 4")]
    [TestCase((byte)10, (short)-1, "time unit -1")]
    [TestCase((byte)18, (short)7, "time unit 7")]
    [TestCase((byte)8, (short)2, "date unit 2")]
    [TestCase((byte)11, (short)3, "interval unit 3")]
    [TestCase((byte)3, (short)0, "half-precision float")]
    [TestCase((byte)3, (short)9, "floating point precision 9")]
    public void Unit_and_precision_fields_outside_their_enumerations_are_refused(byte typeId, short unit, string problem)
    {
        var type = new FlatBufferObject().Add(0, unit);
        var stream = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("t", typeId, type)));
        Assert.That(() => new ArrowStreamReader(stream), Throws.TypeOf<ArrowFormatException>().With.Message.Contains("'t'").And.Message.Contains(problem));
    }

    [TestCase(0)]
    [TestCase(7)]
    [TestCase(128)]
    [TestCase(-64)]
    public void Integer_bit_widths_other_than_8_to_64_are_refused(int bits)
    {
        var stream = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("i", 2, RawMessages.Int(bits))));
        Assert.That(() => new ArrowStreamReader(stream),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("'i'").And.Message.Contains($"integer bit width {bits}"));
    }

    /// <summary>A stream of one decimal column 'price' declared with the given parameters, every value <paramref name="unscaled"/>.</summary>
    internal static byte[] DecimalStream(int precision, int scale, int rows, long unscaled = 0)
    {
        var type = new FlatBufferObject().Add(0, precision).Add(1, scale).Add(2, 128);
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("price", TypeDecimal, type)));
        var body = new byte[rows * 16];
        for (var i = 0; i < rows; i++)
        {
            BitConverter.GetBytes(unscaled).CopyTo(body, i * 16);
            BitConverter.GetBytes(unscaled < 0 ? -1L : 0L).CopyTo(body, i * 16 + 8);
        }
        var batch = RawMessages.Frame(RawMessages.RecordBatch, RawMessages.Batch(rows, [(rows, 0)], [(0, 0), (0, body.Length)]), body);
        return RawMessages.Concat(schema, batch);
    }
}

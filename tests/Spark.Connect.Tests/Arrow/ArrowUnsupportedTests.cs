using NUnit.Framework;
using Spark.Connect.Arrow;
using Spark.Connect.Arrow.FlatBuffers;

namespace Spark.Connect.Tests.Arrow;

/// <summary>Features outside this reader's scope are refused with a message naming them.</summary>
[TestFixture]
public sealed class ArrowUnsupportedTests
{
    [Test]
    public void Dictionary_kinds_other_than_dense_are_named()
    {
        var field = RawMessages.Field("city", 5).Add(4, new FlatBufferObject().Add(0, 0L).Add(1, RawMessages.Int(32)).Add(3, (short)1));
        Assert.That(() => new ArrowStreamReader(RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(field))),
            Throws.TypeOf<ArrowFormatException>().With.Message.EqualTo("Arrow field 'city' uses dictionary kind 1, which is not supported."));
    }

    [Test]
    public void Dictionary_batches_for_ids_no_field_uses_are_refused()
    {
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("x", 6)));
        var dictionary = RawMessages.Frame(RawMessages.DictionaryBatch, new FlatBufferObject().Add(0, 0L));
        Assert.That(() => new ArrowStreamReader(RawMessages.Concat(schema, dictionary)).ReadNextBatch(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("DictionaryBatch has id 0, which no field of the schema uses"));
    }

    [TestCase((byte)2, (byte)0, "codec #2")]
    [TestCase((byte)255, (byte)0, "codec #255")]
    [TestCase((byte)0, (byte)1, "method #1 (LZ4_FRAME)")]
    [TestCase((byte)1, (byte)9, "method #9 (ZSTD)")]
    public void Unknown_compression_codecs_and_methods_are_named(byte codec, byte method, string expected)
    {
        var stream = ArrowCompressionTests.CompressedInt64Stream(codec, [(0, 0), (0, 16)], new byte[16], method);
        Assert.That(() => new ArrowStreamReader(stream).ReadNextBatch(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains(expected));
    }

    [TestCase((byte)14, null, "type Union")]
    [TestCase((byte)9, "time32ns", "32-bit time in Nanoseconds")]
    [TestCase((byte)9, "time64s", "64-bit time in Seconds")]
    [TestCase((byte)15, null, "type FixedSizeBinary")]
    [TestCase((byte)24, null, "type Utf8View")]
    [TestCase((byte)200, null, "type #200")]
    [TestCase((byte)3, "half", "half-precision float")]
    [TestCase((byte)7, "decimal256", "decimal bit width 256")]
    [TestCase((byte)2, "int24", "integer bit width 24")]
    public void Unknown_and_unsupported_types_are_named(byte typeId, string? variant, string expected)
    {
        var type = variant switch
        {
            "half" => new FlatBufferObject().Add(0, (short)0),
            "decimal256" => new FlatBufferObject().Add(0, 40).Add(1, 2).Add(2, 256),
            "int24" => RawMessages.Int(24),
            "time32ns" => new FlatBufferObject().Add(0, (short)3).Add(1, 32),
            "time64s" => new FlatBufferObject().Add(0, (short)0).Add(1, 64),
            _ => new FlatBufferObject(),
        };
        var stream = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("col", typeId, type)));
        Assert.That(() => new ArrowStreamReader(stream),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains(expected).And.Message.Contains("'col'"));
    }

    [Test]
    public void Big_endian_streams_are_refused()
    {
        var schema = RawMessages.SchemaTable(RawMessages.Field("x", 6)).Add(0, (short)1);
        Assert.That(() => new ArrowStreamReader(RawMessages.Frame(RawMessages.Schema, schema)),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("Big-endian"));
    }
}

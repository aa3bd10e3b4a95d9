using NUnit.Framework;
using Spark.Connect.Arrow;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// Record batch bodies compressed with LZ4_FRAME or ZSTD (method BUFFER) read back to the values that
/// were written, for every column type family, with compressed, raw (-1) and empty buffers all present.
/// </summary>
[TestFixture]
public sealed class ArrowCompressionTests
{
    private static readonly ArrowCompressionCodec[] Codecs = [ArrowCompressionCodec.Lz4Frame, ArrowCompressionCodec.Zstd];

    /// <summary>One schema per column type family of the every-type sample, each tested alone.</summary>
    private static IEnumerable<TestCaseData> FamiliesAndCodecs() =>
        from codec in Codecs
        from field in SampleStreams.EveryTypeFields
        select new TestCaseData(codec, field.Name).SetName($"Compressed_round_trip({codec}, {field.Name})");

    [TestCaseSource(nameof(FamiliesAndCodecs))]
    public void Compressed_round_trip(ArrowCompressionCodec codec, string fieldName)
    {
        var schema = new ArrowSchema([SampleStreams.EveryTypeFields.Single(f => f.Name == fieldName)]);
        var batches = MixedBatches(schema);
        var stream = ArrowStreamWriter.WriteToArray(schema, batches, codec);

        var reader = new ArrowStreamReader(stream);
        var read = reader.ReadAllBatches();

        var differences = CanonicalJson.Differences(
            CanonicalJson.Describe(schema, batches), CanonicalJson.Describe(reader.Schema, read), fieldName).Take(10).ToList();
        Assert.That(differences, Is.Empty, string.Join("\n", differences));
        Assert.That(read.Select(b => b.Length), Is.EqualTo(batches.Select(b => b.Length)));
        var layout = CompressedLayout.Of(stream);
        Assert.That(layout.CompressedBatches, Is.EqualTo(batches.Count), "every batch declares its body compression");
        // The null type has no buffers at all; every other type's empty batch stores empty buffers.
        Assert.That(layout.Empty, schema.Fields[0].Type.Id == ArrowTypeId.Null ? Is.Zero : Is.GreaterThan(0));
    }

    [TestCaseSource(nameof(Codecs))]
    public void Every_type_in_one_stream_uses_compressed_raw_and_empty_buffers(ArrowCompressionCodec codec)
    {
        var schema = SampleStreams.EveryTypeSchema;
        var batches = MixedBatches(schema);
        var stream = ArrowStreamWriter.WriteToArray(schema, batches, codec);
        var plain = ArrowStreamWriter.WriteToArray(schema, batches);

        var read = new ArrowStreamReader(stream).ReadAllBatches();

        var differences = CanonicalJson.Differences(
            CanonicalJson.Describe(schema, new ArrowStreamReader(plain).ReadAllBatches()), CanonicalJson.Describe(schema, read), "$").Take(10).ToList();
        Assert.That(differences, Is.Empty, string.Join("\n", differences));
        var layout = CompressedLayout.Of(stream);
        Assert.That(layout.Compressed, Is.GreaterThan(0), $"{layout}");
        Assert.That(layout.Raw, Is.GreaterThan(0), $"{layout}");
        Assert.That(layout.Empty, Is.GreaterThan(0), $"{layout}");
        Assert.That(stream.Length, Is.LessThan(plain.Length / 2), "repetitive batches shrink");
    }

    [Test]
    public void The_writer_leaves_bodies_uncompressed_by_default()
    {
        var schema = SampleStreams.EveryTypeSchema;
        var layout = CompressedLayout.Of(ArrowStreamWriter.WriteToArray(schema, MixedBatches(schema)));
        Assert.That((layout.Batches, layout.CompressedBatches), Is.EqualTo((4, 0)));
    }

    [TestCase((byte)0)]
    [TestCase((byte)1)]
    public void Raw_and_length_only_empty_buffers_from_other_writers_are_read(byte codec)
    {
        // Java's writer stores an empty buffer as the 8-byte length 0 alone; any writer may store -1 and raw bytes.
        var body = new byte[32];
        BitConverter.GetBytes(0L).CopyTo(body, 0);
        BitConverter.GetBytes(-1L).CopyTo(body, 8);
        BitConverter.GetBytes(-7L).CopyTo(body, 16);
        var stream = CompressedInt64Stream(codec, [(0, 8), (8, 16)], body);

        var column = (PrimitiveColumn<long>)new ArrowStreamReader(stream).ReadNextBatch()!.Column(0);

        Assert.That(column.Values.ToArray(), Is.EqualTo(new[] { -7L }));
        Assert.That(column.NullCount, Is.Zero);
    }

    [Test]
    public void The_writer_refuses_an_unknown_codec() =>
        Assert.That(() => new ArrowStreamWriter(new MemoryStream(), SampleStreams.EveryTypeSchema, (ArrowCompressionCodec)7),
            Throws.TypeOf<ArgumentOutOfRangeException>());

    /// <summary>A schema with one int64 column "x" and one batch of one row whose body is compressed with <paramref name="codec"/>.</summary>
    internal static byte[] CompressedInt64Stream(byte codec, (long Offset, long Length)[] buffers, byte[] body, byte method = 0)
    {
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("x", 2, RawMessages.Int(64))));
        var header = RawMessages.Batch(1, [(1, 0)], buffers)
            .Add(3, new Spark.Connect.Arrow.FlatBuffers.FlatBufferObject().Add(0, codec).Add(1, method));
        return RawMessages.Concat(schema, RawMessages.Frame(RawMessages.RecordBatch, header, body));
    }

    /// <summary>Random batches (mostly incompressible), an empty one, and one of identical rows (very compressible).</summary>
    internal static List<RecordBatch> MixedBatches(ArrowSchema schema)
    {
        var batches = SampleStreams.Batches(schema, 11, 40, 0, 3);
        var builder = new RecordBatchBuilder(schema);
        for (var row = 0; row < 600; row++)
        {
            var random = new Random(row % 3 == 0 ? 5 : 6);
            foreach (var column in builder.Columns)
                SampleStreams.AppendRandom(column, random);
        }
        batches.Add(builder.Build());
        return batches;
    }
}

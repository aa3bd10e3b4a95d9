using System.Buffers;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Spark.Connect.Arrow;

namespace Spark.Connect.Tests.Arrow;

[TestFixture]
public sealed class ArrowRoundTripTests
{
    [Test]
    public void Every_type_survives_write_then_read_with_nulls_and_empty_batches()
    {
        var batches = SampleStreams.Batches(SampleStreams.EveryTypeSchema, 42, 50, 0, 1, 200);
        var reader = new ArrowStreamReader(ArrowStreamWriter.WriteToArray(SampleStreams.EveryTypeSchema, batches));

        Assert.That(CanonicalJson.Describe(reader.Schema, []).ToJsonString(),
            Is.EqualTo(CanonicalJson.Describe(SampleStreams.EveryTypeSchema, []).ToJsonString()));
        var read = reader.ReadAllBatches();
        Assert.That(read.Select(b => b.Length), Is.EqualTo(new[] { 50, 0, 1, 200 }));
        var expected = CanonicalJson.Describe(SampleStreams.EveryTypeSchema, batches);
        var actual = CanonicalJson.Describe(reader.Schema, read);
        var differences = CanonicalJson.Differences(expected, actual, "$").Take(10).ToList();
        Assert.That(differences, Is.Empty, string.Join("\n", differences));
        Assert.That(read.Sum(b => b.Columns.Sum(c => c.NullCount)), Is.GreaterThan(100), "the sample should contain nulls");
    }

    [Test]
    public void Fixed_width_values_are_views_of_the_received_bytes()
    {
        var bytes = SampleStreams.EveryTypeStream();
        var batch = new ArrowStreamReader(bytes).ReadNextBatch()!;
        var int64 = (PrimitiveColumn<long>)batch.Column("int64");

        Assert.That(bytes.AsSpan().Overlaps(MemoryMarshal.AsBytes(int64.Values)), Is.True);
        Assert.That(int64.Values.Length, Is.EqualTo(batch.Length));
    }

    [Test]
    public void Misaligned_input_is_read_correctly()
    {
        var bytes = SampleStreams.EveryTypeStream();
        var shifted = new byte[bytes.Length + 3];
        bytes.CopyTo(shifted, 3);
        var aligned = new ArrowStreamReader(bytes).ReadAllBatches();
        var misaligned = new ArrowStreamReader(shifted.AsMemory(3)).ReadAllBatches();

        Assert.That(CanonicalJson.Describe(SampleStreams.EveryTypeSchema, misaligned).ToJsonString(),
            Is.EqualTo(CanonicalJson.Describe(SampleStreams.EveryTypeSchema, aligned).ToJsonString()));
        var longs = ((PrimitiveColumn<long>)misaligned[0].Column("int64")).Values;
        Assert.That(longs.ToArray(), Is.EqualTo(((PrimitiveColumn<long>)aligned[0].Column("int64")).Values.ToArray()));
    }

    [Test]
    public void Legacy_streams_without_continuation_markers_are_read()
    {
        var modern = SampleStreams.EveryTypeStream();
        var legacy = StripContinuationMarkers(modern);
        Assert.That(legacy.Length, Is.LessThan(modern.Length));

        Assert.That(CanonicalJson.Describe(SampleStreams.EveryTypeSchema, new ArrowStreamReader(legacy).ReadAllBatches()).ToJsonString(),
            Is.EqualTo(CanonicalJson.Describe(SampleStreams.EveryTypeSchema, new ArrowStreamReader(modern).ReadAllBatches()).ToJsonString()));
    }

    [Test]
    public void A_stream_without_batches_or_end_marker_has_a_schema_and_no_batches()
    {
        var schema = new ArrowSchema([new ArrowField("x", ArrowType.Int64)]);
        var stream = ArrowStreamWriter.WriteToArray(schema, []);
        var withoutEnd = stream.AsMemory(0, stream.Length - 8);

        foreach (var bytes in new[] { stream.AsMemory(), withoutEnd })
        {
            var reader = new ArrowStreamReader(bytes);
            Assert.That(reader.Schema.Fields.Single().Type, Is.EqualTo(ArrowType.Int64));
            Assert.That(reader.ReadNextBatch(), Is.Null);
            Assert.That(reader.ReadNextBatch(), Is.Null);
        }
    }

    [Test]
    public void Writer_pads_every_message_to_eight_bytes_and_ends_with_the_marker()
    {
        var stream = SampleStreams.EveryTypeStream();
        Assert.That(stream.Length % 8, Is.EqualTo(0));
        Assert.That(stream.AsSpan(stream.Length - 8).ToArray(), Is.EqualTo(new byte[] { 255, 255, 255, 255, 0, 0, 0, 0 }));
        var position = 0;
        var messages = 0;
        while (BitConverter.ToInt32(stream, position + 4) is var metadata and > 0)
        {
            Assert.That(BitConverter.ToInt32(stream, position), Is.EqualTo(-1));
            Assert.That(metadata % 8, Is.EqualTo(0));
            var body = ReadBodyLength(stream, position);
            position += 8 + metadata + (int)body;
            messages++;
        }
        Assert.That(messages, Is.EqualTo(4), "schema and three batches");
        Assert.That(position, Is.EqualTo(stream.Length - 8));
    }

    [Test]
    public void Writer_accepts_a_buffer_writer_and_a_stream_alike()
    {
        var batches = SampleStreams.Batches(SampleStreams.EveryTypeSchema, 3, 5);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new ArrowStreamWriter(buffer, SampleStreams.EveryTypeSchema))
            writer.WriteBatch(batches[0]);
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, SampleStreams.EveryTypeSchema))
            writer.WriteBatch(batches[0]);

        Assert.That(stream.ToArray(), Is.EqualTo(buffer.WrittenSpan.ToArray()));
    }

    [Test]
    public void Writer_rejects_a_batch_of_another_schema()
    {
        var other = new ArrowSchema([new ArrowField("x", ArrowType.Int32)]);
        var batch = new RecordBatchBuilder(other).Build();
        using var writer = new ArrowStreamWriter(new MemoryStream(), SampleStreams.EveryTypeSchema);

        Assert.That(() => writer.WriteBatch(batch), Throws.ArgumentException.With.Message.Contains("differs"));
    }

    private static long ReadBodyLength(byte[] stream, int position)
    {
        // Re-read through the reader's own FlatBuffer access to locate Message.bodyLength (slot 3).
        var metadata = stream.AsMemory(position + 8, BitConverter.ToInt32(stream, position + 4));
        return Spark.Connect.Arrow.FlatBuffers.FlatBufferTable.Root(metadata, "Message").GetLong(3);
    }

    private static byte[] StripContinuationMarkers(byte[] stream)
    {
        var output = new MemoryStream();
        var position = 0;
        while (position < stream.Length)
        {
            var metadata = BitConverter.ToInt32(stream, position + 4);
            output.Write(stream, position + 4, 4);
            if (metadata == 0)
                break;
            var body = ReadBodyLength(stream, position);
            output.Write(stream, position + 8, metadata + (int)body);
            position += 8 + metadata + (int)body;
        }
        return output.ToArray();
    }
}

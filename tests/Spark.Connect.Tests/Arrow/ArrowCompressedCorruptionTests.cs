using System.Buffers;
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;
using NUnit.Framework;
using Spark.Connect.Arrow;
using ZstdSharp;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// Hostile and damaged compressed bodies: the reader decodes consistent columns or raises
/// <see cref="ArrowFormatException"/> naming the column, buffer and codec, and what it allocates stays bounded
/// whatever uncompressed lengths the stream declares.
/// </summary>
[TestFixture]
public sealed class ArrowCompressedCorruptionTests
{
    /// <summary>More than a decode of these small streams needs, far less than any hostile length below.</summary>
    private const long AllocationBound = 64L << 20;

    private static readonly ArrowCompressionCodec[] Codecs = [ArrowCompressionCodec.Lz4Frame, ArrowCompressionCodec.Zstd];

    private static byte[] Sample(ArrowCompressionCodec codec) => ArrowStreamWriter.WriteToArray(
        SampleStreams.EveryTypeSchema, ArrowCompressionTests.MixedBatches(SampleStreams.EveryTypeSchema), codec);

    [TestCaseSource(nameof(Codecs))]
    public void Every_truncation_of_a_compressed_stream_fails_cleanly(ArrowCompressionCodec codec)
    {
        var sample = Sample(codec);
        var unexpected = new List<string>();
        long worst = 0;
        for (var n = 0; n < sample.Length; n++)
        {
            var (outcome, allocated) = Measured(sample.AsMemory(0, n));
            worst = Math.Max(worst, allocated);
            if (outcome.Unexpected is not null)
                unexpected.Add($"prefix {n}: {outcome.Unexpected}");
        }
        Assert.That(unexpected, Is.Empty, string.Join("\n", unexpected.Take(5)));
        Assert.That(worst, Is.LessThan(AllocationBound));
    }

    [TestCaseSource(nameof(Codecs))]
    public void Thousands_of_seeded_mutations_of_compressed_streams_fail_cleanly(ArrowCompressionCodec codec)
    {
        var sample = Sample(codec);
        // Aim at metadata, at every buffer's length prefix and at the frame header that follows it.
        var targets = ArrowCorruptionTests.MetadataRanges(sample)
            .Concat(CompressedLayout.Of(sample).Stored.Select(p => (p.Start, Math.Min(p.Length, 24)))).ToList();
        var unexpected = new List<string>();
        int rejected = 0;
        long worst = 0;
        const int cases = 3000;
        for (var seed = 0; seed < cases; seed++)
        {
            var bytes = (byte[])sample.Clone();
            var description = ArrowCorruptionTests.Mutate(bytes, new Random(seed), targets);
            var (outcome, allocated) = Measured(bytes);
            worst = Math.Max(worst, allocated);
            if (outcome.Unexpected is not null)
                unexpected.Add($"seed {seed} ({description}): {outcome.Unexpected}");
            rejected += outcome.Rejected ? 1 : 0;
        }
        Assert.That(unexpected, Is.Empty, string.Join("\n", unexpected.Take(10)));
        Assert.That(rejected, Is.GreaterThan(cases / 3), "most mutations should be detected");
        Assert.That(worst, Is.LessThan(AllocationBound));
    }

    [Test]
    public void Hostile_uncompressed_lengths_are_refused_before_allocating(
        [ValueSource(nameof(Codecs))] ArrowCompressionCodec codec,
        [Values(long.MaxValue, long.MinValue, -2L, 1L << 40, 2_147_483_592L)] long declared)
    {
        var stream = Int64Stream(codec, 512, Prefixed(declared, Frame(codec, new byte[4096])));

        var (outcome, allocated) = Measured(stream);

        Assert.That(outcome.Rejected, Is.True, outcome.Unexpected);
        Assert.That(outcome.Message, Does.Contain("uncompressed length").And.Contain("'x'").And.Contain(Name(codec)));
        Assert.That(allocated, Is.LessThan(1L << 20));
    }

    [TestCaseSource(nameof(Codecs))]
    public void Declared_lengths_must_match_what_the_frame_holds(ArrowCompressionCodec codec)
    {
        var frame = Frame(codec, new byte[4096]);
        Assert.That(Decode(Int64Stream(codec, 512, Prefixed(4096, frame))).Rejected, Is.False, "the exact length decodes");

        Assert.That(Decode(Int64Stream(codec, 512, Prefixed(4095, frame))).Message, Does.Contain("holds more"));
        Assert.That(Decode(Int64Stream(codec, 512, Prefixed(4097, frame))).Message, Does.Contain("holds only 4096"));
        var (claimsHuge, allocated) = Measured(Int64Stream(codec, 512, Prefixed(1L << 30, frame)));
        Assert.That(claimsHuge.Message, Does.Contain("holds only 4096"));
        Assert.That(allocated, Is.LessThan(AllocationBound), "output grows with what the frame produces, not with the claim");
    }

    [TestCaseSource(nameof(Codecs))]
    public void A_frame_that_inflates_far_beyond_its_length_is_cut_off(ArrowCompressionCodec codec)
    {
        var bomb = Frame(codec, new byte[256 << 20]);
        Assert.That(bomb.Length, Is.LessThan(2 << 20), "the frame is small");

        var (outcome, allocated) = Measured(Int64Stream(codec, 512, Prefixed(4096, bomb)));

        Assert.That(outcome.Message, Does.Contain("holds more").And.Contain("buffer 1").And.Contain(Name(codec)));
        Assert.That(allocated, Is.LessThan(AllocationBound));
    }

    [TestCaseSource(nameof(Codecs))]
    public void A_batch_declaring_more_than_a_body_can_hold_is_refused_up_front(ArrowCompressionCodec codec)
    {
        var half = Prefixed(1_500_000_000L, Frame(codec, new byte[8]));
        var body = half.Concat(new byte[(8 - half.Length % 8) % 8]).ToArray();
        var stream = ArrowCompressionTests.CompressedInt64Stream(
            codec == ArrowCompressionCodec.Lz4Frame ? (byte)0 : (byte)1, [(0, half.Length), (0, half.Length)], body);

        var (outcome, allocated) = Measured(stream);

        Assert.That(outcome.Message, Does.Contain("declares more than 2147483647 uncompressed bytes").And.Contain(Name(codec)));
        Assert.That(allocated, Is.LessThan(1L << 20));
    }

    [Test]
    public void Damaged_frames_and_short_buffers_are_named(
        [ValueSource(nameof(Codecs))] ArrowCompressionCodec codec, [Values("garbage", "short", "cut")] string damage)
    {
        var frame = Frame(codec, Enumerable.Range(0, 4096).Select(i => (byte)(i % 7)).ToArray());
        var stored = damage switch
        {
            "garbage" => Prefixed(4096, Enumerable.Range(0, 64).Select(i => (byte)(i * 37 + 11)).ToArray()),
            "short" => [1, 2, 3, 4, 5],
            _ => Prefixed(4096, frame[..(frame.Length / 2)]),
        };

        var outcome = Decode(Int64Stream(codec, 512, stored));

        Assert.That(outcome.Rejected, Is.True, outcome.Unexpected);
        Assert.That(outcome.Message, Does.Contain("buffer 1 of column 'x'").And.Contain(Name(codec)));
    }

    private static string Name(ArrowCompressionCodec codec) => codec == ArrowCompressionCodec.Lz4Frame ? "LZ4_FRAME" : "ZSTD";

    /// <summary>One frame made by the codec libraries directly, independent of our writer.</summary>
    private static byte[] Frame(ArrowCompressionCodec codec, byte[] data)
    {
        if (codec == ArrowCompressionCodec.Zstd)
        {
            using var compressor = new Compressor(3);
            return compressor.Wrap(data).ToArray();
        }
        var output = new ArrayBufferWriter<byte>();
        LZ4Frame.Encode(data.AsSpan(), output, LZ4Level.L00_FAST);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] Prefixed(long declared, byte[] payload) => BitConverter.GetBytes(declared).Concat(payload).ToArray();

    /// <summary>One non-null int64 column 'x' of <paramref name="rows"/> rows whose value buffer is stored as given.</summary>
    private static byte[] Int64Stream(ArrowCompressionCodec codec, long rows, byte[] stored)
    {
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("x", 2, RawMessages.Int(64))));
        var header = RawMessages.Batch(rows, [(rows, 0)], [(0, 0), (0, stored.Length)])
            .Add(3, new Spark.Connect.Arrow.FlatBuffers.FlatBufferObject().Add(0, codec == ArrowCompressionCodec.Lz4Frame ? (byte)0 : (byte)1).Add(1, (byte)0));
        var body = stored.Concat(new byte[(8 - stored.Length % 8) % 8]).ToArray();
        return RawMessages.Concat(schema, RawMessages.Frame(RawMessages.RecordBatch, header, body));
    }

    private sealed record Result(bool Rejected, string? Unexpected, string Message);

    private static Result Decode(ReadOnlyMemory<byte> bytes) => Measured(bytes).Outcome;

    private static (Result Outcome, long Allocated) Measured(ReadOnlyMemory<byte> bytes)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Result result;
        try
        {
            var reader = new ArrowStreamReader(bytes);
            while (reader.ReadNextBatch() is { } batch)
            {
                foreach (var column in batch.Columns)
                    CanonicalJson.Render(column);
            }
            result = new Result(false, null, "");
        }
        catch (ArrowFormatException e)
        {
            result = new Result(true, null, e.Message);
        }
        catch (Exception e)
        {
            result = new Result(false, e.ToString(), "");
        }
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

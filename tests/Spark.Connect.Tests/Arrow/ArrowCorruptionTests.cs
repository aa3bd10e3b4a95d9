using NUnit.Framework;
using Spark.Connect.Arrow;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// Hostile and damaged streams: whatever the bytes, the reader either decodes consistent columns or
/// raises <see cref="ArrowFormatException"/>; nothing else may escape.
/// </summary>
[TestFixture]
public sealed class ArrowCorruptionTests
{
    private static readonly byte[] Sample = ArrowStreamWriter.WriteToArray(
        SampleStreams.EveryTypeSchema, SampleStreams.Batches(SampleStreams.EveryTypeSchema, 5, 3, 0, 4));

    [Test]
    public void Every_truncation_of_a_multi_type_stream_fails_cleanly()
    {
        var outcomes = Enumerable.Range(0, Sample.Length).Select(n => Decode(Sample.AsMemory(0, n))).ToList();

        Assert.That(outcomes.Where(o => o.Unexpected is not null).Select(o => o.Unexpected), Is.Empty);
        Assert.That(outcomes.Count(o => o.Rejected), Is.GreaterThan(Sample.Length * 9 / 10),
            "only prefixes ending at a message boundary are valid streams");
    }

    [Test]
    public void Thousands_of_seeded_mutations_fail_cleanly()
    {
        var metadataRanges = MetadataRanges(Sample);
        var unexpected = new List<string>();
        var rejected = 0;
        const int cases = 4000;
        for (var seed = 0; seed < cases; seed++)
        {
            var random = new Random(seed);
            var bytes = (byte[])Sample.Clone();
            var description = Mutate(bytes, random, metadataRanges);
            var outcome = Decode(bytes);
            if (outcome.Unexpected is not null)
                unexpected.Add($"seed {seed} ({description}): {outcome.Unexpected}");
            rejected += outcome.Rejected ? 1 : 0;
        }

        Assert.That(unexpected, Is.Empty, string.Join("\n", unexpected.Take(10)));
        Assert.That(rejected, Is.GreaterThan(cases / 3), "most mutations should be detected");
    }

    [TestCase(int.MaxValue)]
    [TestCase(-2)]
    [TestCase(int.MinValue)]
    [TestCase(3)]
    public void Impossible_metadata_lengths_are_rejected(int length)
    {
        var bytes = (byte[])Sample.Clone();
        BitConverter.GetBytes(length).CopyTo(bytes, 4);
        Assert.That(() => new ArrowStreamReader(bytes), Throws.TypeOf<ArrowFormatException>());
    }

    [TestCase(-1L)]
    [TestCase(long.MaxValue)]
    [TestCase(1L << 40)]
    public void Impossible_body_lengths_are_rejected(long bodyLength)
    {
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("x", 2, RawMessages.Int(64))));
        var batch = RawMessages.Frame(RawMessages.RecordBatch, RawMessages.Batch(1, [(1, 0)], [(0, 0), (0, 8)]), new byte[8], bodyLength);
        var reader = new ArrowStreamReader(RawMessages.Concat(schema, batch));
        Assert.That(() => reader.ReadNextBatch(), Throws.TypeOf<ArrowFormatException>().With.Message.Contains("body length"));
    }

    [TestCase(1, 1, 0, 0L, 17L, "lies outside")]
    [TestCase(1, 1, 0, -8L, 8L, "lies outside")]
    [TestCase(1, 1, 0, long.MaxValue, 8L, "lies outside")]
    [TestCase(2, 2, 0, 0L, 8L, "needed")]
    [TestCase(1, 1, 2, 0L, 8L, "null count")]
    [TestCase(1, -1, 0, 0L, 8L, "invalid length")]
    [TestCase(1, 3_000_000_000L, 0, 0L, 8L, "invalid length")]
    [TestCase(1, 2, 0, 0L, 16L, "has 2 values but its record batch has 1 rows")]
    [TestCase(-1, 1, 0, 0L, 8L, "out of range")]
    [TestCase(3_000_000_000L, 1, 0, 0L, 8L, "out of range")]
    public void Field_nodes_and_buffers_must_fit_the_body(long batchRows, long rows, long nulls, long offset, long length, string problem)
    {
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("x", 2, RawMessages.Int(64))));
        var batch = RawMessages.Frame(RawMessages.RecordBatch, RawMessages.Batch(batchRows, [(rows, nulls)], [(0, 0), (offset, length)]), new byte[16]);
        var reader = new ArrowStreamReader(RawMessages.Concat(schema, batch));
        Assert.That(() => reader.ReadNextBatch(), Throws.TypeOf<ArrowFormatException>().With.Message.Contains(problem));
    }

    [TestCase(new[] { 0, 2, 1 }, "smaller than")]
    [TestCase(new[] { -1, 0, 1 }, "negative")]
    [TestCase(new[] { 0, 1, 99 }, "beyond")]
    public void String_offsets_must_be_monotonic_and_within_the_data(int[] offsets, string problem)
    {
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("s", 5)));
        var body = new byte[16];
        Buffer.BlockCopy(offsets, 0, body, 0, 12);
        var batch = RawMessages.Frame(RawMessages.RecordBatch, RawMessages.Batch(2, [(2, 0)], [(0, 0), (0, 12), (12, 4)]), body);
        var reader = new ArrowStreamReader(RawMessages.Concat(schema, batch));
        Assert.That(() => reader.ReadNextBatch(), Throws.TypeOf<ArrowFormatException>().With.Message.Contains(problem));
    }

    [Test]
    public void Node_and_buffer_counts_must_match_the_schema()
    {
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("x", 2, RawMessages.Int(32))));
        var extra = RawMessages.Frame(RawMessages.RecordBatch, RawMessages.Batch(1, [(1, 0), (1, 0)], [(0, 0), (0, 8)]), new byte[8]);
        var missing = RawMessages.Frame(RawMessages.RecordBatch, RawMessages.Batch(1, [(1, 0)], [(0, 0)]), new byte[8]);

        Assert.That(() => new ArrowStreamReader(RawMessages.Concat(schema, extra)).ReadNextBatch(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("2 field nodes"));
        Assert.That(() => new ArrowStreamReader(RawMessages.Concat(schema, missing)).ReadNextBatch(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("too few buffers"));
    }

    [Test]
    public void Every_union_type_id_either_decodes_or_is_rejected()
    {
        for (var typeId = 0; typeId < 256; typeId++)
        {
            var stream = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("x", (byte)typeId)));
            var outcome = Decode(stream);
            Assert.That(outcome.Unexpected, Is.Null, $"type id {typeId}");
        }
    }

    [Test]
    public void Lists_with_the_wrong_number_of_children_are_rejected()
    {
        var none = RawMessages.Field("l", 12);
        var two = RawMessages.Field("l", 12, null, RawMessages.Field("a", 6), RawMessages.Field("b", 6));
        foreach (var field in new[] { none, two })
        {
            Assert.That(() => new ArrowStreamReader(RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(field))),
                Throws.TypeOf<ArrowFormatException>().With.Message.Contains("exactly one child"));
        }
    }

    [Test]
    public void Nesting_deeper_than_the_limit_is_rejected()
    {
        var field = new ArrowField("leaf", ArrowType.Int32);
        for (var i = 0; i < 100; i++)
            field = ArrowField.List("l" + i, field);
        var stream = ArrowStreamWriter.WriteToArray(new ArrowSchema([field]), []);

        Assert.That(() => new ArrowStreamReader(stream), Throws.TypeOf<ArrowFormatException>().With.Message.Contains("deeper"));
    }

    [TestCase(1_000, 100_000, "strings shared")]
    [TestCase(100_001, 1, "more than 100000 fields")]
    public void Shared_flatbuffer_tables_cannot_amplify_the_schema(int fields, int nameLength, string problem)
    {
        var small = new ArrowStreamReader(SharedFieldSchema(3, 5)).Schema;
        Assert.That(small.Fields.Select(f => (f.Name, f.Type)), Is.EqualTo(Enumerable.Repeat(("aaaaa", ArrowType.Null), 3)),
            "the hand-laid layout is valid when small");

        var stream = SharedFieldSchema(fields, nameLength);
        Assert.That(() => new ArrowStreamReader(stream), Throws.TypeOf<ArrowFormatException>().With.Message.Contains(problem));
    }

    [Test]
    public void Wrong_message_kinds_are_rejected()
    {
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(RawMessages.Field("x", 6)));
        var batchFirst = RawMessages.Frame(RawMessages.RecordBatch, RawMessages.Batch(0, [(0, 0)], [(0, 0), (0, 0)]));

        Assert.That(() => new ArrowStreamReader(batchFirst), Throws.TypeOf<ArrowFormatException>().With.Message.Contains("instead of a Schema"));
        Assert.That(() => new ArrowStreamReader(RawMessages.Concat(schema, schema)).ReadNextBatch(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("second Schema"));
        Assert.That(() => new ArrowStreamReader(RawMessages.Concat(schema, RawMessages.Frame(RawMessages.Tensor, new()))).ReadNextBatch(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("Tensor"));
        Assert.That(() => new ArrowStreamReader(RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(), version: 1)),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("version"));
        Assert.That(() => new ArrowStreamReader(ReadOnlyMemory<byte>.Empty), Throws.TypeOf<ArrowFormatException>());
    }

    /// <summary>
    /// A hand-laid Schema message whose field vector points <paramref name="fields"/> times at one
    /// Field table, whose name is <paramref name="nameLength"/> bytes long.
    /// </summary>
    private static byte[] SharedFieldSchema(int fields, int nameLength)
    {
        var fieldVtable = 60 + 4 * fields;
        var fieldTable = fieldVtable + 12;
        var name = fieldTable + 12;
        var metadata = new byte[(name + 4 + nameLength + 1 + 7) / 8 * 8];
        var w = new BinaryWriter(new MemoryStream(metadata));
        void At(int position) => w.Seek(position, SeekOrigin.Begin);
        w.Write(16u);                                                  // root: message table
        At(4); w.Write((ushort)12); w.Write((ushort)24); w.Write((ushort)4); w.Write((ushort)6); w.Write((ushort)8); w.Write((ushort)16);
        At(16); w.Write(12); w.Write((short)4); w.Write((byte)1); w.Write((byte)0); w.Write((uint)(48 - 24)); w.Write(0); w.Write(0L);
        At(40); w.Write((ushort)8); w.Write((ushort)8); w.Write((ushort)0); w.Write((ushort)4);
        At(48); w.Write(8); w.Write((uint)(56 - 52));                   // schema: fields vector
        At(56); w.Write((uint)fields);
        for (var i = 0; i < fields; i++)
            w.Write((uint)(fieldTable - (60 + 4 * i)));
        At(fieldVtable); w.Write((ushort)10); w.Write((ushort)12); w.Write((ushort)4); w.Write((ushort)0); w.Write((ushort)8);
        At(fieldTable); w.Write(12); w.Write((uint)(name - (fieldTable + 4))); w.Write((byte)1);
        At(name); w.Write((uint)nameLength); w.Write(Enumerable.Repeat((byte)'a', nameLength).ToArray());
        return RawMessages.Concat(BitConverter.GetBytes(-1), BitConverter.GetBytes(metadata.Length), metadata);
    }

    internal sealed record Outcome(bool Rejected, string? Unexpected);

    /// <summary>Reads everything and touches every value; classifies what happened.</summary>
    internal static Outcome Decode(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var reader = new ArrowStreamReader(bytes);
            while (reader.ReadNextBatch() is { } batch)
            {
                foreach (var column in batch.Columns)
                    CanonicalJson.Render(column);
            }
            return new Outcome(false, null);
        }
        catch (ArrowFormatException e)
        {
            Assert.That(e.Message, Is.Not.Empty);
            return new Outcome(true, null);
        }
        catch (Exception e)
        {
            return new Outcome(false, $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
    }

    internal static string Mutate(byte[] bytes, Random random, List<(int Start, int Length)> metadata)
    {
        int Position(int width)
        {
            if (random.Next(10) < 7)
            {
                var (start, length) = metadata[random.Next(metadata.Count)];
                return Math.Min(start + random.Next(length), bytes.Length - width) & ~(width - 1);
            }
            return random.Next(bytes.Length - width) & ~(width - 1);
        }
        int[] hostileInts = [0, 1, -1, 4, 8, int.MaxValue, int.MinValue, 0xFFFF, 0x7FFF, bytes.Length, -bytes.Length];
        long[] hostileLongs = [0, -1, 1, long.MaxValue, long.MinValue, 1L << 31, 1L << 40, bytes.Length];
        var kind = random.Next(4);
        var at = Position(kind switch { 2 => 4, 3 => 8, _ => 1 });
        switch (kind)
        {
            case 0: bytes[at] ^= (byte)(1 << random.Next(8)); return $"bit flip at {at}";
            case 1: bytes[at] = (byte)random.Next(256); return $"random byte at {at}";
            case 2: BitConverter.GetBytes(hostileInts[random.Next(hostileInts.Length)]).CopyTo(bytes, at); return $"int32 at {at}";
            default: BitConverter.GetBytes(hostileLongs[random.Next(hostileLongs.Length)]).CopyTo(bytes, at); return $"int64 at {at}";
        }
    }

    internal static List<(int Start, int Length)> MetadataRanges(byte[] stream)
    {
        var ranges = new List<(int, int)>();
        var position = 0;
        while (BitConverter.ToInt32(stream, position + 4) is var length and > 0)
        {
            ranges.Add((position, length + 8));
            var metadata = stream.AsMemory(position + 8, length);
            var body = Spark.Connect.Arrow.FlatBuffers.FlatBufferTable.Root(metadata, "Message").GetLong(3);
            position += 8 + length + (int)body;
        }
        return ranges;
    }
}

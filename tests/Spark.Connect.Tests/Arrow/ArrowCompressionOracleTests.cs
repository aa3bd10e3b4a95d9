using System.Text.Json.Nodes;
using K4os.Compression.LZ4.Streams;
using NUnit.Framework;
using Spark.Connect.Arrow;
using Spark.Testing;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// Compressed bodies against apache-arrow (JS) with independent codecs (lz4js, fzstd): we read the
/// LZ4_FRAME streams apache-arrow writes, and apache-arrow reads our LZ4_FRAME and ZSTD streams. fzstd
/// cannot compress, so no ZSTD stream comes from the JS side.
/// </summary>
[TestFixture]
public sealed class ArrowCompressionOracleTests
{
    private string _root = "";
    private string _jsStreams = "";
    private JsonObject _expected = null!;

    [OneTimeSetUp]
    public void WriteJsStreams()
    {
        _root = Path.Combine(Path.GetTempPath(), "arrow-oracle-compressed-" + Guid.NewGuid().ToString("N"));
        _jsStreams = Directory.CreateDirectory(Path.Combine(_root, "js-lz4")).FullName;
        NodeOracle.Run("write", _jsStreams, "lz4");
        _expected = JsonNode.Parse(File.ReadAllText(Path.Combine(_jsStreams, "expected.json")))!.AsObject();
    }

    [OneTimeTearDown]
    public void DeleteStreams() => Directory.Delete(_root, recursive: true);

    /// <summary>
    /// apache-arrow 21.2.0's writer stores each compressed buffer's compressed size where the format puts the
    /// uncompressed length (its reader ignores the field). We refuse such a stream, as Arrow C++ does; once the
    /// lengths are put right (measured with K4os, independent of lz4js that made the frames) we read its values.
    /// </summary>
    [Test]
    public void Our_reader_decodes_the_lz4_streams_apache_arrow_wrote_once_their_lengths_are_corrected()
    {
        var failures = new List<string>();
        var compressed = 0;
        foreach (var (name, want) in _expected)
        {
            var bytes = File.ReadAllBytes(Path.Combine(_jsStreams, name + ".arrows"));
            var layout = CompressedLayout.Of(bytes);
            Assert.That(layout.CompressedBatches, Is.EqualTo(layout.Batches), name);
            compressed += layout.Compressed;
            if (layout.Compressed > 0)
            {
                Assert.That(() => new ArrowStreamReader(bytes).ReadAllBatches(),
                    Throws.TypeOf<ArrowFormatException>().With.Message.Contains("LZ4_FRAME data holds more"), name);
                CorrectLengths(bytes, layout);
            }
            var reader = new ArrowStreamReader(bytes);
            failures.AddRange(CanonicalJson.Differences(want, CanonicalJson.Describe(reader.Schema, reader.ReadAllBatches()), name).Take(5));
        }
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(compressed, Is.GreaterThan(0), "some buffers were really compressed (not only stored raw)");
        Assert.That(_expected.Count, Is.GreaterThanOrEqualTo(49));
    }

    [TestCase(ArrowCompressionCodec.Lz4Frame)]
    [TestCase(ArrowCompressionCodec.Zstd)]
    public void Apache_arrow_reads_what_our_compressing_writer_wrote(ArrowCompressionCodec codec)
    {
        var ours = Directory.CreateDirectory(Path.Combine(_root, "ours-" + codec)).FullName;
        var compressed = 0;
        // Our writer writes plain columns only: dictionary-encoded cases are checked in the read direction.
        var plain = _expected.Where(p => !CanonicalJson.HasDictionary(
            new ArrowStreamReader(File.ReadAllBytes(Path.Combine(_jsStreams, p.Key + ".arrows"))).Schema.Fields)).ToList();
        foreach (var (name, want) in plain)
        {
            var schema = new ArrowStreamReader(File.ReadAllBytes(Path.Combine(_jsStreams, name + ".arrows"))).Schema;
            var batches = want!["batches"]!.AsArray().Select(b => Build(schema, b!["columns"]!.AsArray())).ToList();
            var bytes = ArrowStreamWriter.WriteToArray(schema, batches, codec);
            compressed += CompressedLayout.Of(bytes).Compressed;
            File.WriteAllBytes(Path.Combine(ours, name + ".arrows"), bytes);
        }
        var got = JsonNode.Parse(NodeOracle.Run("read", ours))!.AsObject();

        Assert.That(got.Select(p => p.Key), Is.EquivalentTo(plain.Select(p => p.Key)));
        var failures = plain.SelectMany(p => CanonicalJson.Differences(p.Value, got[p.Key], p.Key).Take(5)).ToList();
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(compressed, Is.GreaterThan(0), "some buffers were really compressed (not only stored raw)");
    }

    /// <summary>Asserts each compressed buffer declares its compressed size, then writes its true uncompressed length there.</summary>
    private static void CorrectLengths(byte[] stream, CompressedLayout layout)
    {
        foreach (var (start, length) in layout.Stored)
        {
            if (BitConverter.ToInt64(stream, start) == -1)
                continue;
            Assert.That(BitConverter.ToInt64(stream, start), Is.EqualTo(length - 8), "apache-arrow declares the compressed size");
            using var decoder = LZ4Stream.Decode(new MemoryStream(stream, start + 8, length - 8, writable: false));
            var output = new MemoryStream();
            decoder.CopyTo(output);
            BitConverter.GetBytes(output.Length).CopyTo(stream, start);
        }
    }

    private static RecordBatch Build(ArrowSchema schema, JsonArray columns)
    {
        var builder = new RecordBatchBuilder(schema);
        for (var c = 0; c < columns.Count; c++)
        {
            foreach (var value in columns[c]!.AsArray())
                CanonicalJson.Append(builder.Columns[c], value);
        }
        return builder.Build();
    }
}

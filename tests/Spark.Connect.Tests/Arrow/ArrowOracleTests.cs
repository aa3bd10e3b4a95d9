using Spark.Testing;
using NUnit.Framework;
using System.Text.Json.Nodes;
using Spark.Connect.Arrow;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// Checks our reader and writer against apache-arrow (JS): it writes streams for every type together
/// with their canonical values (one deterministic description in tools/arrow-oracle/cases.mjs); we
/// read them, rebuild the same values with our builders, write them, and have apache-arrow read them back.
/// </summary>
[TestFixture]
public sealed class ArrowOracleTests
{
    private string _jsStreams = "";
    private string _ourStreams = "";
    private JsonObject _expected = null!;

    [OneTimeSetUp]
    public void WriteJsStreams()
    {
        var root = Path.Combine(Path.GetTempPath(), "arrow-oracle-" + Guid.NewGuid().ToString("N"));
        _jsStreams = Directory.CreateDirectory(Path.Combine(root, "js")).FullName;
        _ourStreams = Directory.CreateDirectory(Path.Combine(root, "ours")).FullName;
        NodeOracle.Run("write", _jsStreams);
        _expected = JsonNode.Parse(File.ReadAllText(Path.Combine(_jsStreams, "expected.json")))!.AsObject();
    }

    [OneTimeTearDown]
    public void DeleteStreams() => Directory.Delete(Path.GetDirectoryName(_jsStreams)!, recursive: true);

    [Test]
    public void The_oracle_covers_every_type_we_support()
    {
        var seen = new HashSet<ArrowTypeId>();
        foreach (var (name, _) in _expected)
            Collect(ReadJsStream(name).Schema.Fields, seen);
        Assert.That(seen, Is.EquivalentTo(Enum.GetValues<ArrowTypeId>()));
    }

    [Test]
    public void Our_reader_decodes_what_apache_arrow_wrote()
    {
        var failures = new List<string>();
        foreach (var (name, want) in _expected)
        {
            var reader = ReadJsStream(name);
            var got = CanonicalJson.Describe(reader.Schema, reader.ReadAllBatches());
            failures.AddRange(CanonicalJson.Differences(want, got, name).Take(5));
        }
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(_expected.Count, Is.GreaterThanOrEqualTo(49));
    }

    [Test]
    public void Apache_arrow_reads_what_our_writer_wrote()
    {
        // Our writer writes plain columns only, so dictionary-encoded cases are checked in the read direction alone.
        var plain = _expected.Where(p => !CanonicalJson.HasDictionary(ReadJsStream(p.Key).Schema.Fields)).ToList();
        Assert.That(plain, Has.Count.GreaterThanOrEqualTo(43));
        foreach (var (name, want) in plain)
        {
            var schema = ReadJsStream(name).Schema;
            var batches = want!["batches"]!.AsArray().Select(b => Build(schema, b!["columns"]!.AsArray())).ToList();
            File.WriteAllBytes(Path.Combine(_ourStreams, name + ".arrows"), ArrowStreamWriter.WriteToArray(schema, batches));
        }
        var got = JsonNode.Parse(NodeOracle.Run("read", _ourStreams))!.AsObject();

        Assert.That(got.Select(p => p.Key), Is.EquivalentTo(plain.Select(p => p.Key)));
        var failures = plain.SelectMany(p => CanonicalJson.Differences(p.Value, got[p.Key], p.Key).Take(5)).ToList();
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [Test]
    public void Apache_arrow_views_of_every_oracle_stream_match_our_columns()
    {
        foreach (var (name, _) in _expected)
        {
            foreach (var batch in ReadJsStream(name).ReadAllBatches())
            {
                var view = Spark.Connect.ApacheArrow.ApacheArrowInterop.ToApacheArrow(batch);
                for (var c = 0; c < batch.Columns.Count; c++)
                    ApacheArrowComparison.AssertSameValues(batch.Columns[c], view.Column(c), $"{name}.{batch.Schema.Fields[c].Name}");
            }
        }
    }

    private ArrowStreamReader ReadJsStream(string name) =>
        new(File.ReadAllBytes(Path.Combine(_jsStreams, name + ".arrows")));

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

    private static void Collect(IEnumerable<ArrowField> fields, HashSet<ArrowTypeId> seen)
    {
        foreach (var field in fields)
        {
            seen.Add(field.Type.Id);
            if (field.Type.ValueType is { } values)
                seen.Add(values.Id);
            Collect(field.Children, seen);
        }
    }
}

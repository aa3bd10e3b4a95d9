using NUnit.Framework;
using Spark.Connect.Arrow;
using Spark.Testing;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// The corrupt-stream battery of <see cref="ArrowCorruptionTests"/> on dictionary-encoded and time streams written by
/// apache-arrow (JS): every truncation and thousands of seeded mutations either decode or raise
/// <see cref="ArrowFormatException"/>, and decoding allocates memory in proportion to the input.
/// </summary>
[TestFixture]
public sealed class ArrowDictionaryCorruptionTests
{
    private static readonly string[] Cases =
        ["dictionary_utf8", "dictionary_deltas", "list_of_dictionary", "dictionary_int64_int8_ordered", "time64_us", "time64_ns", "time32_ms"];

    private readonly Dictionary<string, byte[]> _streams = [];

    [OneTimeSetUp]
    public void WriteJsStreams()
    {
        var directory = Directory.CreateTempSubdirectory("arrow-oracle-corrupt-").FullName;
        try
        {
            NodeOracle.Run("write", directory);
            foreach (var name in Cases)
                _streams[name] = File.ReadAllBytes(Path.Combine(directory, name + ".arrows"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Every_truncation_fails_cleanly(string name)
    {
        var stream = _streams[name];
        Assert.That(ArrowCorruptionTests.Decode(stream), Is.EqualTo(new ArrowCorruptionTests.Outcome(false, null)), "the intact stream decodes");
        var outcomes = Enumerable.Range(0, stream.Length).Select(n => ArrowCorruptionTests.Decode(stream.AsMemory(0, n))).ToList();

        Assert.That(outcomes.Where(o => o.Unexpected is not null).Select(o => o.Unexpected), Is.Empty);
        Assert.That(outcomes.Count(o => o.Rejected), Is.GreaterThan(stream.Length * 9 / 10));
    }

    [TestCaseSource(nameof(Cases))]
    public void Seeded_mutations_fail_cleanly_with_bounded_allocation(string name)
    {
        var sample = _streams[name];
        var metadata = ArrowCorruptionTests.MetadataRanges(sample);
        var unexpected = new List<string>();
        var rejected = 0;
        long worst = 0;
        const int cases = 1500;
        for (var seed = 0; seed < cases; seed++)
        {
            var bytes = (byte[])sample.Clone();
            var description = ArrowCorruptionTests.Mutate(bytes, new Random(seed), metadata);
            worst = Math.Max(worst, DecodeAllocation(bytes));
            var outcome = ArrowCorruptionTests.Decode(bytes);
            if (outcome.Unexpected is not null)
                unexpected.Add($"seed {seed} ({description}): {outcome.Unexpected}");
            rejected += outcome.Rejected ? 1 : 0;
        }

        Assert.That(unexpected, Is.Empty, string.Join("\n", unexpected.Take(10)));
        Assert.That(rejected, Is.GreaterThan(cases / 3), "most mutations should be detected");
        // Names and time zones may take up to 1 MiB of text (the schema's string budget); everything else is in
        // proportion to the stream: views of it, small per-column objects, dictionaries grown at most twofold.
        Assert.That(worst, Is.LessThan(64L * sample.Length + (4 << 20)), $"worst decode of a {sample.Length}-byte stream allocated {worst} bytes");
    }

    /// <summary>Bytes allocated by reading the stream's batches (not touching values), whatever the outcome.</summary>
    private static long DecodeAllocation(byte[] bytes)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            new ArrowStreamReader(bytes).ReadAllBatches();
        }
        catch (ArrowFormatException)
        {
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}

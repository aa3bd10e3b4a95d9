using Spark.Testing;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Spark.Linq.Tests.Execution;

/// <summary>
/// Streams written by apache-arrow (JS, tools/arrow-oracle) served as query results and materialized into
/// objects; every value is compared with the oracle's canonical JSON (integers beyond 2^53, decimals'
/// unscaled values and timestamps are strings there, binary is hex).
/// </summary>
public class ArrowOracleExecutionTests : ScriptedServerTestBase
{
    private static string _directory = null!;
    private static JsonObject _expected = null!;

    /// <summary>Each oracle case has a column <c>v</c> of the case's type and a non-null int32 <c>w</c>.</summary>
    public sealed record OracleRow<T>(T V, int W);

    [OneTimeSetUp]
    public static void WriteOracleStreams()
    {
        _directory = Directory.CreateTempSubdirectory("spark-linq-oracle-").FullName;
        NodeOracle.Run("write", _directory);
        _expected = JsonNode.Parse(File.ReadAllText(Path.Combine(_directory, "expected.json")))!.AsObject();
    }

    [OneTimeTearDown]
    public static void RemoveStreams() => Directory.Delete(_directory, recursive: true);

    [Test] public Task Int8() => AssertCase<sbyte?>("int8", v => v is null ? null : JsonValue.Create((int)v));
    [Test] public Task Int16() => AssertCase<short?>("int16", v => v is null ? null : JsonValue.Create((int)v));
    [Test] public Task Int32() => AssertCase<int?>("int32", v => v is null ? null : JsonValue.Create(v));
    [Test] public Task Int64() => AssertCase<long?>("int64", v => Text(v?.ToString(CultureInfo.InvariantCulture)));
    [Test] public Task UInt8() => AssertCase<byte?>("uint8", v => v is null ? null : JsonValue.Create((int)v));
    [Test] public Task UInt16() => AssertCase<ushort?>("uint16", v => v is null ? null : JsonValue.Create((int)v));
    [Test] public Task UInt32() => AssertCase<uint?>("uint32", v => v is null ? null : JsonValue.Create((long)v));
    [Test] public Task UInt64() => AssertCase<ulong?>("uint64", v => Text(v?.ToString(CultureInfo.InvariantCulture)));
    [Test] public Task Bool() => AssertCase<bool?>("bool", v => v is null ? null : JsonValue.Create(v.Value));
    [Test] public Task Utf8() => AssertCase<string?>("utf8", Text);
    [Test] public Task LargeUtf8() => AssertCase<string?>("large_utf8", Text);
    [Test] public Task Binary() => AssertCase<byte[]?>("binary", v => Text(v is null ? null : Convert.ToHexStringLower(v)));
    [Test] public Task LargeBinary() => AssertCase<byte[]?>("large_binary", v => Text(v is null ? null : Convert.ToHexStringLower(v)));
    [Test] public Task Decimal9Of2() => AssertCase<decimal?>("decimal_9_2", v => Unscaled(v, 2));
    [Test] public Task Decimal18Of0() => AssertCase<decimal?>("decimal_18_0", v => Unscaled(v, 0));
    [Test] public Task ListOfInt32() => AssertCase<List<int?>?>("list_int32", v => v is null ? null : new JsonArray(v.Select(i => (JsonNode?)(i is null ? null : JsonValue.Create(i))).ToArray()));
    [Test] public Task ListOfListOfInt64() => AssertCase<long?[]?[]?>("list_list_int64", v => v is null ? null
        : new JsonArray(v.Select(inner => (JsonNode?)(inner is null ? null : new JsonArray(inner.Select(i => Text(i?.ToString(CultureInfo.InvariantCulture))).ToArray()))).ToArray()));
    [Test] public Task Time32SecondsAsTimeOnly() => AssertCase<TimeOnly?>("time32_s", v => v is null ? null : JsonValue.Create(v.Value.Ticks / TimeSpan.TicksPerSecond));
    [Test] public Task Time32MillisecondsAsTimeSpan() => AssertCase<TimeSpan?>("time32_ms", v => v is null ? null : JsonValue.Create(v.Value.Ticks / TimeSpan.TicksPerMillisecond));
    [Test] public Task Time64MicrosecondsAsTimeOnly() => AssertCase<TimeOnly?>("time64_us", v => Text(v is null ? null : (v.Value.Ticks / 10).ToString(CultureInfo.InvariantCulture)));
    [Test] public Task DictionaryOfUtf8() => AssertCase<string?>("dictionary_utf8", Text);
    [Test] public Task DictionaryOfInt64WithInt8Indices() => AssertCase<long?>("dictionary_int64_int8_ordered", v => Text(v?.ToString(CultureInfo.InvariantCulture)));
    [Test] public Task DictionaryOfDecimalWithUInt16Indices() => AssertCase<decimal?>("dictionary_decimal_uint16", v => Unscaled(v, 2));
    [Test] public Task DictionaryOfBinaryWithInt64Indices() => AssertCase<byte[]?>("dictionary_binary_int64", v => Text(v is null ? null : Convert.ToHexStringLower(v)));
    [Test] public Task DictionaryGrownByDeltas() => AssertCase<string?>("dictionary_deltas", Text);
    [Test] public Task ListOfDictionaryEncodedStrings() => AssertCase<List<string?>?>("list_of_dictionary", v => v is null ? null : new JsonArray(v.Select(Text).ToArray()));

    private static JsonNode? Text(string? value) => value is null ? null : JsonValue.Create(value);

    private static JsonNode? Unscaled(decimal? value, int scale) =>
        Text(value is null ? null : (value.Value * (decimal)Math.Pow(10, scale)).ToString("0", CultureInfo.InvariantCulture));

    private async Task AssertCase<T>(string name, Func<T, JsonNode?> canonical)
    {
        AnswerWithStreams([File.ReadAllBytes(Path.Combine(_directory, name + ".arrows"))]);
        var expected = _expected[name]!["batches"]!.AsArray()
            .SelectMany(batch => batch!["columns"]![0]!.AsArray().Zip(batch["columns"]![1]!.AsArray()))
            .ToList();

        var rows = await Spark.Table<OracleRow<T>>("oracle").ToListAsync();

        Assert.That(rows, Has.Count.EqualTo(expected.Count));
        Assert.That(expected.Count(e => e.First is null), Is.Positive, "the case has nulls");
        Assert.Multiple(() =>
        {
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.That(canonical(rows[i].V)?.ToJsonString(), Is.EqualTo(expected[i].First?.ToJsonString()), $"{name} row {i}");
                Assert.That(rows[i].W, Is.EqualTo(expected[i].Second!.GetValue<int>()), $"{name} row {i}, w");
            }
        });
    }

}

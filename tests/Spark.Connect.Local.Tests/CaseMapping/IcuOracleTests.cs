using System.Globalization;
using System.Text;
using System.Text.Json;
using Spark.Connect.Local.CaseMapping;

namespace Spark.Connect.Local.Tests.CaseMapping;

/// <summary>
/// Our upper and lower against ICU's, independently computed by Node (tools/case-oracle): every code point
/// alone, and texts whose context matters (final sigma). The tables were generated from Node's ICU, so a Node
/// with another Unicode version differs on the characters that version added or changed; the test names them.
/// </summary>
public sealed class IcuOracleTests
{
    [Test]
    public void Every_code_point_maps_as_ICU_maps_it()
    {
        var versions = IcuOracle.Versions();
        var icu = new Dictionary<int, (string Upper, string Lower)>();
        foreach (var line in IcuOracle.Oracle("mappings").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(';');
            icu.Add(int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), (FromHex(fields[1]), FromHex(fields[2])));
        }
        Assert.That(icu, Has.Count.GreaterThan(2800), "the oracle lists every code point that changes case");

        var differences = new List<string>();
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF) continue;
            var text = char.ConvertFromUtf32(codePoint);
            var (upper, lower) = icu.GetValueOrDefault(codePoint, (text, text));
            if (SparkCaseMappingTests.Map(SparkCaseMapping.Upper, text) != upper || SparkCaseMappingTests.Map(SparkCaseMapping.Lower, text) != lower)
                differences.Add(codePoint.ToString("X4", CultureInfo.InvariantCulture));
        }
        Assert.That(differences, Is.Empty,
            $"Code points mapped unlike Node's ICU {versions}; the tables are Unicode {UnicodeCaseRuns.UnicodeVersion} (tools/case-oracle regenerates them).");
    }

    [Test]
    public void Texts_map_as_ICU_maps_them()
    {
        var texts = SparkCaseCases.All().Select(c => c.Text)
            .Concat(["ΣΑΣ ΣΑΣ.", "Α\u0345Σ", "Α\u00ADΣ\u00AD", "ΑΣ\u0301Β", "\u1F88Σ", "Σ\u0301", "ᾈΣ ᾈ", "𐐅Σ", "ΑΣ\u200D", "ǅΣ", "Αʹ Σ", "ΑΣʹΑ"])
            .ToArray();
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(texts), new UTF8Encoding(false));
            var icu = JsonSerializer.Deserialize<string[][]>(IcuOracle.Oracle("map", file))!;
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.That(SparkCaseMappingTests.Map(SparkCaseMapping.Upper, texts[i]), Is.EqualTo(icu[i][0]), $"upper of {texts[i]}");
                Assert.That(SparkCaseMappingTests.Map(SparkCaseMapping.Lower, texts[i]), Is.EqualTo(icu[i][1]), $"lower of {texts[i]}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string FromHex(string codePoints) =>
        string.Concat(codePoints.Split(' ').Select(c => char.ConvertFromUtf32(int.Parse(c, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));
}

using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's JSON schema inference for <c>schema_of_json</c>, in its DDL text: integers that fit a long are BIGINT (larger
/// ones DECIMAL(p,0) up to 38 digits, then DOUBLE), other numbers DOUBLE, strings STRING (no date or timestamp
/// inference, Spark's default), booleans BOOLEAN, objects STRUCT with the fields sorted by name, arrays ARRAY of their
/// elements' common type; types that don't meet become STRING, and a type known only as null is STRING.
/// <c>primitivesAsString</c> makes every number and boolean STRING.
/// </summary>
internal static class JsonSchemaInference
{
    private abstract record Inferred;
    private sealed record Atomic(string Sql) : Inferred;
    private sealed record DecimalOf(int Precision) : Inferred;
    private sealed record ArrayOf(Inferred Element) : Inferred;
    private sealed record StructOf(SortedDictionary<string, Inferred> Fields) : Inferred;

    private static readonly Atomic Null = new("NULL"), Long = new("BIGINT"), Double = new("DOUBLE"), Text = new("STRING"), Boolean = new("BOOLEAN");

    /// <summary>The DDL text of <paramref name="json"/>'s schema, or null when the text is no JSON.</summary>
    public static string? Infer(string json, bool primitivesAsString)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = PlanComplexity.MaxNesting });
            return Sql(Of(document.RootElement, primitivesAsString));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Inferred Of(JsonElement element, bool primitivesAsString) => element.ValueKind switch
    {
        JsonValueKind.Null => Null,
        JsonValueKind.String => Text,
        _ when primitivesAsString && element.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Text,
        JsonValueKind.True or JsonValueKind.False => Boolean,
        JsonValueKind.Number => Number(element.GetRawText()),
        JsonValueKind.Array => new ArrayOf(element.EnumerateArray().Select(e => Of(e, primitivesAsString)).Aggregate((Inferred)Null, Compatible)),
        _ => new StructOf(new SortedDictionary<string, Inferred>(
            element.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => Of(g.Last().Value, primitivesAsString)), StringComparer.Ordinal)),
    };

    // Jackson reads an integer as INT/LONG when it fits a long, else as a big integer (a decimal); any fraction or exponent is a double.
    private static Inferred Number(string raw)
    {
        if (raw.IndexOfAny(['.', 'e', 'E']) >= 0) return Double;
        if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return Long;
        var digits = BigInteger.Abs(BigInteger.Parse(raw, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture).Length;
        return digits <= 38 ? new DecimalOf(digits) : Double;
    }

    private static Inferred Compatible(Inferred a, Inferred b) => (a, b) switch
    {
        _ when a == b => a,
        (Atomic { Sql: "NULL" }, _) => b,
        (_, Atomic { Sql: "NULL" }) => a,
        (DecimalOf x, DecimalOf y) => new DecimalOf(Math.Max(x.Precision, y.Precision)),
        // A long is DECIMAL(20,0) to Spark; 38 digits at most, so the wider decimal always exists.
        (DecimalOf x, Atomic { Sql: "BIGINT" }) => new DecimalOf(Math.Max(x.Precision, 20)),
        (Atomic { Sql: "BIGINT" }, DecimalOf y) => new DecimalOf(Math.Max(y.Precision, 20)),
        (DecimalOf, Atomic { Sql: "DOUBLE" }) or (Atomic { Sql: "DOUBLE" }, DecimalOf) => Double,
        (Atomic { Sql: "BIGINT" }, Atomic { Sql: "DOUBLE" }) or (Atomic { Sql: "DOUBLE" }, Atomic { Sql: "BIGINT" }) => Double,
        (ArrayOf x, ArrayOf y) => new ArrayOf(Compatible(x.Element, y.Element)),
        (StructOf x, StructOf y) => new StructOf(Merge(x.Fields, y.Fields)),
        _ => Text,
    };

    private static SortedDictionary<string, Inferred> Merge(SortedDictionary<string, Inferred> x, SortedDictionary<string, Inferred> y)
    {
        var merged = new SortedDictionary<string, Inferred>(x, StringComparer.Ordinal);
        foreach (var (name, type) in y)
            merged[name] = merged.TryGetValue(name, out var existing) ? Compatible(existing, type) : type;
        return merged;
    }

    private static string Sql(Inferred type) => type switch
    {
        Atomic { Sql: "NULL" } => "STRING",
        Atomic atomic => atomic.Sql,
        DecimalOf d => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({d.Precision},0)"),
        ArrayOf array => $"ARRAY<{Sql(array.Element)}>",
        StructOf s => "STRUCT<" + string.Join(", ", s.Fields.Select(f => $"`{f.Key.Replace("`", "``", StringComparison.Ordinal)}`: {Sql(f.Value)}")) + ">",
        _ => throw new InvalidOperationException("unknown inferred type"),
    };
}

using System.Globalization;
using System.Text.Json.Nodes;
using Spark.Connect.Arrow;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// The canonical JSON form of Arrow values shared with tools/arrow-oracle (see arrow-json.mjs):
/// renders our columns to it and builds our columns from it.
/// </summary>
internal static class CanonicalJson
{
    private static readonly string[] Units = ["s", "ms", "us", "ns"];

    public static string FieldName(ArrowField field) =>
        $"{field.Name}{(field.Nullable ? "" : "!")}:{TypeName(field)}";

    public static string TypeName(ArrowField field)
    {
        var type = field.Type;
        return type.Id switch
        {
            ArrowTypeId.Null => "null",
            ArrowTypeId.Boolean => "bool",
            ArrowTypeId.Decimal128 => $"decimal128({type.Precision},{type.Scale})",
            ArrowTypeId.Utf8 => "utf8",
            ArrowTypeId.LargeUtf8 => "large_utf8",
            ArrowTypeId.Binary => "binary",
            ArrowTypeId.LargeBinary => "large_binary",
            ArrowTypeId.Timestamp => $"timestamp({Units[(int)type.Unit]},{type.TimeZone})",
            ArrowTypeId.Duration => $"duration({Units[(int)type.Unit]})",
            ArrowTypeId.Interval => $"interval({new[] { "ym", "dt", "mdn" }[(int)type.IntervalUnit]})",
            ArrowTypeId.List => $"list<{FieldName(field.Children[0])}>",
            ArrowTypeId.LargeList => $"large_list<{FieldName(field.Children[0])}>",
            ArrowTypeId.Struct => $"struct<{string.Join(",", field.Children.Select(FieldName))}>",
            ArrowTypeId.Map => $"map{(type.KeysSorted ? "(sorted)" : "")}<{FieldName(field.Children[0])}>",
            ArrowTypeId.Time32 => $"time({Units[(int)type.Unit]},32)",
            ArrowTypeId.Time64 => $"time({Units[(int)type.Unit]},64)",
            ArrowTypeId.Dictionary => $"dictionary<{TypeName(new ArrowField("", type.IndexType!))},{TypeName(new ArrowField(field.Name, type.ValueType!, true, field.Children))}>",
            _ => type.Id.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>Whether any field, nested ones included, is dictionary-encoded (our writer writes plain columns only).</summary>
    public static bool HasDictionary(IEnumerable<ArrowField> fields) =>
        fields.Any(f => f.Type.Id == ArrowTypeId.Dictionary || HasDictionary(f.Children));

    /// <summary>A stream's schema and batches in the oracle's form: {schema: [...], batches: [{length, columns}]}.</summary>
    public static JsonObject Describe(ArrowSchema schema, IEnumerable<RecordBatch> batches) => new()
    {
        ["schema"] = new JsonArray(schema.Fields.Select(f => (JsonNode)FieldName(f)).ToArray()),
        ["batches"] = new JsonArray(batches.Select(b => (JsonNode)new JsonObject
        {
            ["length"] = b.Length,
            ["columns"] = new JsonArray(b.Columns.Select(c => (JsonNode)Render(c)).ToArray()),
        }).ToArray()),
    };

    public static JsonArray Render(ArrowColumn column) =>
        new(Enumerable.Range(0, column.Length).Select(i => Render(column, i)).ToArray());

    public static JsonNode? Render(ArrowColumn column, int i)
    {
        if (column.IsNull(i))
            return null;
        switch (column)
        {
            case BooleanColumn b: return b.GetValue(i);
            case DictionaryColumn d: return Render(d.Dictionary, d.GetIndex(i));
            case Decimal128Column d: return d.GetUnscaled(i).ToString(CultureInfo.InvariantCulture);
            case StringColumn s: return s.GetString(i);
            case BinaryColumn bin: return Convert.ToHexStringLower(bin.GetBytes(i));
            case MapColumn m:
                return new JsonArray(Enumerable.Range(m.GetStart(i), m.GetLength(i))
                    .Select(k => (JsonNode)new JsonArray(Render(m.Keys, k), Render(m.Items, k))).ToArray());
            case ListColumn l:
                return new JsonArray(Enumerable.Range(l.GetStart(i), l.GetLength(i)).Select(k => Render(l.Values, k)).ToArray());
            case StructColumn st:
                var obj = new JsonObject();
                foreach (var child in st.Children)
                    obj[child.Field.Name] = Render(child, i);
                return obj;
            case PrimitiveColumn<sbyte> c: return c.GetValue(i);
            case PrimitiveColumn<short> c: return c.GetValue(i);
            case PrimitiveColumn<int> c: return c.GetValue(i);
            case PrimitiveColumn<long> c: return c.GetValue(i).ToString(CultureInfo.InvariantCulture);
            case PrimitiveColumn<byte> c: return c.GetValue(i);
            case PrimitiveColumn<ushort> c: return c.GetValue(i);
            case PrimitiveColumn<uint> c: return c.GetValue(i);
            case PrimitiveColumn<ulong> c: return c.GetValue(i).ToString(CultureInfo.InvariantCulture);
            case PrimitiveColumn<float> c: return Float(c.GetValue(i));
            case PrimitiveColumn<double> c: return Float(c.GetValue(i));
            case PrimitiveColumn<ArrowDayTimeInterval> c: return new JsonArray(c.GetValue(i).Days, c.GetValue(i).Milliseconds);
            case PrimitiveColumn<ArrowMonthDayNanoInterval> c:
                var v = c.GetValue(i);
                return new JsonArray(v.Months, v.Days, v.Nanoseconds.ToString(CultureInfo.InvariantCulture));
            default: throw new NotSupportedException(column.GetType().Name);
        }
    }

    private static JsonNode Float(double value) => double.IsFinite(value)
        ? JsonValue.Create(value)
        : JsonValue.Create(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");

    /// <summary>Appends a canonical value (or null) to the builder of its field.</summary>
    public static void Append(ArrowColumnBuilder builder, JsonNode? value)
    {
        if (value is null)
        {
            builder.AppendNull();
            return;
        }
        switch (builder)
        {
            case BooleanBuilder b: b.Append(value.GetValue<bool>()); break;
            case Decimal128Builder d: d.AppendUnscaled(Int128.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture)); break;
            case Utf8Builder s: s.Append(value.GetValue<string>()); break;
            case BinaryBuilder bin: bin.Append(Convert.FromHexString(value.GetValue<string>())); break;
            case ListBuilder l:
                l.Append();
                foreach (var item in value.AsArray())
                    Append(l.Values, item);
                break;
            case StructBuilder st:
                foreach (var child in st.Children)
                    Append(child, value[child.Field.Name]);
                st.Append();
                break;
            case MapBuilder m:
                m.Append();
                foreach (var entry in value.AsArray())
                {
                    Append(m.Keys, entry![0]);
                    Append(m.Items, entry[1]);
                }
                break;
            case PrimitiveBuilder<sbyte> p: p.Append(value.GetValue<sbyte>()); break;
            case PrimitiveBuilder<short> p: p.Append(value.GetValue<short>()); break;
            case PrimitiveBuilder<int> p: p.Append(value.GetValue<int>()); break;
            case PrimitiveBuilder<long> p: p.Append(long.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture)); break;
            case PrimitiveBuilder<byte> p: p.Append(value.GetValue<byte>()); break;
            case PrimitiveBuilder<ushort> p: p.Append(value.GetValue<ushort>()); break;
            case PrimitiveBuilder<uint> p: p.Append(value.GetValue<uint>()); break;
            case PrimitiveBuilder<ulong> p: p.Append(ulong.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture)); break;
            case PrimitiveBuilder<float> p: p.Append((float)Double(value)); break;
            case PrimitiveBuilder<double> p: p.Append(Double(value)); break;
            case PrimitiveBuilder<ArrowDayTimeInterval> p:
                p.Append(new ArrowDayTimeInterval(value[0]!.GetValue<int>(), value[1]!.GetValue<int>()));
                break;
            case PrimitiveBuilder<ArrowMonthDayNanoInterval> p:
                p.Append(new ArrowMonthDayNanoInterval(value[0]!.GetValue<int>(), value[1]!.GetValue<int>(),
                    long.Parse(value[2]!.GetValue<string>(), CultureInfo.InvariantCulture)));
                break;
            default: throw new NotSupportedException(builder.GetType().Name);
        }
    }

    private static double Number(JsonValue value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    private static double Double(JsonNode value) => value.GetValueKind() == System.Text.Json.JsonValueKind.String
        ? double.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture)
        : value.GetValue<double>();

    /// <summary>Differences between two canonical trees (numbers compared by value), with JSON paths.</summary>
    public static IEnumerable<string> Differences(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null): yield break;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                    yield return $"{path}: expected {e.Count} items, got {a.Count}";
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                    foreach (var d in Differences(e[i], a[i], $"{path}[{i}]"))
                        yield return d;
                break;
            case (JsonObject e, JsonObject a):
                var keys = e.Select(p => p.Key).Union(a.Select(p => p.Key));
                foreach (var key in keys)
                    foreach (var d in Differences(e[key], a[key], $"{path}.{key}"))
                        yield return d;
                break;
            case (JsonValue e, JsonValue a) when e.GetValueKind() == System.Text.Json.JsonValueKind.Number
                                                && a.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                if (Number(e) != Number(a))
                    yield return $"{path}: expected {e.ToJsonString()}, got {a.ToJsonString()}";
                break;
            default:
                if (expected?.ToJsonString() != actual?.ToJsonString())
                    yield return $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}";
                break;
        }
    }
}

using System.Text.Json;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// A schema sent as text, as in a LocalRelation without data: the JSON form of a Spark DataType (what
/// PySpark sends: <c>{"type":"struct","fields":[…]}</c>) or DDL (<c>a INT, b STRING NOT NULL</c>,
/// <c>struct&lt;a:int&gt;</c>). A type other than a struct becomes one column named <c>value</c>, as in Spark.
/// </summary>
internal static class SchemaText
{
    internal static DataType.Types.Struct Parse(string text)
    {
        var trimmed = text.Trim();
        DataType type;
        try
        {
            type = trimmed.StartsWith('{') || trimmed.StartsWith('"')
                ? FromJson(JsonDocument.Parse(trimmed).RootElement)
                : DdlSchema.Parse(trimmed);
        }
        catch (JsonException error)
        {
            throw Invalid(text, error.Message);
        }
        catch (KeyNotFoundException)
        {
            throw Invalid(text, "a field is missing a name or type");
        }
        catch (InvalidOperationException error)
        {
            throw Invalid(text, error.Message);
        }
        if (type.KindCase == DataType.KindOneofCase.Struct)
            return type.Struct;
        var single = new DataType.Types.Struct();
        single.Fields.Add(new DataType.Types.StructField { Name = "value", DataType = type, Nullable = true });
        return single;
    }

    internal static LocalEngineException Invalid(string text, string reason) =>
        new("INVALID_LOCAL_RELATION", "22000", $"The LocalRelation's schema can't be read ({reason}): {text}",
            new Dictionary<string, string> { ["reason"] = reason });

    private static DataType FromJson(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
            return DdlSchema.Type(element.GetString()!);
        var kind = element.GetProperty("type").GetString();
        return kind switch
        {
            "struct" => Struct(element.GetProperty("fields")),
            "array" => new DataType
            {
                Array = new() { ElementType = FromJson(element.GetProperty("elementType")), ContainsNull = Flag(element, "containsNull") },
            },
            "map" => new DataType
            {
                Map = new()
                {
                    KeyType = FromJson(element.GetProperty("keyType")), ValueType = FromJson(element.GetProperty("valueType")),
                    ValueContainsNull = Flag(element, "valueContainsNull"),
                },
            },
            _ => throw new InvalidOperationException($"the type '{kind}' is not one the local engine reads"),
        };
    }

    private static DataType Struct(JsonElement fields)
    {
        var result = new DataType.Types.Struct();
        foreach (var field in fields.EnumerateArray())
        {
            result.Fields.Add(new DataType.Types.StructField
            {
                Name = field.GetProperty("name").GetString(), DataType = FromJson(field.GetProperty("type")), Nullable = Flag(field, "nullable"),
            });
        }
        return new DataType { Struct = result };
    }

    private static bool Flag(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.False;
}

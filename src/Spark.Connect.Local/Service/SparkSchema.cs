using System.Text;
using Spark.Connect.Arrow;

namespace Spark.Connect.Local.Service;

/// <summary>Spark's view of a result schema: the DataType proto and printSchema's tree, from the Arrow schema we send.</summary>
internal static class SparkSchema
{
    internal static DataType ToDataType(ArrowSchema schema)
    {
        var root = new DataType.Types.Struct();
        foreach (var field in schema.Fields)
            root.Fields.Add(new DataType.Types.StructField { Name = field.Name, DataType = ToDataType(field), Nullable = field.Nullable });
        return new DataType { Struct = root };
    }

    internal static DataType ToDataType(ArrowField field)
    {
        var type = field.Type;
        return type.Id switch
        {
            ArrowTypeId.Null => new DataType { Null = new() },
            ArrowTypeId.Boolean => new DataType { Boolean = new() },
            ArrowTypeId.Int8 => new DataType { Byte = new() },
            ArrowTypeId.Int16 => new DataType { Short = new() },
            ArrowTypeId.Int32 => new DataType { Integer = new() },
            ArrowTypeId.Int64 => new DataType { Long = new() },
            ArrowTypeId.Float32 => new DataType { Float = new() },
            ArrowTypeId.Float64 => new DataType { Double = new() },
            ArrowTypeId.Decimal128 => new DataType { Decimal = new DataType.Types.Decimal { Precision = type.Precision, Scale = type.Scale } },
            ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => new DataType { String = new() },
            ArrowTypeId.Binary or ArrowTypeId.LargeBinary => new DataType { Binary = new() },
            ArrowTypeId.Date32 or ArrowTypeId.Date64 => new DataType { Date = new() },
            ArrowTypeId.Timestamp when type.TimeZone is null => new DataType { TimestampNtz = new() },
            ArrowTypeId.Timestamp => new DataType { Timestamp = new() },
            ArrowTypeId.Duration => new DataType { DayTimeInterval = new DataType.Types.DayTimeInterval { StartField = 0, EndField = 3 } },
            ArrowTypeId.Interval => new DataType { CalendarInterval = new() },
            ArrowTypeId.List or ArrowTypeId.LargeList => new DataType
            {
                Array = new DataType.Types.Array { ElementType = ToDataType(field.Children[0]), ContainsNull = field.Children[0].Nullable },
            },
            ArrowTypeId.Struct => new DataType { Struct = StructOf(field.Children) },
            ArrowTypeId.Map => MapOf(field.Children[0]),
            _ => throw new NotSupportedException($"Column '{field.Name}' has Arrow type {type}, which has no Spark type."),
        };
    }

    /// <summary>printSchema's text: <c>root</c>, then <c> |-- name: type (nullable = true)</c> per field, nested fields indented.</summary>
    internal static string TreeString(ArrowSchema schema, int? level = null)
    {
        var text = new StringBuilder("root\n");
        foreach (var field in schema.Fields)
            AppendField(text, field.Name, field, field.Nullable, "nullable", 1, level ?? int.MaxValue);
        return text.ToString();
    }

    private static void AppendField(StringBuilder text, string name, ArrowField field, bool nullable, string nullWord, int depth, int maxDepth)
    {
        if (depth > maxDepth)
            return;
        text.Append(string.Concat(Enumerable.Repeat(" |   ", depth - 1))).Append(" |-- ")
            .Append(name).Append(": ").Append(SimpleName(field)).Append(" (").Append(nullWord).Append(" = ")
            .Append(nullable ? "true" : "false").Append(")\n");
        switch (field.Type.Id)
        {
            case ArrowTypeId.List or ArrowTypeId.LargeList:
                AppendField(text, "element", field.Children[0], field.Children[0].Nullable, "containsNull", depth + 1, maxDepth);
                break;
            case ArrowTypeId.Struct:
                foreach (var child in field.Children)
                    AppendField(text, child.Name, child, child.Nullable, "nullable", depth + 1, maxDepth);
                break;
            case ArrowTypeId.Map:
                var entries = field.Children[0].Children;
                AppendKey(text, entries[0], depth + 1, maxDepth);
                AppendField(text, "value", entries[1], entries[1].Nullable, "valueContainsNull", depth + 1, maxDepth);
                break;
        }
    }

    private static void AppendKey(StringBuilder text, ArrowField key, int depth, int maxDepth)
    {
        if (depth > maxDepth)
            return;
        text.Append(string.Concat(Enumerable.Repeat(" |   ", depth - 1))).Append(" |-- key: ").Append(SimpleName(key)).Append('\n');
    }

    private static string SimpleName(ArrowField field) => field.Type.Id switch
    {
        ArrowTypeId.Null => "void",
        ArrowTypeId.Boolean => "boolean",
        ArrowTypeId.Int8 => "byte",
        ArrowTypeId.Int16 => "short",
        ArrowTypeId.Int32 => "integer",
        ArrowTypeId.Int64 => "long",
        ArrowTypeId.Float32 => "float",
        ArrowTypeId.Float64 => "double",
        ArrowTypeId.Decimal128 => $"decimal({field.Type.Precision},{field.Type.Scale})",
        ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => "string",
        ArrowTypeId.Binary or ArrowTypeId.LargeBinary => "binary",
        ArrowTypeId.Date32 or ArrowTypeId.Date64 => "date",
        ArrowTypeId.Timestamp when field.Type.TimeZone is null => "timestamp_ntz",
        ArrowTypeId.Timestamp => "timestamp",
        ArrowTypeId.Duration => "interval day to second",
        ArrowTypeId.Interval => "interval",
        ArrowTypeId.List or ArrowTypeId.LargeList => "array",
        ArrowTypeId.Struct => "struct",
        ArrowTypeId.Map => "map",
        _ => field.Type.ToString(),
    };

    private static DataType.Types.Struct StructOf(IReadOnlyList<ArrowField> fields)
    {
        var result = new DataType.Types.Struct();
        foreach (var child in fields)
            result.Fields.Add(new DataType.Types.StructField { Name = child.Name, DataType = ToDataType(child), Nullable = child.Nullable });
        return result;
    }

    private static DataType MapOf(ArrowField entries) => new()
    {
        Map = new DataType.Types.Map
        {
            KeyType = ToDataType(entries.Children[0]),
            ValueType = ToDataType(entries.Children[1]),
            ValueContainsNull = entries.Children[1].Nullable,
        },
    };
}

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
            ArrowTypeId.Interval when type.IntervalUnit == ArrowIntervalUnit.YearMonth =>
                new DataType { YearMonthInterval = new DataType.Types.YearMonthInterval { StartField = 0, EndField = 1 } },
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
    internal static string TreeString(DataType schema, int? level = null)
    {
        var text = new StringBuilder("root\n");
        foreach (var field in schema.Struct.Fields)
            AppendField(text, field.Name, field.DataType, field.Nullable, "nullable", 1, level ?? int.MaxValue);
        return text.ToString();
    }

    private static void AppendField(StringBuilder text, string name, DataType type, bool nullable, string nullWord, int depth, int maxDepth)
    {
        if (depth > maxDepth)
            return;
        text.Append(string.Concat(Enumerable.Repeat(" |   ", depth - 1))).Append(" |-- ")
            .Append(name).Append(": ").Append(SimpleName(type)).Append(" (").Append(nullWord).Append(" = ")
            .Append(nullable ? "true" : "false").Append(")\n");
        switch (type.KindCase)
        {
            case DataType.KindOneofCase.Array:
                AppendField(text, "element", type.Array.ElementType, type.Array.ContainsNull, "containsNull", depth + 1, maxDepth);
                break;
            case DataType.KindOneofCase.Struct:
                foreach (var child in type.Struct.Fields)
                    AppendField(text, child.Name, child.DataType, child.Nullable, "nullable", depth + 1, maxDepth);
                break;
            case DataType.KindOneofCase.Map:
                if (depth + 1 <= maxDepth)
                    text.Append(string.Concat(Enumerable.Repeat(" |   ", depth))).Append(" |-- key: ").Append(SimpleName(type.Map.KeyType)).Append('\n');
                AppendField(text, "value", type.Map.ValueType, type.Map.ValueContainsNull, "valueContainsNull", depth + 1, maxDepth);
                break;
        }
    }

    /// <summary>The type's name as printSchema writes it.</summary>
    private static string SimpleName(DataType type) => type.KindCase switch
    {
        DataType.KindOneofCase.Null => "void",
        DataType.KindOneofCase.Byte => "byte",
        DataType.KindOneofCase.Short => "short",
        DataType.KindOneofCase.Integer => "integer",
        DataType.KindOneofCase.Long => "long",
        DataType.KindOneofCase.Decimal => $"decimal({type.Decimal.Precision},{type.Decimal.Scale})",
        DataType.KindOneofCase.TimestampNtz => "timestamp_ntz",
        DataType.KindOneofCase.DayTimeInterval => "interval day to second",
        DataType.KindOneofCase.YearMonthInterval => "interval year to month",
        DataType.KindOneofCase.CalendarInterval => "interval",
        _ => type.KindCase.ToString().ToLowerInvariant(),
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

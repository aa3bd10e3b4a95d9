using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Sql.Corpus;

/// <summary>A schema as Spark's <c>StructType.catalogString</c> writes it (the corpus's schema line), intervals with their fields.</summary>
internal static class SparkCatalogString
{
    private static readonly string[] YearMonthFields = ["year", "month"];
    private static readonly string[] DayTimeFields = ["day", "hour", "minute", "second"];

    internal static string Of(DataType type) => type.KindCase switch
    {
        DataType.KindOneofCase.YearMonthInterval => Interval(YearMonthFields,
            type.YearMonthInterval.HasStartField ? type.YearMonthInterval.StartField : 0,
            type.YearMonthInterval.HasEndField ? type.YearMonthInterval.EndField : 1),
        DataType.KindOneofCase.DayTimeInterval => Interval(DayTimeFields,
            type.DayTimeInterval.HasStartField ? type.DayTimeInterval.StartField : 0,
            type.DayTimeInterval.HasEndField ? type.DayTimeInterval.EndField : 3),
        DataType.KindOneofCase.Array => $"array<{Of(type.Array.ElementType)}>",
        DataType.KindOneofCase.Map => $"map<{Of(type.Map.KeyType)},{Of(type.Map.ValueType)}>",
        DataType.KindOneofCase.Struct => "struct<" + string.Join(",", type.Struct.Fields.Select(f => f.Name + ":" + Of(f.DataType))) + ">",
        _ => SparkTypes.Name(type),
    };

    private static string Interval(string[] fields, int start, int end) =>
        start == end ? $"interval {fields[start]}" : $"interval {fields[start]} to {fields[end]}";
}

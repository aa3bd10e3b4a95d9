using System.Globalization;
using Spark.Connect.Protocol;

namespace Spark.Linq.Testing;

/// <summary>Spark's own spelling of a type (<c>int</c>, <c>decimal(3,0)</c>, <c>array&lt;string&gt;</c>), as its <c>simpleString</c> writes it.</summary>
internal static class SparkTypeNames
{
    public static string Of(DataType? type)
    {
        if (type is null) return "?";
        return type.KindCase switch
        {
            DataType.KindOneofCase.Null => "void",
            DataType.KindOneofCase.Byte => "tinyint",
            DataType.KindOneofCase.Short => "smallint",
            DataType.KindOneofCase.Integer => "int",
            DataType.KindOneofCase.Long => "bigint",
            DataType.KindOneofCase.Decimal => Decimal(type.Decimal.HasPrecision ? type.Decimal.Precision : 10, type.Decimal.HasScale ? type.Decimal.Scale : 0),
            DataType.KindOneofCase.Char => $"char({type.Char.Length})",
            DataType.KindOneofCase.VarChar => $"varchar({type.VarChar.Length})",
            DataType.KindOneofCase.TimestampNtz => "timestamp_ntz",
            DataType.KindOneofCase.DayTimeInterval => "interval day to second",
            DataType.KindOneofCase.YearMonthInterval => "interval year to month",
            DataType.KindOneofCase.CalendarInterval => "interval",
            DataType.KindOneofCase.Array => $"array<{Of(type.Array.ElementType)}>",
            DataType.KindOneofCase.Map => $"map<{Of(type.Map.KeyType)},{Of(type.Map.ValueType)}>",
            DataType.KindOneofCase.Struct => "struct<" + string.Join(",", type.Struct.Fields.Select(f => f.Name + ":" + Of(f.DataType))) + ">",
            DataType.KindOneofCase.Unparsed => type.Unparsed.DataTypeString,
            _ => type.KindCase.ToString().ToLowerInvariant(),
        };
    }

    public static string Decimal(int precision, int scale) =>
        string.Create(CultureInfo.InvariantCulture, $"decimal({precision},{scale})");
}

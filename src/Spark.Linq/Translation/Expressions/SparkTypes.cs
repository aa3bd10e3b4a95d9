using Spark.Connect;
using Spark.Connect.Protocol;

namespace Spark.Linq.Translation.Expressions;

/// <summary>The Spark type a CLR type is stored as (used for typed nulls and casts).</summary>
internal static class SparkTypes
{
    public static DataType? For(Type clrType)
    {
        var t = TypeClassifier.Unwrap(clrType);
        if (t.IsEnum) t = Enum.GetUnderlyingType(t);
        return t switch
        {
            _ when t == typeof(bool) => new DataType { Boolean = new() },
            _ when t == typeof(sbyte) => new DataType { Byte = new() },
            // Spark's byte is signed, so an unsigned CLR type needs the next wider Spark type.
            _ when t == typeof(byte) || t == typeof(short) => new DataType { Short = new() },
            _ when t == typeof(ushort) || t == typeof(int) => new DataType { Integer = new() },
            _ when t == typeof(uint) || t == typeof(long) => new DataType { Long = new() },
            _ when t == typeof(ulong) => Decimal(20, 0),
            _ when t == typeof(float) => new DataType { Float = new() },
            _ when t == typeof(double) => new DataType { Double = new() },
            _ when t == typeof(decimal) => Decimal(38, 18),
            _ when t == typeof(string) || t == typeof(char) || t == typeof(Guid) => new DataType { String = new() },
            _ when t == typeof(DateTime) || t == typeof(DateTimeOffset) => new DataType { Timestamp = new() },
            _ when t == typeof(DateOnly) => new DataType { Date = new() },
            _ when t == typeof(TimeSpan) => new DataType { DayTimeInterval = new() { StartField = 0, EndField = 3 } },
            _ when t == typeof(byte[]) => new DataType { Binary = new() },
            _ => null,
        };
    }

    public static DataType Decimal(int precision, int scale) => new() { Decimal = new DataType.Types.Decimal { Precision = precision, Scale = scale } };

    /// <summary>Spark's name for the type, as used in DDL and error messages.</summary>
    public static string Describe(DataType type) => type.KindCase switch
    {
        DataType.KindOneofCase.Decimal => $"decimal({type.Decimal.Precision},{type.Decimal.Scale})",
        DataType.KindOneofCase.DayTimeInterval => "interval day to second",
        _ => type.KindCase.ToString().ToLowerInvariant(),
    };
}

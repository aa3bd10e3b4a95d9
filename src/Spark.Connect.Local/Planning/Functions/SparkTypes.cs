using System.Globalization;
using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark <see cref="DataType"/> values and the classifications Spark's analyzer uses to type function
/// calls. Every property builds a fresh message (protobuf messages are mutable, so none is shared).
/// </summary>
internal static class SparkTypes
{
    public static DataType Boolean => new() { Boolean = new() };
    public static DataType Byte => new() { Byte = new() };
    public static DataType Short => new() { Short = new() };
    public static DataType Integer => new() { Integer = new() };
    public static DataType Long => new() { Long = new() };
    public static DataType Float => new() { Float = new() };
    public static DataType Double => new() { Double = new() };
    public static DataType String => new() { String = new() };
    public static DataType Binary => new() { Binary = new() };
    public static DataType Date => new() { Date = new() };
    public static DataType Timestamp => new() { Timestamp = new() };
    public static DataType TimestampNtz => new() { TimestampNtz = new() };
    public static DataType Null => new() { Null = new() };

    /// <summary>Spark's year-month interval (YEAR TO MONTH).</summary>
    public static DataType YearMonthInterval => new() { YearMonthInterval = new DataType.Types.YearMonthInterval { StartField = 0, EndField = 1 } };

    /// <summary>A day-time interval from <paramref name="start"/> to <paramref name="end"/> (0 DAY, 1 HOUR, 2 MINUTE, 3 SECOND).</summary>
    public static DataType DayTimeInterval(int start = 0, int end = 3) =>
        new() { DayTimeInterval = new DataType.Types.DayTimeInterval { StartField = start, EndField = end } };

    public static DataType Decimal(int precision, int scale) =>
        new() { Decimal = new DataType.Types.Decimal { Precision = precision, Scale = scale } };

    public static DataType Decimal((int P, int S) type) => Decimal(type.P, type.S);

    public static DataType ArrayOf(DataType element, bool containsNull) =>
        new() { Array = new DataType.Types.Array { ElementType = element.Clone(), ContainsNull = containsNull } };

    public static bool IsNull(DataType t) => t.KindCase == DataType.KindOneofCase.Null;

    public static bool IsIntegral(DataType t) => t.KindCase is DataType.KindOneofCase.Byte or DataType.KindOneofCase.Short
        or DataType.KindOneofCase.Integer or DataType.KindOneofCase.Long;

    public static bool IsFractional(DataType t) => t.KindCase is DataType.KindOneofCase.Float or DataType.KindOneofCase.Double;

    public static bool IsDecimal(DataType t) => t.KindCase == DataType.KindOneofCase.Decimal;

    public static bool IsNumeric(DataType t) => IsIntegral(t) || IsFractional(t) || IsDecimal(t);

    public static bool IsString(DataType t) => t.KindCase is DataType.KindOneofCase.String
        or DataType.KindOneofCase.Char or DataType.KindOneofCase.VarChar;

    public static bool IsTimestamp(DataType t) => t.KindCase is DataType.KindOneofCase.Timestamp or DataType.KindOneofCase.TimestampNtz;

    public static bool IsDatetime(DataType t) => IsTimestamp(t) || t.KindCase == DataType.KindOneofCase.Date;

    public static bool IsAnsiInterval(DataType t) =>
        t.KindCase is DataType.KindOneofCase.DayTimeInterval or DataType.KindOneofCase.YearMonthInterval;

    public static bool IsInterval(DataType t) => IsAnsiInterval(t) || t.KindCase == DataType.KindOneofCase.CalendarInterval;

    public static bool IsComplex(DataType t) => t.KindCase is DataType.KindOneofCase.Array or DataType.KindOneofCase.Map
        or DataType.KindOneofCase.Struct;

    /// <summary>Atomic types (everything but arrays, maps, structs and the calendar interval), which Spark casts to a string implicitly.</summary>
    public static bool CastsToString(DataType t) => !IsComplex(t) && t.KindCase != DataType.KindOneofCase.CalendarInterval
        && t.KindCase != DataType.KindOneofCase.Unparsed;

    /// <summary>Spark's implicit casts to a numeric input (ANSI: strings are read as numbers; NULL fits anything).</summary>
    public static bool CastsToNumber(DataType t) => IsNumeric(t) || IsString(t) || IsNull(t);

    /// <summary>Implicit casts to a date or timestamp input (dates, timestamps and strings).</summary>
    public static bool CastsToDatetime(DataType t) => IsDatetime(t) || IsString(t) || IsNull(t);

    /// <summary>Implicit casts to a boolean input.</summary>
    public static bool CastsToBoolean(DataType t) => t.KindCase == DataType.KindOneofCase.Boolean || IsString(t) || IsNull(t);

    /// <summary>The decimal Spark widens a number to in decimal arithmetic (integers: enough digits for their range).</summary>
    public static (int P, int S)? AsDecimal(DataType t) => t.KindCase switch
    {
        DataType.KindOneofCase.Decimal => (Precision(t), Scale(t)),
        DataType.KindOneofCase.Byte => (3, 0),
        DataType.KindOneofCase.Short => (5, 0),
        DataType.KindOneofCase.Integer => (10, 0),
        DataType.KindOneofCase.Long => (20, 0),
        _ => null,
    };

    /// <summary>A decimal's precision (Spark's default decimal is decimal(10,0)).</summary>
    public static int Precision(DataType t) => t.Decimal.HasPrecision ? t.Decimal.Precision : 10;

    /// <summary>A decimal's scale.</summary>
    public static int Scale(DataType t) => t.Decimal.HasScale ? t.Decimal.Scale : 0;

    /// <summary>Spark's simpleString of a type, for error messages.</summary>
    public static string Name(DataType t) => t.KindCase switch
    {
        DataType.KindOneofCase.Null => "void",
        DataType.KindOneofCase.Boolean => "boolean",
        DataType.KindOneofCase.Byte => "tinyint",
        DataType.KindOneofCase.Short => "smallint",
        DataType.KindOneofCase.Integer => "int",
        DataType.KindOneofCase.Long => "bigint",
        DataType.KindOneofCase.Float => "float",
        DataType.KindOneofCase.Double => "double",
        DataType.KindOneofCase.Decimal => string.Create(CultureInfo.InvariantCulture, $"decimal({Precision(t)},{Scale(t)})"),
        DataType.KindOneofCase.String or DataType.KindOneofCase.Char or DataType.KindOneofCase.VarChar => "string",
        DataType.KindOneofCase.Binary => "binary",
        DataType.KindOneofCase.Date => "date",
        DataType.KindOneofCase.Timestamp => "timestamp",
        DataType.KindOneofCase.TimestampNtz => "timestamp_ntz",
        DataType.KindOneofCase.CalendarInterval => "interval",
        DataType.KindOneofCase.YearMonthInterval or DataType.KindOneofCase.DayTimeInterval => AnsiIntervalTypes.Name(t),
        DataType.KindOneofCase.Array => $"array<{Name(t.Array.ElementType)}>",
        DataType.KindOneofCase.Map => $"map<{Name(t.Map.KeyType)},{Name(t.Map.ValueType)}>",
        DataType.KindOneofCase.Struct => "struct<" + string.Join(",", t.Struct.Fields.Select(f => f.Name + ":" + Name(f.DataType))) + ">",
        _ => t.KindCase.ToString().ToLowerInvariant(),
    };
}

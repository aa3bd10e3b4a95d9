using Google.Protobuf;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>Literal expressions as a Spark Connect client sends them.</summary>
internal static class Literals
{
    internal static Expression Boolean(bool value) => new() { Literal = new Literal { Boolean = value } };

    internal static Expression String(string value) => new() { Literal = new Literal { String = value } };

    internal static Expression Null() => new() { Literal = new Literal { Null = new DataType { Null = new DataType.Types.NULL() } } };

    internal static Expression Integer(int value) => new() { Literal = new Literal { Integer = value } };

    internal static Expression Long(long value) => new() { Literal = new Literal { Long = value } };

    internal static Expression Short(short value) => new() { Literal = new Literal { Short = value } };

    internal static Expression Byte(sbyte value) => new() { Literal = new Literal { Byte = value } };

    internal static Expression Double(double value) => new() { Literal = new Literal { Double = value } };

    internal static Expression Float(float value) => new() { Literal = new Literal { Float = value } };

    internal static Expression Binary(byte[] value) => new() { Literal = new Literal { Binary = ByteString.CopyFrom(value) } };

    internal static Expression YearMonthInterval(int months) => new() { Literal = new Literal { YearMonthInterval = months } };

    internal static Expression DayTimeInterval(long microseconds) => new() { Literal = new Literal { DayTimeInterval = microseconds } };

    /// <summary>An exact decimal: <paramref name="value"/> is plain decimal text whose digits fit <paramref name="precision"/>.</summary>
    internal static Expression Decimal(string value, int precision, int scale) =>
        new() { Literal = new Literal { Decimal = new Literal.Types.Decimal { Value = value, Precision = precision, Scale = scale } } };
}

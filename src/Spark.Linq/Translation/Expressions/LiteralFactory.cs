using System.Globalization;
using Google.Protobuf;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Translation.Expressions;

/// <summary>
/// Turns a CLR value into a typed Spark literal, choosing the same literal kinds as the official
/// clients (int → integer, long → long, decimal → decimal(p,s) that fits the value, …). Values are
/// always literals, never SQL text.
/// </summary>
internal static class LiteralFactory
{
    private static readonly DateTime UnixEpoch = DateTime.UnixEpoch;

    /// <summary>The literal for <paramref name="value"/> of static type <paramref name="type"/>, or null if Spark has no literal for it.</summary>
    public static Literal? TryCreate(object? value, Type type)
    {
        if (value is null)
            return SparkTypes.For(type) is { } nullType ? new Literal { Null = nullType } : null;

        var t = value.GetType();
        if (t.IsEnum) return TryCreate(Convert.ChangeType(value, Enum.GetUnderlyingType(t), CultureInfo.InvariantCulture), Enum.GetUnderlyingType(t));
        return value switch
        {
            bool b => new Literal { Boolean = b },
            sbyte v => new Literal { Byte = v },
            byte v => new Literal { Short = v },
            short v => new Literal { Short = v },
            ushort v => new Literal { Integer = v },
            int v => new Literal { Integer = v },
            uint v => new Literal { Long = v },
            long v => new Literal { Long = v },
            ulong v => Decimal(v),
            float v => new Literal { Float = v },
            double v => new Literal { Double = v },
            decimal v => Decimal(v),
            string v => new Literal { String = v },
            char v => new Literal { String = v.ToString() },
            Guid v => new Literal { String = v.ToString() },
            DateTime v when v.Kind == DateTimeKind.Unspecified => new Literal { TimestampNtz = Micros(v - UnixEpoch) },
            DateTime v => new Literal { Timestamp = Micros(v.ToUniversalTime() - UnixEpoch) },
            DateTimeOffset v => new Literal { Timestamp = Micros(v.UtcDateTime - UnixEpoch) },
            DateOnly v => new Literal { Date = v.DayNumber - DateOnly.FromDateTime(UnixEpoch).DayNumber },
            TimeSpan v => new Literal { DayTimeInterval = Micros(v) },
            byte[] v => new Literal { Binary = ByteString.CopyFrom(v) },
            _ => null,
        };
    }

    /// <summary>decimal(p,s) with the smallest precision and the value's own scale, as Spark infers from a BigDecimal.</summary>
    public static Literal Decimal(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var scale = (int)((decimal.GetBits(value)[3] >> 16) & 0xFF);
        var digits = text.TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0').Length;
        var precision = Math.Max(Math.Max(digits, scale), 1);
        return new Literal { Decimal = new Literal.Types.Decimal { Value = text, Precision = precision, Scale = scale } };
    }

    private static Literal Decimal(ulong value) => Decimal((decimal)value);

    // Spark timestamps and intervals count microseconds; .NET ticks are 100 ns, so sub-microsecond digits are dropped.
    private static long Micros(TimeSpan span) => span.Ticks / 10;
}

using System.Globalization;

namespace Spark.Connect.Transport;

/// <summary>
/// The <c>grpc-timeout</c> header: at most 8 ASCII digits followed by a unit
/// (H hours, M minutes, S seconds, m milliseconds, u microseconds, n nanoseconds).
/// </summary>
internal static class GrpcTimeoutCodec
{
    private const long MaxValue = 99_999_999;

    private static readonly (char Unit, long TicksPerUnit)[] UnitsFinestFirst =
    [
        ('n', 0), ('u', 10), ('m', TimeSpan.TicksPerMillisecond), ('S', TimeSpan.TicksPerSecond),
        ('M', TimeSpan.TicksPerMinute), ('H', TimeSpan.TicksPerHour),
    ];

    /// <summary>
    /// Formats <paramref name="timeout"/> in the finest unit that fits 8 digits, rounding up so the
    /// server never sees a shorter deadline than the caller asked for.
    /// </summary>
    public static string Format(TimeSpan timeout)
    {
        long ticks = Math.Max(0, timeout.Ticks);
        if (ticks <= MaxValue / 100)
        {
            return (ticks * 100).ToString(CultureInfo.InvariantCulture) + "n";
        }

        for (int i = 1; i < UnitsFinestFirst.Length; i++)
        {
            var (unit, ticksPerUnit) = UnitsFinestFirst[i];
            long value = ticks / ticksPerUnit + (ticks % ticksPerUnit == 0 ? 0 : 1);
            if (value <= MaxValue)
            {
                return value.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }

    /// <summary>Parses a <c>grpc-timeout</c> value; returns false for anything malformed.</summary>
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        long amount = 0;
        for (int i = 0; i < value.Length - 1; i++)
        {
            char c = value[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            amount = amount * 10 + (c - '0');
        }

        char unit = value[^1];
        if (unit == 'n')
        {
            timeout = TimeSpan.FromTicks(amount / 100);
            return true;
        }

        foreach (var (u, ticksPerUnit) in UnitsFinestFirst)
        {
            if (u == unit)
            {
                timeout = TimeSpan.FromTicks(amount * ticksPerUnit);
                return true;
            }
        }

        return false;
    }
}

namespace Spark.Connect.Transport;

/// <summary>
/// The <c>grpc-timeout</c> header: at most 8 ASCII digits followed by a unit
/// (H hours, M minutes, S seconds, m milliseconds, u microseconds, n nanoseconds). The server reads it;
/// Grpc.Net.Client writes it on the client side.
/// </summary>
internal static class GrpcTimeoutCodec
{
    private const long MaxValue = 99_999_999;

    private static readonly (char Unit, long TicksPerUnit)[] UnitsFinestFirst =
    [
        ('n', 0), ('u', 10), ('m', TimeSpan.TicksPerMillisecond), ('S', TimeSpan.TicksPerSecond),
        ('M', TimeSpan.TicksPerMinute), ('H', TimeSpan.TicksPerHour),
    ];

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

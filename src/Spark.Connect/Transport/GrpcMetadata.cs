namespace Spark.Connect.Transport;

/// <summary>
/// Request metadata (HTTP/2 headers) a caller may add to a call: checked before anything is sent, so a bad key or
/// value fails with a message naming the key (never the value, which may be a secret) instead of a protocol error.
/// </summary>
internal static class GrpcMetadata
{
    /// <summary>Headers the transport sets itself; callers may not send them as metadata.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "te", "host", "user-agent", "content-length", "connection", "transfer-encoding",
        "upgrade", "keep-alive", "proxy-connection",
    };

    /// <summary>True for headers that metadata must not set (transport-owned and all <c>grpc-*</c> names).</summary>
    private static bool IsReserved(string headerName) =>
        headerName.StartsWith(':') || headerName.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase) || ReservedHeaders.Contains(headerName);

    /// <summary>
    /// Checks one metadata entry. Messages name the key but never echo the value, which may be a secret.
    /// </summary>
    public static void Validate(string key, string value)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A metadata key is empty.", nameof(key));
        }

        foreach (char c in key)
        {
            if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                throw new ArgumentException(
                    $"Metadata key '{key}' is invalid: keys must be lower-case ASCII letters, digits, '-', '_' or '.'.", nameof(key));
            }
        }

        if (IsReserved(key))
        {
            throw new ArgumentException(
                $"Metadata key '{key}' is reserved for the gRPC transport and cannot be set by callers.", nameof(key));
        }

        if (key.EndsWith("-bin", StringComparison.Ordinal))
        {
            if (!TryDecodeBinary(value, out _, out _))
            {
                throw new ArgumentException(
                    $"The value of binary metadata key '{key}' must be base64.", nameof(value));
            }

            return;
        }

        foreach (char c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException(
                    $"The value of metadata key '{key}' contains a character outside printable ASCII; " +
                    "use a key ending in '-bin' with base64 for binary values.", nameof(value));
            }
        }
    }

    /// <summary>Binary metadata (<c>*-bin</c> keys) is base64, padded or not.</summary>
    public static bool TryDecodeBinary(string value, out byte[] bytes, out string? error)
    {
        string trimmed = value.Trim();
        int remainder = trimmed.Length % 4;
        if (remainder == 1)
        {
            bytes = [];
            error = "its length is not a valid base64 length";
            return false;
        }

        string padded = remainder == 0 ? trimmed : trimmed + new string('=', 4 - remainder);
        try
        {
            bytes = Convert.FromBase64String(padded);
            error = null;
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            error = "it is not valid base64";
            return false;
        }
    }
}

namespace Spark.Connect.Transport;

/// <summary>Names and mappings from the gRPC over HTTP/2 specification, shared by client and server.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string StatusDetailsHeader = "grpc-status-details-bin";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";

    /// <summary>Headers the transport sets itself; callers may not send them as metadata.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "te", "host", "user-agent", "content-length", "connection", "transfer-encoding",
        "upgrade", "keep-alive", "proxy-connection",
    };

    /// <summary>True for headers that metadata must not set (transport-owned and all <c>grpc-*</c> names).</summary>
    public static bool IsReserved(string headerName) =>
        headerName.StartsWith(':') || headerName.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase) || ReservedHeaders.Contains(headerName);

    public static bool IsGrpcContentType(string? mediaType) =>
        mediaType is not null &&
        (mediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase) ||
         mediaType.StartsWith(ContentType + "+", StringComparison.OrdinalIgnoreCase) ||
         mediaType.StartsWith(ContentType + ";", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Checks one metadata entry. Messages name the key but never echo the value, which may be a secret.
    /// </summary>
    public static void ValidateMetadata(string key, string value)
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
            if (!GrpcStatusDetailsCodec.TryDecodeBinaryHeader(value, out _, out _))
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
}

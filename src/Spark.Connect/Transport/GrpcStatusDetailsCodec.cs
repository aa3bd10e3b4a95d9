using Google.Protobuf;

namespace Spark.Connect.Transport;

/// <summary>
/// The <c>grpc-status-details-bin</c> trailer: base64 (padded or not) of a serialized
/// <see cref="Google.Rpc.Status"/>. Binary metadata in general (<c>*-bin</c> keys) uses the same base64.
/// </summary>
internal static class GrpcStatusDetailsCodec
{
    /// <summary>Encodes the status as unpadded base64, as the gRPC spec recommends emitting.</summary>
    public static string Encode(Google.Rpc.Status status) => EncodeBinaryHeader(status.ToByteArray());

    /// <summary>Unpadded base64 of <paramref name="bytes"/>.</summary>
    public static string EncodeBinaryHeader(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    /// <summary>Decodes base64 with or without padding; false (with a reason) if it is not base64.</summary>
    public static bool TryDecodeBinaryHeader(string value, out byte[] bytes, out string? error)
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

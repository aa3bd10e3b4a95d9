using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Spark.Connect.Local.Service.Operations;

/// <summary>
/// The response ids of one operation: UUIDs whose first half is random per operation and whose second half
/// is the response's position in the stream. An id thus leads back to its position without a map from ids to
/// positions, which for a long result would keep one entry per response for the operation's whole life
/// (Spark keeps such a map; here a dropped response leaves nothing behind).
/// </summary>
internal sealed class ResponseIds
{
    private readonly ulong _operationHalf = BinaryPrimitives.ReadUInt64BigEndian(RandomNumberGenerator.GetBytes(8));

    /// <summary>The id of the response at <paramref name="position"/>.</summary>
    internal string For(long position)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, _operationHalf);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], position);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>The position <paramref name="responseId"/> stands for; false when it is not an id of this operation.</summary>
    internal bool TryPosition(string responseId, out long position)
    {
        position = -1;
        Span<byte> bytes = stackalloc byte[16];
        if (!Guid.TryParse(responseId, out var id) || !id.TryWriteBytes(bytes, bigEndian: true, out _)
            || BinaryPrimitives.ReadUInt64BigEndian(bytes) != _operationHalf)
            return false;
        position = BinaryPrimitives.ReadInt64BigEndian(bytes[8..]);
        return position >= 0;
    }
}

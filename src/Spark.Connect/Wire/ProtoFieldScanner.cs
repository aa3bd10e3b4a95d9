namespace Spark.Connect.Wire;

/// <summary>One field of a protobuf message as it lies in the bytes: where its tag starts and where its value lies.</summary>
/// <param name="Number">The field number.</param>
/// <param name="WireType">0 varint, 1 fixed64, 2 length-delimited, 5 fixed32 (groups are never returned).</param>
/// <param name="Start">The offset of the field's tag.</param>
/// <param name="ValueStart">The offset of the value (for length-delimited fields, after the length).</param>
/// <param name="End">The offset just past the value.</param>
internal readonly record struct ProtoField(int Number, int WireType, int Start, int ValueStart, int End);

/// <summary>
/// Walks the top-level fields of one protobuf message without decoding them, so a caller can find where a field's
/// bytes lie. It is deliberately strict: anything it does not fully understand (groups, a truncated or overlong
/// varint, a length past the end, field number 0) stops the walk as "not scanned", and the caller then falls back
/// to Google.Protobuf's own parser, which decides whether the bytes are valid and raises its usual error if not.
/// </summary>
internal ref struct ProtoFieldScanner(ReadOnlySpan<byte> message, int offset)
{
    private const int VarintType = 0, Fixed64Type = 1, LengthDelimitedType = 2, Fixed32Type = 5;

    private readonly ReadOnlySpan<byte> _message = message;
    private int _position = offset;

    /// <summary>False when the bytes could not be walked to the end (see the type's remarks); true after a clean end.</summary>
    internal bool Scanned { get; private set; }

    /// <summary>The next field, or false at the end of the message or when the walk stops.</summary>
    internal bool Next(out ProtoField field)
    {
        field = default;
        if (_position == _message.Length)
        {
            Scanned = true;
            return false;
        }
        var start = _position;
        if (!TryReadVarint(out var tag) || tag > uint.MaxValue)
            return Stop();
        var number = (int)(tag >> 3);
        var wireType = (int)(tag & 7);
        if (number == 0)
            return Stop();
        var valueStart = _position;
        long length;
        switch (wireType)
        {
            case VarintType:
                if (!TryReadVarint(out _))
                    return Stop();
                field = new ProtoField(number, wireType, start, valueStart, _position);
                return true;
            case Fixed64Type:
                length = 8;
                break;
            case Fixed32Type:
                length = 4;
                break;
            case LengthDelimitedType:
                if (!TryReadVarint(out var declared) || declared > int.MaxValue)
                    return Stop();
                valueStart = _position;
                length = (long)declared;
                break;
            default:
                // Groups (3, 4) would need a recursive walk; the generic parser handles them.
                return Stop();
        }
        if (length > _message.Length - _position)
            return Stop();
        _position += (int)length;
        field = new ProtoField(number, wireType, start, valueStart, _position);
        return true;
    }

    private bool Stop()
    {
        _position = _message.Length;
        Scanned = false;
        return false;
    }

    private bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && _position < _message.Length; shift += 7)
        {
            var b = _message[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return shift < 63 || b <= 1;
        }
        return false;
    }

    internal static bool IsLengthDelimited(in ProtoField field) => field.WireType == LengthDelimitedType;
}

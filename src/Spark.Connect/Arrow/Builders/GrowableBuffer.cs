using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Spark.Connect.Arrow;

/// <summary>An append-only byte buffer backed by an 8-byte-aligned array, for builders.</summary>
internal sealed class GrowableBuffer
{
    private long[] _words = [];

    // The size the last detached buffer reached: the next batch starts there instead of doubling up from
    // 64 bytes again (each doubling is an array for the GC, and the last ones land on the large-object heap).
    private int _lastWords;

    // After a lend, the array still holds the lent batch's bytes up to here; ZeroExtend clears what it exposes of them.
    private int _staleBytes;

    internal int Length { get; private set; }

    internal Span<byte> Bytes => MemoryMarshal.AsBytes(_words.AsSpan())[..Length];

    internal void Append<T>(T value) where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        EnsureCapacity(Length + size);
        Unsafe.WriteUnaligned(ref MemoryMarshal.AsBytes(_words.AsSpan())[Length], value);
        Length += size;
    }

    internal void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(Length + bytes.Length);
        bytes.CopyTo(MemoryMarshal.AsBytes(_words.AsSpan())[Length..]);
        Length += bytes.Length;
    }

    /// <summary>Grows by <paramref name="bytes"/> bytes and returns them (zeroed) for the caller to fill.</summary>
    internal Span<byte> Extend(int bytes)
    {
        var start = Length;
        ZeroExtend(checked(Length + bytes));
        return MemoryMarshal.AsBytes(_words.AsSpan()).Slice(start, bytes);
    }

    /// <summary>Grows to <paramref name="length"/> bytes, new bytes zeroed.</summary>
    internal void ZeroExtend(int length)
    {
        if (length <= Length)
            return;
        EnsureCapacity(length);
        if (_staleBytes > Length)
            MemoryMarshal.AsBytes(_words.AsSpan())[Length..Math.Min(length, _staleBytes)].Clear();
        Length = length;
    }

    /// <summary>
    /// The contents as memory; the buffer starts over empty. Detached (<paramref name="lend"/> false), the memory is
    /// the caller's and the next rows go to a new array. Lent, the next rows overwrite the same array, so the memory
    /// is valid only until the next append: for a batch that is consumed (written out) before building the next one.
    /// </summary>
    internal ReadOnlyMemory<byte> Detach(bool lend = false)
    {
        var memory = Length == 0 ? ReadOnlyMemory<byte>.Empty : new AlignedBytes(_words, Length).Memory;
        _lastWords = (Length + 7) / 8;
        if (lend)
        {
            _staleBytes = Math.Max(_staleBytes, Length);
        }
        else
        {
            _words = [];
            _staleBytes = 0;
        }
        Length = 0;
        return memory;
    }

    private void EnsureCapacity(int bytes)
    {
        if (bytes < 0)
            throw new InvalidOperationException("An Arrow column buffer cannot exceed 2 GiB.");
        var words = (bytes + 7) / 8;
        if (words > _words.Length)
            Array.Resize(ref _words, Math.Max(words, Math.Max(_words.Length == 0 ? _lastWords : 8, _words.Length * 2)));
    }
}

/// <summary>Exposes the first bytes of an 8-byte-aligned long[] as memory.</summary>
internal sealed class AlignedBytes(long[] words, int length) : System.Buffers.MemoryManager<byte>
{
    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(words.AsSpan())[..length];

    public override unsafe System.Buffers.MemoryHandle Pin(int elementIndex = 0)
    {
        var handle = GCHandle.Alloc(words, GCHandleType.Pinned);
        return new System.Buffers.MemoryHandle((byte*)handle.AddrOfPinnedObject() + elementIndex, handle);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}

/// <summary>Bit-packed booleans (validity or values), least significant bit first.</summary>
internal sealed class BitBuffer
{
    private readonly GrowableBuffer _bytes = new();

    internal int Count { get; private set; }

    internal void Append(bool bit)
    {
        if ((Count & 7) == 0)
            _bytes.Append((byte)0);
        if (bit)
            _bytes.Bytes[Count >> 3] |= (byte)(1 << (Count & 7));
        Count++;
    }

    /// <summary>Appends <paramref name="count"/> set bits.</summary>
    internal void AppendSet(int count)
    {
        var end = checked(Count + count);
        _bytes.ZeroExtend((end + 7) >> 3);
        var bytes = _bytes.Bytes;
        var bit = Count;
        for (; bit < end && (bit & 7) != 0; bit++)
            bytes[bit >> 3] |= (byte)(1 << (bit & 7));
        var whole = (end - bit) >> 3;
        bytes.Slice(bit >> 3, whole).Fill(0xFF);
        for (bit += whole << 3; bit < end; bit++)
            bytes[bit >> 3] |= (byte)(1 << (bit & 7));
        Count = end;
    }

    /// <summary>
    /// Appends bits [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of a
    /// little-endian bitmap given as 64-bit words, a byte at a time where the target is byte-aligned.
    /// Returns how many of them were clear (for a validity bitmap: the nulls).
    /// </summary>
    internal int AppendBits(ReadOnlySpan<ulong> words, int start, int count)
    {
        var end = checked(Count + count);
        _bytes.ZeroExtend((end + 7) >> 3);
        var bytes = _bytes.Bytes;
        var set = 0;
        var i = 0;
        for (; i < count && ((Count + i) & 7) != 0; i++)
            set += SetIf(bytes, Count + i, words, start + i);
        for (; i + 8 <= count; i += 8)
        {
            var eight = ReadEight(words, start + i);
            bytes[(Count + i) >> 3] = eight;
            set += System.Numerics.BitOperations.PopCount(eight);
        }
        for (; i < count; i++)
            set += SetIf(bytes, Count + i, words, start + i);
        Count = end;
        return count - set;
    }

    private static int SetIf(Span<byte> bytes, int target, ReadOnlySpan<ulong> words, int source)
    {
        var bit = (int)(words[source >> 6] >> (source & 63)) & 1;
        bytes[target >> 3] |= (byte)(bit << (target & 7));
        return bit;
    }

    // Bits [source, source + 8) of the bitmap; the caller guarantees they all lie inside it.
    private static byte ReadEight(ReadOnlySpan<ulong> words, int source)
    {
        var shift = source & 63;
        var value = words[source >> 6] >> shift;
        if (shift > 56)
            value |= words[(source >> 6) + 1] << (64 - shift);
        return (byte)value;
    }

    internal ReadOnlyMemory<byte> Detach(bool lend = false)
    {
        Count = 0;
        return _bytes.Detach(lend);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Spark.Connect.Arrow;

/// <summary>An append-only byte buffer backed by an 8-byte-aligned array, for builders.</summary>
internal sealed class GrowableBuffer
{
    private long[] _words = [];

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

    /// <summary>Grows to <paramref name="length"/> bytes, new bytes zeroed.</summary>
    internal void ZeroExtend(int length)
    {
        if (length <= Length)
            return;
        EnsureCapacity(length);
        Length = length;
    }

    /// <summary>The contents as memory owned by the caller; the buffer starts over empty.</summary>
    internal ReadOnlyMemory<byte> Detach()
    {
        var memory = Length == 0 ? ReadOnlyMemory<byte>.Empty : new AlignedBytes(_words, Length).Memory;
        _words = [];
        Length = 0;
        return memory;
    }

    private void EnsureCapacity(int bytes)
    {
        if (bytes < 0)
            throw new InvalidOperationException("An Arrow column buffer cannot exceed 2 GiB.");
        var words = (bytes + 7) / 8;
        if (words > _words.Length)
            Array.Resize(ref _words, Math.Max(words, Math.Max(8, _words.Length * 2)));
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

    internal ReadOnlyMemory<byte> Detach()
    {
        Count = 0;
        return _bytes.Detach();
    }
}

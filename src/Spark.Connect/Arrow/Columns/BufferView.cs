using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Spark.Connect.Arrow;

/// <summary>
/// A validated buffer whose span is cheap to take per value: when the memory is array-backed the
/// span is rebuilt from the array without <see cref="ReadOnlyMemory{T}.Span"/>'s type dispatch.
/// </summary>
internal readonly struct BufferView
{
    private readonly byte[]? _array;
    private readonly int _offset;
    private readonly ReadOnlyMemory<byte> _memory;

    internal BufferView(ReadOnlyMemory<byte> memory)
    {
        _memory = memory;
        if (MemoryMarshal.TryGetArray(memory, out var segment) && segment.Array is not null)
        {
            _array = segment.Array;
            _offset = segment.Offset;
        }
    }

    internal int Length => _memory.Length;

    internal ReadOnlyMemory<byte> Memory => _memory;

    /// <summary>
    /// Reads a <typeparamref name="T"/> at a byte position the column validated at construction
    /// (buffer lengths never change, so the read stays inside the buffer).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T Read<T>(int byteOffset) where T : unmanaged =>
        Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref MemoryMarshal.GetReference(Span), byteOffset));

    internal ReadOnlySpan<byte> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _array is null
            ? _memory.Span
            : MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_array), _offset), _memory.Length);
    }
}

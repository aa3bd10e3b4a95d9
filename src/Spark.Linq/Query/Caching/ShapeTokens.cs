using System.Linq.Expressions;
using System.Runtime.InteropServices;

namespace Spark.Linq.Query.Caching;

/// <summary>
/// One element of a query shape: a reference compared with <c>Equals</c> (a type, member, method, name or
/// <see cref="ValueToken"/>) and a number tagged with what it is (a node type, a count, a slot index), so that
/// describing a query boxes nothing.
/// </summary>
internal readonly record struct ShapeToken(object? Reference, long Number);

/// <summary>The tokens of a query shape as they are written, with their hash kept up to date (one pass, no boxing).</summary>
internal sealed class ShapeTokens
{
    // The tag keeps tokens of different kinds apart (a count of 3 is not node type 3).
    private const long Node = 1L << 40, Count = 2L << 40, Flag = 3L << 40, Binding = 4L << 40, Slot = 5L << 40, Reference = 6L << 40;

    private readonly List<ShapeToken> _items = new(64);
    private HashCode _hash;

    public void AddNull() => Add(new ShapeToken(null, 0));

    public void AddNode(ExpressionType nodeType, Type type) => Add(new ShapeToken(type, Node | (uint)nodeType));

    public void Add(int count) => Add(new ShapeToken(null, Count | (uint)count));

    public void Add(bool flag) => Add(new ShapeToken(null, Flag | (flag ? 1L : 0L)));

    public void Add(MemberBindingType binding) => Add(new ShapeToken(null, Binding | (uint)binding));

    /// <summary>Slot number <paramref name="index"/>, with the runtime type of its value (null for a null value).</summary>
    public void AddSlot(int index, Type? runtimeType) => Add(new ShapeToken(runtimeType, Slot | (uint)index));

    public void Add(object? reference) => Add(new ShapeToken(reference, Reference));

    private void Add(ShapeToken token)
    {
        _items.Add(token);
        _hash.Add(token.Number);
        _hash.Add(token.Reference);
    }

    public int Hash => _hash.ToHashCode();

    public ReadOnlySpan<ShapeToken> Items => CollectionsMarshal.AsSpan(_items);
}

using Spark.Connect;
using Spark.Connect.Protocol;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Query.Caching;

/// <summary>
/// Notes, during one translation, where each slot's value went: the literal messages made from it and
/// the Limit/Offset relations whose count it is. A slot whose value is read any other way (a function
/// name, a collection, an ElementAt index) is never recorded, so the cache pins its value instead.
/// Translators that inspect a constant's value must not also send it through the literal path.
/// </summary>
internal sealed class SlotRecorder
{
    private readonly Dictionary<object, int> _slotOf;

    public SlotRecorder(IReadOnlyList<Slot> slots)
    {
        _slotOf = new Dictionary<object, int>(slots.Count);
        for (var i = 0; i < slots.Count; i++) _slotOf[slots[i].Source] = i;
    }

    /// <summary>Literal message (by reference) → slot.</summary>
    public Dictionary<Literal, int> Literals { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Limit or Offset relation (by reference) → slot of its count.</summary>
    public Dictionary<Relation, int> Counts { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary><paramref name="literal"/> was made from <paramref name="source"/> (a constant or an SQL argument) as is.</summary>
    public void Literal(object source, Literal literal)
    {
        if (_slotOf.TryGetValue(source, out var slot)) Literals[literal] = slot;
    }

    /// <summary><paramref name="relation"/> (a Limit or Offset) has the count <c>max(0, value)</c> of <paramref name="source"/>.</summary>
    public void Count(object source, Relation relation)
    {
        if (_slotOf.TryGetValue(source, out var slot)) Counts[relation] = slot;
    }

    /// <summary>Captured value index (in the client part of a final Select) → slot.</summary>
    public Dictionary<int, int> ClientValues { get; } = [];

    /// <summary>The client part of the final Select reads <paramref name="source"/>'s value as its captured value number <paramref name="index"/>.</summary>
    public void ClientValue(object source, int index)
    {
        if (_slotOf.TryGetValue(source, out var slot)) ClientValues[index] = slot;
    }

    private readonly HashSet<int> _pinned = [];

    /// <summary>
    /// A translator decided something from <paramref name="source"/>'s value (a format, a plug-in's choice): the
    /// cached plan serves only that value, even where the value also became a literal.
    /// </summary>
    public void Pin(object source)
    {
        if (_slotOf.TryGetValue(source, out var slot)) _pinned.Add(slot);
    }

    public bool IsPinned(int slot) => _pinned.Contains(slot);
}

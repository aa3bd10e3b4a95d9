using Google.Protobuf;
using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Linq.Translation;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Query.Caching;

/// <summary>
/// A translated query kept for re-use: a private copy of the relation, where each slot's value sits
/// (as field paths from the root, which a clone preserves), and the slots whose
/// values were used in ways the template can't re-bind, so they must match exactly.
/// </summary>
internal sealed class PlanTemplate
{
    private readonly TranslatedQuery _query;
    private readonly SlotPaths _paths;
    private readonly (int Slot, ValueToken Value)[] _pinned;
    private readonly (int Value, int Slot)[] _clientValues;

    private PlanTemplate(TranslatedQuery query, SlotPaths paths, (int, ValueToken)[] pinned, (int, int)[] clientValues)
    {
        _query = query;
        _paths = paths;
        _pinned = pinned;
        _clientValues = clientValues;
    }

    /// <summary>The template of <paramref name="translated"/>, or null when a pinned value can't be compared (then the query is not cached).</summary>
    public static PlanTemplate? Create(TranslatedQuery translated, IReadOnlyList<Slot> slots, SlotRecorder recorder)
    {
        var found = new bool[slots.Count];
        var paths = SlotPaths.Of(translated.Relation, message =>
        {
            var slot = message switch
            {
                SparkExpression { ExprTypeCase: SparkExpression.ExprTypeOneofCase.Literal } e when recorder.Literals.TryGetValue(e.Literal, out var s) => s,
                Relation r when recorder.Counts.TryGetValue(r, out var s) => s,
                _ => -1,
            };
            if (slot < 0 || recorder.IsPinned(slot)) return -1;
            found[slot] = true;
            return slot;
        });

        // The client part of a final Select reads its captured values from an array bound per execution.
        var clientValues = new List<(int, int)>();
        if (translated.Client is { } client)
        {
            for (var value = 0; value < client.Values.Length; value++)
            {
                if (!recorder.ClientValues.TryGetValue(value, out var slot) || recorder.IsPinned(slot)) return null;
                clientValues.Add((value, slot));
                found[slot] = true;
            }
        }

        var pinned = new List<(int, ValueToken)>();
        for (var i = 0; i < slots.Count; i++)
        {
            if (found[i]) continue;
            if (!ValueToken.TryCreate(slots[i].Value, out var token)) return null;
            pinned.Add((i, token));
        }
        // The template keeps no execution's captured objects alive: each Bind supplies its own.
        var stored = translated with
        {
            Relation = translated.Relation.Clone(),
            Client = translated.Client is { } rows ? rows with { Values = new object?[rows.Values.Length] } : null,
        };
        return new PlanTemplate(stored, paths, [.. pinned], [.. clientValues]);
    }

    /// <summary>True if the slots agree with the pinned values, so <see cref="Bind"/> gives the right plan.</summary>
    public bool Accepts(IReadOnlyList<Slot> slots)
    {
        foreach (var (slot, value) in _pinned)
        {
            if (!ValueToken.TryCreate(slots[slot].Value, out var token) || !token.Equals(value)) return false;
        }
        return true;
    }

    /// <summary>A fresh copy of the plan with <paramref name="slots"/>' values written in.</summary>
    public TranslatedQuery Bind(IReadOnlyList<Slot> slots)
    {
        var relation = _query.Relation.Clone();
        if (!_paths.IsEmpty) _paths.Bind(relation, slots, WriteSlot);
        if (_query.Client is not { } client) return _query with { Relation = relation };
        var values = new object?[client.Values.Length];
        foreach (var (value, slot) in _clientValues) values[value] = slots[slot].Value;
        return _query with { Relation = relation, Client = client with { Values = values } };
    }

    private static void WriteSlot(IMessage message, int slot, IReadOnlyList<Slot> slots)
    {
        var value = slots[slot];
        switch (message)
        {
            case SparkExpression expression:
                expression.Literal = LiteralFactory.TryCreate(value.Value, value.LiteralType)
                    ?? throw new InvalidOperationException($"The cached plan expected a literal for slot {slot}.");
                break;
            case Relation { RelTypeCase: Relation.RelTypeOneofCase.Limit } limit:
                limit.Limit.Limit_ = Math.Max(0, (int)value.Value!);
                break;
            case Relation { RelTypeCase: Relation.RelTypeOneofCase.Offset } offset:
                offset.Offset.Offset_ = Math.Max(0, (int)value.Value!);
                break;
        }
    }
}

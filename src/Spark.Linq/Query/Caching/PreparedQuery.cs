using System.Linq.Expressions;

namespace Spark.Linq.Query.Caching;

/// <summary>
/// What a query object needs to be served again without describing its expression tree: a tree is immutable, so the
/// same instance always has the same shape, and only its captured values (closure fields, <c>DateTime.Now</c>) can
/// differ between runs. It keeps, for each of the shape's slots, the row-independent sub-tree that computes it (or
/// its fixed value), with the kind of value it had when the shape key was made. A run whose values have another
/// runtime type, or another kind (null, no literal, a spliced query), would have another key, so it is not served here.
/// </summary>
internal sealed class PreparedQuery
{
    private readonly Source[] _sources;

    private PreparedQuery(ShapeKey key, Source[] sources)
    {
        Key = key;
        _sources = sources;
    }

    /// <summary>The key the query's template is stored under.</summary>
    public ShapeKey Key { get; }

    /// <summary>
    /// How one slot gets its value: by evaluating <see cref="Node"/> again (as a value of <see cref="LiteralType"/> whose
    /// runtime type and kind must be as they were), or as <see cref="Fixed"/>, a constant of the tree.
    /// </summary>
    private readonly record struct Source(Expression? Node, object SlotSource, Type LiteralType, Slot? Fixed, Type? RuntimeType, bool IsLiteral, ValueToken? Token);

    /// <summary>
    /// The prepared form of a query whose shape was just described, or null when its structure depends on more than the
    /// tree (a spliced query) or a slot's origin is unknown.
    /// </summary>
    public static PreparedQuery? Create(ShapeKey key, IReadOnlyList<Slot> slots, IReadOnlyDictionary<ConstantExpression, Expression> origins)
    {
        var sources = new Source[slots.Count];
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (slot.Source is ConstantExpression constant && origins.TryGetValue(constant, out var node))
            {
                ValueToken? token = null;
                if (!slot.HasLiteral) ValueToken.TryCreate(slot.Value, out token);
                // The first run's value is not kept: only what kind of value it was.
                sources[i] = new Source(node, slot.Source, slot.LiteralType, null, slot.Value?.GetType(), slot.HasLiteral, token);
            }
            else if (slot.Source is ConstantExpression or SqlArgument)
            {
                // Skip/Take counts and spark.Sql arguments are part of the immutable tree: the same every run.
                sources[i] = new Source(null, slot.Source, slot.LiteralType, slot, null, true, null);
            }
            else
            {
                return null;
            }
        }
        return new PreparedQuery(key, sources);
    }

    /// <summary>This run's slot values, or null when one of them would change the shape key (then the query is described afresh).</summary>
    public Slot[]? Evaluate()
    {
        var slots = new Slot[_sources.Length];
        for (var i = 0; i < _sources.Length; i++)
        {
            var source = _sources[i];
            if (source.Node is null)
            {
                slots[i] = source.Fixed!;
                continue;
            }
            object? value;
            try
            {
                value = ClosureEvaluator.ValueOf(source.Node);
            }
            catch (Exception)
            {
                // Described afresh, the query reports the failure with the evaluator's message.
                return null;
            }
            // A Spark query in a variable is spliced into the tree, which changes its structure.
            if (value?.GetType() != source.RuntimeType || value is IQueryable { Provider: SparkQueryProvider }) return null;
            if (QueryShape.IsSlotValue(value, source.LiteralType) != source.IsLiteral) return null;
            if (!source.IsLiteral && !SameToken(value, source.Token)) return null;
            slots[i] = new Slot(source.SlotSource, value, source.LiteralType, source.IsLiteral);
        }
        return slots;
    }

    private static bool SameToken(object? value, ValueToken? expected) =>
        ValueToken.TryCreate(value, out var token) ? token.Equals(expected) : expected is null;
}

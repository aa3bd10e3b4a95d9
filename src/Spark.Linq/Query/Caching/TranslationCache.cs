using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Spark.Connect;
using Spark.Linq.Translation;

namespace Spark.Linq.Query.Caching;

/// <summary>
/// Translated plans by query shape, so running the same query again with new captured values only
/// re-binds literals. Bounded (least recently used shapes are dropped first) and thread-safe:
/// translation runs outside the lock, and templates are never mutated once stored.
/// </summary>
internal sealed class TranslationCache(int capacity, int maxPlanDepth = PlanDepth.SparkServerLimit)
{
    /// <summary>Shapes kept per session; far more than an application's distinct queries, small in memory.</summary>
    public const int DefaultCapacity = 1024;

    private readonly object _gate = new();
    private readonly Dictionary<ShapeKey, LinkedListNode<(ShapeKey Key, PlanTemplate Template)>> _entries = new();
    private readonly LinkedList<(ShapeKey Key, PlanTemplate Template)> _recency = new();
    // Keyed by the tree itself, so an entry lives exactly as long as the query object it describes.
    private readonly ConditionalWeakTable<Expression, PreparedQuery> _prepared = new();
    private long _translations;
    private long _hits;
    private long _preparedHits;

    /// <summary>How many queries were translated from scratch (misses and uncacheable queries).</summary>
    public long Translations => Interlocked.Read(ref _translations);

    /// <summary>How many queries were answered by re-binding a cached plan.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>How many of the hits were served from a query object's prepared values without describing its tree.</summary>
    public long PreparedHits => Interlocked.Read(ref _preparedHits);

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>Evaluates closures in <paramref name="expression"/> and returns its plan, from the cache when the shape was seen.</summary>
    public TranslatedQuery Translate(Expression expression, SparkQueryOptions options)
    {
        // A query object run again: read its captured values, skip describing its tree.
        if (_prepared.TryGetValue(expression, out var prepared) && prepared.Key.Options.Equals(options)
            && prepared.Evaluate() is { } values && Find(prepared.Key, values) is { } known)
        {
            Interlocked.Increment(ref _hits);
            Interlocked.Increment(ref _preparedHits);
            return known.Bind(values);
        }

        var evaluated = ClosureEvaluator.Evaluate(expression, out var closureValues, out var origins, out var inlined);
        var shape = QueryShape.Of(evaluated, closureValues, options);
        if (shape is null) return TranslateFresh(evaluated, options, null, origins);

        var template = Find(shape.Key, shape.Slots);
        if (template is not null)
        {
            Interlocked.Increment(ref _hits);
            Prepare(expression, shape, origins, inlined);
            return template.Bind(shape.Slots);
        }

        var recorder = new SlotRecorder(shape.Slots);
        var translated = TranslateFresh(evaluated, options, recorder, origins);
        if (PlanTemplate.Create(translated, shape.Slots, recorder) is { } created)
        {
            Store(shape.Key, created);
            Prepare(expression, shape, origins, inlined);
        }
        return translated;
    }

    /// <summary>Remembers, for as long as the tree lives, how to serve <paramref name="expression"/> again from its values alone.</summary>
    private void Prepare(Expression expression, QueryShape shape, IReadOnlyDictionary<ConstantExpression, Expression> origins, bool inlined)
    {
        if (inlined || shape.KeysCollectionContents || PreparedQuery.Create(shape.Key, shape.Slots, origins) is not { } prepared) return;
        _prepared.AddOrUpdate(expression, prepared);
    }

    private TranslatedQuery TranslateFresh(Expression evaluated, SparkQueryOptions options, SlotRecorder? recorder,
        IReadOnlyDictionary<ConstantExpression, Expression> origins)
    {
        Interlocked.Increment(ref _translations);
        var context = new TranslationContext(options) { Slots = recorder, Origins = origins };
        var translated = QueryTranslator.Translate(context, evaluated);
        // Measured before anything recurses over the plan (the template's clone, printers, serialization).
        Depth.PlanDepthLimit.Check(translated.Relation, evaluated, maxPlanDepth);
        return translated with { LiteralSources = context.LiteralTypes.InWalkOrder(translated.Relation) };
    }

    private PlanTemplate? Find(ShapeKey key, IReadOnlyList<Slot> slots)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node) || !node.Value.Template.Accepts(slots)) return null;
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Template;
        }
    }

    private void Store(ShapeKey key, PlanTemplate template)
    {
        lock (_gate)
        {
            // A shape seen with other pinned values is replaced: the newest values are the likeliest to come again.
            if (_entries.Remove(key, out var existing)) _recency.Remove(existing);
            _entries[key] = _recency.AddFirst((key, template));
            while (_entries.Count > capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
        }
    }
}

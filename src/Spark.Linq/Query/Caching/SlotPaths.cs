using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Spark.Linq.Query.Caching;

/// <summary>
/// Where a template's slots sit, as field steps from the root (a field, then an item index or map key), merged
/// where paths share a prefix. Re-binding a clone of the template follows only these steps instead of walking
/// every message of the plan through protobuf reflection, so a cache hit costs the clone plus the slots' paths.
/// Built once per template; immutable after.
/// </summary>
internal sealed class SlotPaths
{
    /// <summary>One message on a path: how it is reached from its parent, what is below it, and its slot if it is one.</summary>
    private sealed class Step(FieldDescriptor? field, int index, object? key)
    {
        public FieldDescriptor? Field { get; } = field;

        /// <summary>The item of a repeated field, or -1.</summary>
        public int Index { get; } = index;

        /// <summary>The key of a map field's value, or null.</summary>
        public object? Key { get; } = key;

        public List<Step> Below { get; } = [];

        public int Slot { get; set; } = -1;

        public IMessage Follow(IMessage parent)
        {
            var value = Field!.Accessor.GetValue(parent);
            if (Key is not null) return (IMessage)((IDictionary)value)[Key]!;
            if (Index >= 0) return (IMessage)((IList)value)[Index]!;
            return (IMessage)value;
        }
    }

    private readonly Step _root;

    private SlotPaths(Step root) => _root = root;

    public bool IsEmpty => _root.Below.Count == 0 && _root.Slot < 0;

    /// <summary>
    /// The paths to the messages of <paramref name="plan"/> for which <paramref name="slotOf"/> gives a slot (≥ 0).
    /// One iterative walk; each message notes how it was reached, and a slot's path is made by climbing to the
    /// nearest message already on a path, so building is linear in the plan's size.
    /// </summary>
    public static SlotPaths Of(IMessage plan, Func<IMessage, int> slotOf)
    {
        var root = new Step(null, -1, null);
        var reached = new Dictionary<IMessage, (IMessage? Parent, FieldDescriptor? Field, int Index, object? Key)>(ReferenceEqualityComparer.Instance);
        var steps = new Dictionary<IMessage, Step>(ReferenceEqualityComparer.Instance) { [plan] = root };
        var pending = new Stack<IMessage>();
        reached[plan] = (null, null, -1, null);
        pending.Push(plan);
        while (pending.TryPop(out var message))
        {
            var slot = slotOf(message);
            if (slot >= 0) StepTo(message, reached, steps).Slot = slot;
            foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
            {
                if (field.FieldType is not (FieldType.Message or FieldType.Group)) continue;
                switch (field.Accessor.GetValue(message))
                {
                    case IDictionary map:
                        foreach (DictionaryEntry entry in map) Reach(entry.Value, (message, field, -1, entry.Key));
                        break;
                    case IList list when field.IsRepeated:
                        for (var i = 0; i < list.Count; i++) Reach(list[i], (message, field, i, null));
                        break;
                    case IMessage child:
                        Reach(child, (message, field, -1, null));
                        break;
                }
            }
        }
        return new SlotPaths(root);

        void Reach(object? child, (IMessage?, FieldDescriptor?, int, object?) how)
        {
            // A message held twice would make two paths ambiguous; plans are trees, so the first way in stands.
            if (child is IMessage message && reached.TryAdd(message, how)) pending.Push(message);
        }
    }

    private static Step StepTo(IMessage message, Dictionary<IMessage, (IMessage? Parent, FieldDescriptor? Field, int Index, object? Key)> reached,
        Dictionary<IMessage, Step> steps)
    {
        if (steps.TryGetValue(message, out var known)) return known;
        // Climb to the nearest message already on a path, then add the missing steps top-down.
        var missing = new List<IMessage>();
        var current = message;
        while (!steps.ContainsKey(current))
        {
            missing.Add(current);
            current = reached[current].Parent!;
        }
        var step = steps[current];
        for (var i = missing.Count - 1; i >= 0; i--)
        {
            var (_, field, index, key) = reached[missing[i]];
            var next = new Step(field, index, key);
            step.Below.Add(next);
            steps[missing[i]] = next;
            step = next;
        }
        return step;
    }

    /// <summary>Calls <paramref name="bind"/> with each slot's message in <paramref name="copy"/> (a clone of the plan the paths were made from).</summary>
    public void Bind<TState>(IMessage copy, TState state, Action<IMessage, int, TState> bind)
    {
        // Iterative: a path is as deep as the plan.
        var pending = new Stack<(Step, IMessage)>();
        pending.Push((_root, copy));
        while (pending.TryPop(out var item))
        {
            var (step, message) = item;
            if (step.Slot >= 0) bind(message, step.Slot, state);
            foreach (var below in step.Below) pending.Push((below, below.Follow(message)));
        }
    }
}

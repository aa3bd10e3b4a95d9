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
    /// One iterative walk; each occurrence of a message notes how it was reached (a message held in two places is
    /// two occurrences, as it is two copies in a clone), and a slot's path is made by climbing to the nearest
    /// occurrence already on a path, so building is linear in the plan's size.
    /// </summary>
    public static SlotPaths Of(IMessage plan, Func<IMessage, int> slotOf)
    {
        var root = new Step(null, -1, null);
        var seen = new List<Occurrence> { new(-1, null, -1, null) };
        var steps = new List<Step?> { root };
        var pending = new Stack<(IMessage Message, int Occurrence)>();
        pending.Push((plan, 0));
        while (pending.TryPop(out var item))
        {
            var (message, at) = item;
            var slot = slotOf(message);
            if (slot >= 0) StepTo(at, seen, steps).Slot = slot;
            foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
            {
                if (field.FieldType is not (FieldType.Message or FieldType.Group)) continue;
                switch (field.Accessor.GetValue(message))
                {
                    case IDictionary map:
                        foreach (DictionaryEntry entry in map) Reach(entry.Value, new Occurrence(at, field, -1, entry.Key));
                        break;
                    case IList list when field.IsRepeated:
                        for (var i = 0; i < list.Count; i++) Reach(list[i], new Occurrence(at, field, i, null));
                        break;
                    case IMessage child:
                        Reach(child, new Occurrence(at, field, -1, null));
                        break;
                }
            }
        }
        return new SlotPaths(root);

        void Reach(object? child, Occurrence how)
        {
            if (child is not IMessage message) return;
            seen.Add(how);
            steps.Add(null);
            pending.Push((message, seen.Count - 1));
        }
    }

    /// <summary>How one occurrence of a message is reached from its parent's occurrence.</summary>
    private readonly record struct Occurrence(int Parent, FieldDescriptor? Field, int Index, object? Key);

    private static Step StepTo(int occurrence, List<Occurrence> seen, List<Step?> steps)
    {
        if (steps[occurrence] is { } known) return known;
        // Climb to the nearest occurrence already on a path, then add the missing steps top-down.
        var missing = new List<int>();
        var current = occurrence;
        while (steps[current] is null)
        {
            missing.Add(current);
            current = seen[current].Parent;
        }
        var step = steps[current]!;
        for (var i = missing.Count - 1; i >= 0; i--)
        {
            var how = seen[missing[i]];
            var next = new Step(how.Field, how.Index, how.Key);
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

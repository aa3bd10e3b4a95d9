using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Spark.Connect;

/// <summary>
/// How deep a message nests, measured the way protobuf's parser counts recursion: the message itself
/// is level 0 and every message inside another (a map entry included) one level more. Measured with an
/// explicit stack, so a message of any depth is measured safely; Google.Protobuf's own serialization,
/// size calculation, cloning and equality recurse once per level and must never see an unmeasured plan.
/// </summary>
internal static class PlanDepth
{
    /// <summary>
    /// The recursion limit Spark Connect servers parse requests with
    /// (<c>spark.connect.grpc.marshallerRecursionLimit</c>, 1,024 by default).
    /// </summary>
    public const int SparkServerLimit = 1024;

    /// <summary>
    /// Levels an AnalyzePlan request adds above its plan's root relation (request, analysis kind, plan):
    /// the most any request that carries a relation adds (ExecutePlan adds two).
    /// </summary>
    public const int RequestLevelsAboveRelation = 3;

    private static readonly ConcurrentDictionary<MessageDescriptor, Layout> Layouts = new();

    /// <summary>The deepest level any message inside <paramref name="message"/> sits at (0 when it holds none).</summary>
    public static int Of(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var deepest = 0;
        // Every request is measured before it is sent, so the walk allocates nothing per message: no iterators,
        // list elements read by index.
        var pending = new Stack<(IMessage Message, int Level)>();
        pending.Push((message, 0));
        while (pending.TryPop(out var item))
        {
            deepest = Math.Max(deepest, item.Level);
            PushChildren(pending, item.Message, item.Level + 1);
        }
        return deepest;
    }

    /// <summary>Throws <see cref="SparkPlanTooDeepException"/> when <paramref name="request"/> nests deeper than <paramref name="limit"/>.</summary>
    public static void Check(IMessage request, int limit)
    {
        var depth = Of(request);
        if (depth > limit) throw new SparkPlanTooDeepException(depth, limit);
    }

    private static void PushChildren(Stack<(IMessage, int)> pending, IMessage message, int level)
    {
        var layout = Layouts.GetOrAdd(message.Descriptor, Layout.For);
        foreach (var oneof in layout.Oneofs)
        {
            if (oneof.Accessor.GetCaseFieldDescriptor(message) is { FieldType: FieldType.Message } chosen
                && chosen.Accessor.GetValue(message) is IMessage child)
                pending.Push((child, level));
        }
        foreach (var field in layout.Fields)
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                // Each entry is a message on the wire; a message value sits one level below it.
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (entry.Value is IMessage child) pending.Push((child, level + 1));
                }
            }
            else if (field.IsRepeated)
            {
                var items = (IList)value;
                for (var i = 0; i < items.Count; i++) pending.Push(((IMessage)items[i]!, level));
            }
            else if (value is IMessage child)
            {
                pending.Push((child, level));
            }
        }
    }

    /// <summary>
    /// Where a message type keeps other messages: its real oneofs (one case read each, rather than every
    /// alternative: a relation has dozens) and its other message, repeated-message and map fields.
    /// </summary>
    private sealed record Layout(OneofDescriptor[] Oneofs, FieldDescriptor[] Fields)
    {
        public static Layout For(MessageDescriptor descriptor)
        {
            var oneofs = descriptor.Oneofs
                .Where(o => !o.IsSynthetic && o.Fields.Any(f => f.FieldType == FieldType.Message))
                .ToArray();
            var fields = descriptor.Fields.InFieldNumberOrder()
                .Where(f => f.RealContainingOneof is null && HoldsMessages(f))
                .ToArray();
            return new Layout(oneofs, fields);
        }

        private static bool HoldsMessages(FieldDescriptor field) =>
            field.IsMap
                ? field.MessageType.FindFieldByNumber(2).FieldType == FieldType.Message
                : field.FieldType == FieldType.Message;
    }
}

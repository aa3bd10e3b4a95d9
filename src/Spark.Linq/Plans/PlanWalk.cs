using Google.Protobuf;
using Spark.Connect;

namespace Spark.Linq.Plans;

/// <summary>
/// Visits every message of a plan depth-first, parent before children, fields in field-number order (map values
/// in insertion order, which <c>Clone</c> keeps). Two walks of a plan and of its clone visit the same messages in
/// the same order, so a position in the walk identifies a message across copies.
/// </summary>
internal static class PlanWalk
{
    /// <param name="root">Where to start.</param>
    /// <param name="visit">Called for every message.</param>
    /// <param name="intoRelations">False stops at nested relations (neither they nor what they hold are visited).</param>
    public static void Visit(IMessage root, Action<IMessage> visit, bool intoRelations = true)
    {
        // An explicit stack: plans may be deep, and a walk must never be what overflows.
        var pending = new Stack<IMessage>();
        var children = new List<IMessage>();
        pending.Push(root);
        while (pending.TryPop(out var message))
        {
            visit(message);
            children.Clear();
            MessageChildren.AddTo(message, children);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                if (intoRelations || children[i] is not Spark.Connect.Protocol.Relation) pending.Push(children[i]);
            }
        }
    }
}

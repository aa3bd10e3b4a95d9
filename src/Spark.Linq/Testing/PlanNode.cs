using Google.Protobuf;
using Spark.Connect.Protocol;

namespace Spark.Linq.Testing;

/// <summary>
/// One relation of a <see cref="QueryPlan"/>: its kind, its operator message (the <see cref="Filter"/>, the
/// <see cref="Sort"/>, …), the relations it reads and its place in the tree.
/// </summary>
public sealed class PlanNode
{
    private readonly List<PlanNode> _inputs = [];

    internal PlanNode(Relation relation, int id, int depth, PlanNode? parent)
    {
        Relation = relation;
        Id = id;
        Depth = depth;
        Parent = parent;
        Operator = RelationText.Operator(relation);
        Kind = RelationText.Kind(relation);
    }

    /// <summary>The relation message.</summary>
    public Relation Relation { get; }

    /// <summary>The message inside the relation: a <see cref="Filter"/>, <see cref="Join"/>, <see cref="Read"/>, …; null for an empty relation.</summary>
    public IMessage? Operator { get; }

    /// <summary>The relation's kind as Spark Connect names it in C#: <c>Read</c>, <c>Filter</c>, <c>Project</c>, <c>SetOp</c>, ….</summary>
    public string Kind { get; }

    /// <summary>The node's number in the snapshot: 1 for the root, then in the order the snapshot lists nodes (whatever plan ids the translation chose).</summary>
    public int Id { get; }

    /// <summary>0 for the root, 1 for its inputs, ….</summary>
    public int Depth { get; }

    /// <summary>The relation that reads this one; null for the root.</summary>
    public PlanNode? Parent { get; }

    /// <summary>The relations this one reads, in field order (a join's left side first).</summary>
    public IReadOnlyList<PlanNode> Inputs => _inputs;

    /// <summary>The snapshot line of this node, without indentation and id: <c>Filter (Amount &gt; 100m (decimal(3,0)))</c>.</summary>
    public string Description { get; internal set; } = string.Empty;

    /// <summary>This node's inputs, their inputs, and so on (depth-first, left side first), without this node.</summary>
    public IEnumerable<PlanNode> Descendants()
    {
        var pending = new Stack<PlanNode>(_inputs.AsEnumerable().Reverse());
        while (pending.TryPop(out var node))
        {
            yield return node;
            for (var i = node._inputs.Count - 1; i >= 0; i--) pending.Push(node._inputs[i]);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    internal void AddInput(PlanNode input) => _inputs.Add(input);
}

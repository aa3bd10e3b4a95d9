using Google.Protobuf;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Plans;

/// <summary>
/// The CLR type each literal of one translation came from (a <c>decimal</c>, a <c>char</c>, the enum a number was
/// compared with), noted while translating. Kept beside the plan, never in it: Spark's messages carry only Spark's
/// types. Plan snapshots read it to spell literals as C# (<c>OrderStatus.Shipped</c>, <c>100m</c>).
/// </summary>
internal sealed class LiteralClrTypes
{
    private readonly Dictionary<Literal, Type> _types = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records that <paramref name="literal"/> stands for a value of <paramref name="type"/>; a later note wins (an enum learnt from a comparison).</summary>
    public void Note(Literal literal, Type type) => _types[literal] = type;

    /// <summary>
    /// The noted types in the order <see cref="PlanWalk"/> meets the plan's literals (null where none was noted).
    /// Positions survive the plan cache's clones and re-bound values, unlike references.
    /// </summary>
    public IReadOnlyList<Type?> InWalkOrder(IMessage plan)
    {
        var types = new List<Type?>();
        if (_types.Count == 0) return types;
        PlanWalk.Visit(plan, message =>
        {
            if (message is Literal literal) types.Add(_types.GetValueOrDefault(literal));
        });
        return types.Exists(t => t is not null) ? types : [];
    }
}

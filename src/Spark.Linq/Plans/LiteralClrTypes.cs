using System.Linq.Expressions;
using Google.Protobuf;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Plans;

/// <summary>Where one literal's value came from: its CLR type and, for a captured value, the C# it was read from (<c>filter.Minimum</c>).</summary>
internal readonly record struct LiteralSource(Type? ClrType, string? CapturedFrom);

/// <summary>
/// The CLR type each literal of one translation came from (a <c>decimal</c>, a <c>char</c>, the enum a number was
/// compared with) and the variable a captured value was read from, noted while translating. Kept beside the plan, never
/// in it: Spark's messages carry only Spark's types. Plan snapshots read it to spell literals as C#
/// (<c>OrderStatus.Shipped</c>, <c>100m</c>) and rendered SQL to say which values were captured.
/// </summary>
internal sealed class LiteralClrTypes
{
    private readonly Dictionary<Literal, LiteralSource> _sources = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records that <paramref name="literal"/> stands for a value of <paramref name="type"/>; a later type wins (an enum learnt from a comparison).</summary>
    public void Note(Literal literal, Type type) => _sources[literal] = _sources.GetValueOrDefault(literal) with { ClrType = type };

    /// <summary>As <see cref="Note(Literal, Type)"/>, for a value evaluated on the client from <paramref name="origin"/> (null for a constant in the query).</summary>
    public void Note(Literal literal, Type type, Expression? origin) =>
        _sources[literal] = new LiteralSource(type, origin is null ? null : CapturedName(origin));

    /// <summary>As <see cref="Note(Literal, Type)"/>, for a value passed under <paramref name="name"/> (a SQL argument).</summary>
    public void Note(Literal literal, Type type, string name) => _sources[literal] = new LiteralSource(type, name);

    /// <summary>
    /// The noted sources in the order <see cref="PlanWalk"/> meets the plan's literals (default where none was noted).
    /// Positions survive the plan cache's clones and re-bound values, unlike references.
    /// </summary>
    public IReadOnlyList<LiteralSource> InWalkOrder(IMessage plan)
    {
        var sources = new List<LiteralSource>();
        if (_sources.Count == 0) return sources;
        PlanWalk.Visit(plan, message =>
        {
            if (message is Literal literal) sources.Add(_sources.GetValueOrDefault(literal));
        });
        return sources;
    }

    /// <summary>
    /// <c>minimum</c>, <c>filter.Minimum</c>, <c>DateTime.Today</c> for a chain of members (names only, so the cache never
    /// keeps a captured object alive); the C# text of anything else.
    /// </summary>
    private static string CapturedName(Expression origin)
    {
        while (origin is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert) origin = convert.Operand;
        var parts = new List<string>();
        var current = origin;
        while (current is MemberExpression member)
        {
            parts.Add(member.Member.Name);
            if (member.Expression is null) parts.Add(member.Member.DeclaringType?.Name ?? "?");
            current = member.Expression;
        }
        // Anything else (new DateTime(…), DateTime.Today.AddDays(-7)) prints as its C#; only its text is kept.
        if (parts.Count == 0 || current is not (null or ConstantExpression)) return Translation.ExpressionPrinter.Print(origin);
        parts.Reverse();
        return string.Join(".", parts);
    }
}

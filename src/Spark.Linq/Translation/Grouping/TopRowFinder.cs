using System.Linq.Expressions;

namespace Spark.Linq.Translation.Grouping;

/// <summary>
/// Finds the top-row call in a Select over groups: <c>g.OrderBy(…)[.ThenBy(…)…].First()</c> / <c>FirstOrDefault()</c>, or a
/// whole-row <c>g.MaxBy(…)</c> / <c>g.MinBy(…)</c>, with its ordering keys. It qualifies only when the group is used in
/// no other way than through that one call (written once or several times alike) and <c>g.Key</c>; anything else
/// (an aggregate beside it, a second ordering) is left to the grouped aggregate translation.
/// </summary>
internal sealed class TopRowFinder : ExpressionVisitor
{
    private readonly ParameterExpression _group;
    private MethodCallExpression? _top;
    private bool _otherUse;
    private bool _memberRead;

    private TopRowFinder(ParameterExpression group) => _group = group;

    /// <summary>One ordering key: its selector, direction and null placement (LINQ's: null is the smallest value).</summary>
    public sealed record TopRow(MethodCallExpression Call, IReadOnlyList<(LambdaExpression Key, bool Descending, bool NullsFirst)> Keys);

    public static TopRow? Find(Expression body, ParameterExpression group)
    {
        var finder = new TopRowFinder(group);
        // A whole-row MaxBy/MinBy is the top row; a member of one (g.MaxBy(…).Name) is the max_by aggregate.
        finder.Visit(body);
        if (finder._top is not { } top || finder._otherUse) return null;
        if (top.Method.Name is nameof(Enumerable.MaxBy) or nameof(Enumerable.MinBy) && finder._memberRead) return null;
        return new TopRow(top, Keys(top, group)!);
    }

    /// <summary>Whether two calls are the same top-row call (the same text: same methods, lambdas and constants).</summary>
    public static bool SameCall(Expression node, MethodCallExpression top) =>
        node is MethodCallExpression call && call.Method == top.Method && (ReferenceEquals(call, top) || call.ToString() == top.ToString());

    public override Expression? Visit(Expression? node)
    {
        if (node is MemberExpression { Expression: MethodCallExpression { Method.Name: nameof(Enumerable.MaxBy) or nameof(Enumerable.MinBy) } owner } && Keys(owner, _group) is not null)
            _memberRead = true;
        if (node is MethodCallExpression call && Keys(call, _group) is not null)
        {
            if (_top is null) _top = call;
            else if (!SameCall(call, _top)) _otherUse = true;
            return node;
        }
        return base.Visit(node);
    }

    protected override Expression VisitMember(MemberExpression node) =>
        node.Expression == _group && node.Member.Name == nameof(IGrouping<int, int>.Key) ? node : base.VisitMember(node);

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (node == _group) _otherUse = true;
        return node;
    }

    /// <summary>The ordering keys of a top-row call over <paramref name="group"/>, or null when it is not one.</summary>
    private static List<(LambdaExpression, bool, bool)>? Keys(MethodCallExpression call, ParameterExpression group)
    {
        if (call.Method.DeclaringType != typeof(Enumerable)) return null;
        switch (call.Method.Name)
        {
            case nameof(Enumerable.MaxBy) or nameof(Enumerable.MinBy) when call.Arguments is [var source, LambdaExpression key] && source == group:
                // Both skip null keys: the greatest comes first descending with nulls last, the least ascending with nulls last.
                return [(key, call.Method.Name == nameof(Enumerable.MaxBy), false)];
            case nameof(Enumerable.First) or nameof(Enumerable.FirstOrDefault) when call.Arguments.Count == 1:
            {
                var keys = new List<(LambdaExpression, bool, bool)>();
                var current = call.Arguments[0];
                while (current is MethodCallExpression { Method.Name: var name, Arguments: [var inner, LambdaExpression key] } step && step.Method.DeclaringType == typeof(Enumerable)
                       && name is nameof(Enumerable.OrderBy) or nameof(Enumerable.OrderByDescending) or nameof(Enumerable.ThenBy) or nameof(Enumerable.ThenByDescending))
                {
                    var descending = name.EndsWith("Descending", StringComparison.Ordinal);
                    keys.Insert(0, (key, descending, !descending));
                    if (name.StartsWith("OrderBy", StringComparison.Ordinal)) return inner == group ? keys : null;
                    current = inner;
                }
                return null;
            }
            default:
                return null;
        }
    }
}

using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Methods;

namespace Spark.Linq.Translation.Grouping;

/// <summary>
/// A member of the element with the greatest or least key in a group: <c>g.MaxBy(x =&gt; x.K)!.Name</c> →
/// <c>max_by(Name, K)</c>, <c>g.MinBy(…)</c> → <c>min_by</c>, added to the group's Aggregate (also after Where/Select
/// on the group: filtered-out rows get a null key, which max_by skips, as MaxBy skips null keys). Where several rows
/// share the extreme key Spark returns any one of them (LINQ the first), and each member read this way is its own
/// aggregate; to read several members of one and the same row, select the whole row: <c>Select(g =&gt; g.MaxBy(…))</c>.
/// </summary>
internal sealed class GroupExtremumMemberTranslator : IMemberTranslator
{
    public SparkValue? Translate(TranslationContext context, MemberExpression member)
    {
        var path = new Stack<MemberExpression>();
        Expression current = member;
        while (current is MemberExpression step)
        {
            path.Push(step);
            current = step.Expression!;
        }
        if (current is not MethodCallExpression { Method.Name: nameof(Enumerable.MaxBy) or nameof(Enumerable.MinBy) } call
            || call.Method.DeclaringType != typeof(Enumerable))
            return null;
        if (ElementSequence.TryParse(context, call.Arguments[0]) is not { } source) return null;
        if (call.Arguments is not [_, LambdaExpression keySelector])
            throw context.NotSupported(call, $"{call.Method.Name} with a comparer can't run on Spark.", "Remove the comparer and pick the key Spark should compare.");

        // The member path read from the element itself: x => x.A.B.
        var element = Expression.Parameter(keySelector.Parameters[0].Type, keySelector.Parameters[0].Name);
        Expression body = element;
        foreach (var step in path) body = Expression.MakeMemberAccess(body, step.Member);
        var value = source.Value(context, Expression.Lambda(body, element));
        var key = source.Value(context, keySelector);
        var function = call.Method.Name == nameof(Enumerable.MaxBy) ? "max_by" : "min_by";
        return new SparkValue(source.Scope.Add(Expr.Fn(function, value.Expression, key.Expression), function), member.Type, CanBeNull: true);
    }
}

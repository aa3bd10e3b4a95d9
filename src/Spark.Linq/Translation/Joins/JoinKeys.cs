using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Operators;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// The ON condition of <c>join … on outerKey equals innerKey</c>, with LINQ's equality: a single key
/// never matches null (LINQ skips null keys), so it is plain <c>==</c>; members of a composite key
/// compare like anonymous types' Equals, where null equals null, so nullable members use <c>&lt;=&gt;</c>.
/// </summary>
internal static class JoinKeys
{
    /// <summary>
    /// The condition, and for each side an expression that is null exactly when that side had no match in
    /// an outer join (null when no key qualifies: all keys compared null-safely).
    /// </summary>
    public static (SparkExpression Condition, SparkExpression? InnerProbe, SparkExpression? OuterProbe) Condition(TranslationContext context, LambdaExpression outerKey, QueryState outer,
        LambdaExpression innerKey, QueryState inner)
    {
        var pairs = Pairs(context, outerKey, innerKey);
        var parts = new List<SparkExpression>();
        SparkExpression? probe = null, outerProbe = null;
        foreach (var (outerPart, innerPart) in pairs)
        {
            SparkValue left, right;
            using (context.Bind(outerKey.Parameters[0], outer.Row)) left = ScalarTranslator.Translate(context, outerPart);
            using (context.Bind(innerKey.Parameters[0], inner.Row)) right = ScalarTranslator.Translate(context, innerPart);
            var nullSafe = pairs.Count > 1 && context.CSharpNulls && (left.CanBeNull || right.CanBeNull);
            parts.Add(Expr.Fn(nullSafe ? "<=>" : "==", left.Expression, right.Expression));
            // With plain ==, a matched right row has a non-null key: null there means no match.
            if (nullSafe) continue;
            probe ??= right.Expression;
            outerProbe ??= left.Expression;
        }
        return (parts.Skip(1).Aggregate(parts[0], (all, next) => Expr.Fn("and", all, next)), probe, outerProbe);
    }

    /// <summary>The parts of the keys compared pairwise: the members of composite keys (new { … }), else the two keys.</summary>
    public static IReadOnlyList<(Expression Outer, Expression Inner)> Pairs(TranslationContext context, LambdaExpression outerKey, LambdaExpression innerKey)
    {
        var outerMembers = ProjectionMembers.TryGet(context, outerKey.Body);
        var innerMembers = ProjectionMembers.TryGet(context, innerKey.Body);
        if (outerMembers is null && innerMembers is null) return [(outerKey.Body, innerKey.Body)];
        if (outerMembers is null || innerMembers is null || outerMembers.Count != innerMembers.Count)
            throw context.NotSupported(outerKey.Body, "both keys of a composite join must be new { … } with the same members.",
                "Write both keys as new { A = …, B = … } with the same member names in the same order.");
        return outerMembers.Zip(innerMembers, (o, i) => (o.Value, i.Value)).ToList();
    }
}

using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Grouping;
using Spark.Linq.Translation.Joins;
using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// A GroupJoin whose groups are aggregated (<c>join o in orders on c.Id equals o.CustomerId into g select new { c.Name,
/// N = g.Count(), Total = g.Sum(o =&gt; o.Amount) }</c>) → the inner side's <c>Aggregate</c> grouped by its key, LEFT
/// OUTER joined to the outer side on the key, with LINQ's answers for a row without matches (<see cref="EmptyGroups"/>).
/// Keys compare as in <see cref="JoinKeys"/>: a single key never matches null, composite members null-safely.
/// The result selector stays inline; later operators may aggregate the group too (<c>where g.Any()</c>).
/// </summary>
internal static class GroupJoinAggregateTranslator
{
    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        if (call.Arguments.Count > 5)
            throw context.NotSupported(call, "a custom IEqualityComparer can't run on Spark.", "Remove the comparer; join on ToLower() values for case-insensitive keys.");
        var outerKey = QueryTranslator.Lambda(call.Arguments[2]);
        var innerKey = QueryTranslator.Lambda(call.Arguments[3]);
        var resultSelector = QueryTranslator.Lambda(call.Arguments[4]);
        var left = JoinSide.Prepare(context, source, outerKey.Parameters[0].Name, call.Arguments[0]);
        var right = JoinSide.PrepareRight(context, QueryTranslator.TranslateSequence(context, call.Arguments[1]), innerKey.Parameters[0].Name, call.Arguments[1]);
        context.Operator = nameof(Queryable.GroupJoin);

        var pairs = JoinKeys.Pairs(context, outerKey, innerKey);
        var outerValues = new List<SparkValue>();
        var innerValues = new List<SparkValue>();
        foreach (var (outerPart, innerPart) in pairs)
        {
            using (context.Bind(outerKey.Parameters[0], left.Row)) outerValues.Add(ScalarTranslator.Translate(context, outerPart));
            using (context.Bind(innerKey.Parameters[0], right.Row)) innerValues.Add(ScalarTranslator.Translate(context, innerPart));
        }
        var prefix = "_" + context.NewAlias(resultSelector.Parameters[1].Name) + "_";
        var (groups, scope, keys) = GroupedInner.Build(context, right, innerValues, prefix);

        SparkExpression? condition = null;
        for (var i = 0; i < pairs.Count; i++)
        {
            // As in Join: a single key never matches null (LINQ skips null keys); members of a composite key compare like Equals.
            var nullSafe = pairs.Count > 1 && context.CSharpNulls && (outerValues[i].CanBeNull || innerValues[i].CanBeNull);
            var part = Expr.Fn(nullSafe ? "<=>" : "==", outerValues[i].Expression, keys[i].Expression);
            condition = condition is null ? part : Expr.Fn("and", condition, part);
        }
        var relation = context.Rel.Join(left.Relation, groups, condition, JoinType.LeftOuter);
        var group = GroupedInner.Group(resultSelector.Parameters[1].Type, scope, keys);
        using var outerScope = context.Bind(resultSelector.Parameters[0], left.Row);
        using var groupScope = context.Bind(resultSelector.Parameters[1], group);
        return InlineRows.Result(context, relation, () => InlineShape.Of(context, resultSelector.Body));
    }
}

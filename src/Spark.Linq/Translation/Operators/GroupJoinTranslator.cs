using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Grouping;
using Spark.Linq.Translation.Joins;
using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// The left outer join of LINQ: <c>GroupJoin(…, (o, cs) =&gt; …).SelectMany(x =&gt; x.cs.DefaultIfEmpty(), (x, c) =&gt; …)</c>
/// (query syntax <c>join … into cs from c in cs.DefaultIfEmpty()</c>) → a left outer <c>Join</c>.
/// Without DefaultIfEmpty it is an inner join; <c>cs.Where(c =&gt; …)</c> adds to the ON condition. A
/// GroupJoin used any other way (counting the matches, say) is rejected.
/// </summary>
internal static class GroupJoinTranslator
{
    public static bool IsGroupJoinThenSelectMany(MethodCallExpression call) =>
        call.Method.Name == nameof(Queryable.SelectMany) && call.Arguments[0] is MethodCallExpression { Method.Name: nameof(Queryable.GroupJoin) } inner
        && QueryTranslator.IsQueryable(inner);

    public static QueryState Translate(TranslationContext context, MethodCallExpression selectMany)
    {
        var groupJoin = (MethodCallExpression)selectMany.Arguments[0];
        var outer = QueryTranslator.TranslateSequence(context, groupJoin.Arguments[0]);
        context.Operator = nameof(Queryable.GroupJoin);
        if (groupJoin.Arguments.Count > 5)
            throw context.NotSupported(groupJoin, "a custom IEqualityComparer can't run on Spark.", "Remove the comparer; join on ToLower() values for case-insensitive keys.");
        var outerKey = QueryTranslator.Lambda(groupJoin.Arguments[2]);
        var innerKey = QueryTranslator.Lambda(groupJoin.Arguments[3]);
        var groupSelector = QueryTranslator.Lambda(groupJoin.Arguments[4]);
        var left = JoinSide.Prepare(context, outer, outerKey.Parameters[0].Name, groupJoin.Arguments[0]);
        var right = JoinSide.PrepareRight(context, QueryTranslator.TranslateSequence(context, groupJoin.Arguments[1]), innerKey.Parameters[0].Name, groupJoin.Arguments[1]);
        var (condition, probe, _) = JoinKeys.Condition(context, outerKey, left, innerKey, right);

        // The group of matches only exists to be flattened again; it stands for the right side until then.
        var group = ValueShape.Composite(groupSelector.Parameters[1].Type, Expr.Star(), []);
        ValueShape joined;
        using (context.Bind(groupSelector.Parameters[0], left.Row))
        using (context.Bind(groupSelector.Parameters[1], group))
            joined = InlineShape.Of(context, groupSelector.Body);

        context.Operator = nameof(Queryable.SelectMany);
        var collection = QueryTranslator.Lambda(selectMany.Arguments[1]);
        var body = collection.Body;
        var leftJoin = false;
        if (body is MethodCallExpression { Method.Name: nameof(Enumerable.DefaultIfEmpty), Arguments.Count: 1 } defaultIfEmpty)
            (leftJoin, body) = (true, defaultIfEmpty.Arguments[0]);
        using var joinedScope = context.Bind(collection.Parameters[0], joined);
        while (body is MethodCallExpression { Method.Name: nameof(Enumerable.Where), Arguments: [var filtered, LambdaExpression { Parameters.Count: 1 } predicate] })
        {
            using (context.Bind(predicate.Parameters[0], right.Row))
                condition = Expr.Fn("and", condition, ScalarTranslator.TranslatePredicate(context, predicate.Body).Expression);
            body = filtered;
        }
        if (!ReferenceEquals(ShapeResolver.TryResolve(context, body), group))
            throw context.NotSupported(collection.Body, "after GroupJoin, only flattening the group of matches (a join) can be translated.",
                "Write a left join as from c in cs.DefaultIfEmpty() (SelectMany(x => x.cs.DefaultIfEmpty(), …)), an inner join with join … on … equals …, or aggregate with GroupBy after a join.");

        var relation = context.Rel.Join(left.Relation, right.Relation, condition, leftJoin ? JoinType.LeftOuter : JoinType.Inner);
        var element = leftJoin && probe is not null ? right.Row.Optional(probe) : right.Row;
        if (selectMany.Arguments.Count < 3) return new QueryState(relation, element) { Inline = true };
        var resultSelector = QueryTranslator.Lambda(selectMany.Arguments[2]);
        using var sourceScope = context.Bind(resultSelector.Parameters[0], joined);
        using var elementScope = context.Bind(resultSelector.Parameters[1], element);
        return InlineRows.Result(context, relation, () => InlineShape.Of(context, resultSelector.Body));
    }
}

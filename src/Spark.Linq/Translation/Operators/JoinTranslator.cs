using System.Linq.Expressions;
using Spark.Linq.Translation.Grouping;
using Spark.Linq.Translation.Joins;
using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// <c>Join</c> (query syntax <c>join … on … equals …</c>) → an inner <c>Join</c> of the two sides,
/// each under a <c>SubqueryAlias</c>; .NET 10's <c>LeftJoin</c> / <c>RightJoin</c> → a left / right outer
/// Join whose optional side is null when nothing matched; <c>FullJoin</c> → a full outer Join, either side optional. The result selector stays inline (see <see cref="QueryState.Inline"/>),
/// so the transparent identifiers of chained joins (<c>new { o, c }</c>) cost no projection.
/// </summary>
internal static class JoinTranslator
{
    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        if (call.Arguments.Count > 5)
            throw context.NotSupported(call, "a custom IEqualityComparer can't run on Spark.",
                "Remove the comparer: Spark compares keys itself (strings ordinally); for case-insensitive keys join on ToLower() values.");
        var outerKey = QueryTranslator.Lambda(call.Arguments[2]);
        var innerKey = QueryTranslator.Lambda(call.Arguments[3]);
        var resultSelector = QueryTranslator.Lambda(call.Arguments[4]);
        var full = call.Method.Name == "FullJoin";
        // In a full join a row with a null key comes out unmatched but present, so a null key can't tell a missing side:
        // such a side carries a marker column instead.
        var markOuter = full && FullJoinMarker.Needed(outerKey);
        var markInner = full && FullJoinMarker.Needed(innerKey);
        // The left side first, then the right: plan ids in the official client's order.
        var left = JoinSide.Prepare(context, markOuter ? FullJoinMarker.Add(context, source) : source, outerKey.Parameters[0].Name, call.Arguments[0]);
        var inner = QueryTranslator.TranslateSequence(context, call.Arguments[1]);
        var right = JoinSide.PrepareRight(context, markInner ? FullJoinMarker.Add(context, inner) : inner, innerKey.Parameters[0].Name, call.Arguments[1]);
        var (condition, probe, outerProbe) = JoinKeys.Condition(context, outerKey, left, innerKey, right);
        if (markOuter) outerProbe = FullJoinMarker.Of(left);
        if (markInner) probe = FullJoinMarker.Of(right);

        var type = call.Method.Name switch
        {
            "LeftJoin" => JoinType.LeftOuter, "RightJoin" => JoinType.RightOuter, "FullJoin" => JoinType.FullOuter, _ => JoinType.Inner,
        };
        var relation = context.Rel.Join(left.Relation, right.Relation, condition, type);
        // A side that may be missing reads as null where its key is null (plain == never matches a null key).
        var leftRow = type is JoinType.RightOuter or JoinType.FullOuter && outerProbe is not null ? left.Row.Optional(outerProbe) : left.Row;
        var rightRow = type is JoinType.LeftOuter or JoinType.FullOuter && probe is not null ? right.Row.Optional(probe) : right.Row;
        using var outerScope = context.Bind(resultSelector.Parameters[0], leftRow);
        using var innerScope = context.Bind(resultSelector.Parameters[1], rightRow);
        return InlineRows.Result(context, relation, () => InlineShape.Of(context, resultSelector.Body));
    }
}

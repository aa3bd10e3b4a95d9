using System.Linq.Expressions;
using Spark.Linq.Translation.Joins;
using SetOpType = Spark.Connect.Protocol.SetOperation.Types.SetOpType;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// Concat → <c>UNION ALL</c>; Union → <c>UNION</c> (distinct, as LINQ's Union); Intersect and Except →
/// <c>INTERSECT</c> / <c>EXCEPT</c> (distinct, as LINQ's). Spark matches columns by position, so each
/// side is projected in the element type's member order first (unless it already is), and two tables of
/// the same row type with differently ordered columns still line up. Set operations don't keep order.
/// </summary>
internal static class SetOperationTranslator
{
    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        if (call.Arguments.Count > 2)
            throw context.NotSupported(call, "a custom IEqualityComparer can't run on Spark.",
                "Remove the comparer: Spark compares whole rows itself (strings ordinally); select ToLower() values first for case-insensitive matching.");
        if (source.Row.Group is not null)
            throw context.NotSupported(call, "a set operation needs rows, not the groups of a GroupBy.", "Select from the groups first.");
        var left = InlineRows.Explicit(context, source);
        var right = InlineRows.Explicit(context, QueryTranslator.TranslateSequence(context, call.Arguments[1]));
        var (type, all) = call.Method.Name switch
        {
            nameof(Queryable.Concat) => (SetOpType.Union, true),
            nameof(Queryable.Union) => (SetOpType.Union, false),
            nameof(Queryable.Intersect) => (SetOpType.Intersect, false),
            _ => (SetOpType.Except, false),
        };
        return new QueryState(context.Rel.SetOp(left.Relation, right.Relation, type, all), left.Row);
    }
}

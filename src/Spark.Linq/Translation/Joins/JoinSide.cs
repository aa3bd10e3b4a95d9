using System.Linq.Expressions;
using Spark.Linq.Plans;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// One input of a join, made unambiguous: a side whose columns are its own gets a <c>SubqueryAlias</c>
/// (named after the lambda parameter that stands for it) and its row's column references are
/// qualified by it, so a self-join or the same table three times never mixes columns up. The result
/// of an earlier join (an inline row) already refers to qualified columns and is used as it is.
/// </summary>
internal static class JoinSide
{
    public static QueryState Prepare(TranslationContext context, QueryState side, string? parameterName, Expression origin)
    {
        if (side.Row.Group is not null)
            throw context.NotSupported(origin, "a join side can't be the groups of a GroupBy.",
                "Select from the groups first, e.g. .GroupBy(…).Select(g => new { g.Key, Total = g.Sum(…) }), then join that.");
        if (side.Inline) return side with { Ordering = [], SortInput = null };
        var alias = context.NewAlias(parameterName);
        var relation = context.Rel.SubqueryAlias(side.Relation, alias);
        return new QueryState(relation, side.Row.Map(e => Expr.Qualify(e, alias)));
    }

    /// <summary>The right side: an inline row is projected first, as its qualifiers don't survive a new alias.</summary>
    public static QueryState PrepareRight(TranslationContext context, QueryState side, string? parameterName, Expression origin) =>
        Prepare(context, InlineRows.Materialize(context, side), parameterName, origin);
}

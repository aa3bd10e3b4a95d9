using System.Linq.Expressions;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Operators;

/// <summary><c>Where(x => condition)</c> → <c>Filter</c>.</summary>
internal static class WhereTranslator
{
    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        var predicate = QueryTranslator.Lambda(call.Arguments[1]);
        if (predicate.Parameters.Count != 1)
            throw context.NotSupported(call, "the overload of Where with a row index has no Spark equivalent.");
        if (Joins.SemiJoins.TryTranslate(context, source, predicate, call.Arguments[0]) is { } joined) return joined;
        var filtered = Filter(context, source, predicate);
        if (ReferenceEquals(filtered.Filter.Input, source.Relation)) return source with { Relation = filtered };
        // A scalar subquery was joined in: its column is extra, so the row is projected explicitly later, and the order restored.
        var relation = source.Ordering.Count > 0 ? context.Rel.Sort(filtered, source.Ordering) : filtered;
        return source with { Relation = relation, Inline = true, SortInput = null };
    }

    /// <summary>Filters <paramref name="source"/> by <paramref name="predicate"/>; also used by First(x => …), Count(x => …) and the like.</summary>
    public static Spark.Connect.Protocol.Relation Filter(TranslationContext context, QueryState source, LambdaExpression predicate)
    {
        using var scope = context.Bind(predicate.Parameters[0], source.Row);
        var condition = ScalarTranslator.TranslatePredicate(context, predicate.Body);
        return context.Rel.Filter(Joins.ScalarSubqueries.Attach(context, source.Relation), condition.Expression);
    }
}

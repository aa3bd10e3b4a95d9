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
        return source with { Relation = Filter(context, source, predicate) };
    }

    /// <summary>Filters <paramref name="source"/> by <paramref name="predicate"/>; also used by First(x => …), Count(x => …) and the like.</summary>
    public static Spark.Connect.Relation Filter(TranslationContext context, QueryState source, LambdaExpression predicate)
    {
        using var scope = context.Bind(predicate.Parameters[0], source.Row);
        var condition = ScalarTranslator.TranslatePredicate(context, predicate.Body);
        return context.Rel.Filter(source.Relation, condition.Expression);
    }
}

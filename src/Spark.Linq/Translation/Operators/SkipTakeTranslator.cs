using System.Linq.Expressions;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// Skip → <c>Offset</c>, Take → <c>Limit</c>, each over what came before, so any order and
/// combination means what it means in LINQ. Negative counts act as 0, as in LINQ.
/// </summary>
internal static class SkipTakeTranslator
{
    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        if (call.Arguments[1].Type != typeof(int))
            throw context.NotSupported(call, "only Skip(int) and Take(int) are supported (not ranges or predicates).",
                "Write Take(a..b) as Skip(a).Take(b - a), or call AsEnumerable() before it.");
        var count = Math.Max(0, QueryTranslator.IntArgument(context, call.Arguments[1]));
        var relation = call.Method.Name == nameof(Queryable.Skip)
            ? context.Rel.Offset(source.Relation, count)
            : context.Rel.Limit(source.Relation, count);
        context.Slots?.Count(call.Arguments[1], relation);
        return source with { Relation = relation };
    }
}

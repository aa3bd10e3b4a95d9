using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// A dictionary built from a dictionary column: <c>d.Where(kv =&gt; p).ToDictionary(kv =&gt; kv.Key, kv =&gt; kv.Value)</c>
/// → <c>map_filter(d, (k, v) -&gt; p)</c>, a new value (<c>kv =&gt; f(kv.Value)</c>) → <c>transform_values</c>, a new key →
/// <c>transform_keys</c>; <c>d.Where(…).ToDictionary()</c> (.NET 8's overload of pairs) is the filter alone. Entries
/// keep the map's order. Two entries given the same key fail the query, as C#'s ToDictionary throws (Spark's
/// DUPLICATED_MAP_KEY, not C#'s ArgumentException); so does a null key.
/// </summary>
internal sealed class DictionaryProjectionTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Enumerable) || call.Method.Name != nameof(Enumerable.ToDictionary)
            || call.Arguments.Count is not (1 or 3) || call.Arguments.Count == 3 && Sequences.StripQuote(call.Arguments[2]) is not LambdaExpression)
            return null;
        // Where(…) calls down to the dictionary column, innermost first.
        var filters = new List<LambdaExpression>();
        var source = Sequences.StripConvert(call.Arguments[0]);
        while (source is MethodCallExpression { Method.Name: nameof(Enumerable.Where), Arguments.Count: 2 } where && where.Method.DeclaringType == typeof(Enumerable)
               && Sequences.Lambda(where, 1).Parameters.Count == 1)
        {
            filters.Insert(0, Sequences.Lambda(where, 1));
            source = Sequences.StripConvert(where.Arguments[0]);
        }
        if (Sequences.DictionaryTypes(source.Type) is null || !Sequences.IsRowSequence(context, source))
            return null;
        var map = ScalarTranslator.Translate(context, source);
        var result = map.Expression;
        foreach (var filter in filters)
            result = Expr.Fn("map_filter", result, MapEntries.TranslatePair(context, filter, ScalarTranslator.TranslatePredicate).Function);
        if (call.Arguments.Count == 3)
            result = Project(context, call, result, Sequences.Lambda(call, 1), Sequences.Lambda(call, 2));
        return new SparkValue(result, call.Type, map.CanBeNull);
    }

    /// <summary>
    /// The key and value selectors: each that is not the entry's own Key / Value becomes <c>transform_keys</c> /
    /// <c>transform_values</c>. With both, values are transformed first, so the key selector may read only the key.
    /// </summary>
    private static SparkExpression Project(TranslationContext context, MethodCallExpression call, SparkExpression map, LambdaExpression key, LambdaExpression value)
    {
        var sameKey = Reads(key, "Key");
        var sameValue = Reads(value, "Value");
        if (!sameKey && !sameValue && ReadsMember(key, "Value"))
            throw context.NotSupported(call, "a dictionary whose new keys read the old values and whose values change has no single Spark map function.",
                "Build the keys from kv.Key only, or change keys and values in two ToDictionary calls.");
        if (!sameValue)
            map = Expr.Fn("transform_values", map, MapEntries.TranslatePair(context, value).Function);
        if (!sameKey)
            map = Expr.Fn("transform_keys", map, MapEntries.TranslatePair(context, key).Function);
        return map;
    }

    /// <summary>True when <paramref name="selector"/> is <c>kv =&gt; kv.Member</c>.</summary>
    private static bool Reads(LambdaExpression selector, string member) =>
        Sequences.StripConvert(selector.Body) is MemberExpression { Member.Name: var name, Expression: ParameterExpression p } && name == member && p == selector.Parameters[0];

    /// <summary>True when <paramref name="selector"/>'s body reads <c>kv.Member</c> anywhere.</summary>
    private static bool ReadsMember(LambdaExpression selector, string member)
    {
        var finder = new MemberFinder(selector.Parameters[0], member);
        finder.Visit(selector.Body);
        return finder.Found;
    }

    private sealed class MemberFinder(ParameterExpression parameter, string member) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == parameter && node.Member.Name == member) Found = true;
            return base.VisitMember(node);
        }
    }
}

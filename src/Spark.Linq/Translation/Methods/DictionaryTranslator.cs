using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// Methods of map columns (<c>Dictionary</c>, <c>IDictionary</c>, <c>IReadOnlyDictionary</c> members):
/// <list type="bullet">
/// <item><c>d[k]</c> → <c>if(map_contains_key(d, k), element_at(d, k), raise_error(…))</c>: C#'s indexer throws
/// KeyNotFoundException for a missing key, so the query fails with its message (Spark's lookup alone gives null).</item>
/// <item><c>ContainsKey(k)</c> → <c>map_contains_key</c>; <c>ContainsValue(v)</c> → <c>Contains</c> over <c>map_values</c>.</item>
/// <item><c>GetValueOrDefault(k[, default])</c> → <c>element_at</c> (null when missing), C#'s default or the given one in its place.</item>
/// </list>
/// </summary>
internal sealed class DictionaryTranslator : IMethodCallTranslator
{

    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        var (map, arguments) = call.Method.IsStatic
            ? (call.Arguments.FirstOrDefault(), call.Arguments.Skip(1).ToList())
            : (call.Object, call.Arguments.ToList());
        if (map is null || Sequences.DictionaryTypes(Sequences.StripConvert(map).Type) is null || !Sequences.IsRowSequence(context, map))
            return null;
        if (call.Method.IsStatic && call.Method.DeclaringType != typeof(CollectionExtensions))
            return null;
        return (call.Method.Name, arguments.Count) switch
        {
            ("get_Item", 1) => Lookup(context, map, arguments[0], call.Type),
            ("ContainsKey", 1) => SparkValue.NotNull(Expr.Fn("map_contains_key", Sequences.Translate(context, map).Expression,
                ScalarTranslator.Translate(context, arguments[0]).Expression), typeof(bool)),
            ("ContainsValue", 1) => Sequences.Contains(context, Expr.Fn("map_values", Sequences.Translate(context, map).Expression),
                Sequences.DictionaryTypes(Sequences.StripConvert(map).Type)!.Value.Value, arguments[0]),
            (nameof(CollectionExtensions.GetValueOrDefault), 1) => Sequences.OrDefault(SparkValue.Of(ElementAt(context, map, arguments[0]), call.Type), call.Type),
            (nameof(CollectionExtensions.GetValueOrDefault), 2) => WithDefault(context, map, arguments[0], arguments[1], call.Type),
            _ => null,
        };
    }

    private static SparkValue Lookup(TranslationContext context, Expression map, Expression key, Type type)
    {
        var dictionary = Sequences.Translate(context, map).Expression;
        var k = ScalarTranslator.Translate(context, key).Expression;
        // C#'s KeyNotFoundException message, with the key.
        var message = Expr.Fn("concat", Expr.Lit("The given key '"), Expr.Cast(k, new Spark.Connect.Protocol.DataType { String = new() }), Expr.Lit("' was not present in the dictionary."));
        return SparkValue.Of(Expr.Fn("if", Expr.Fn("map_contains_key", dictionary, k), Expr.Fn("element_at", dictionary, k), Expr.Fn("raise_error", message)), type);
    }

    private static Spark.Connect.Protocol.Expression ElementAt(TranslationContext context, Expression map, Expression key) =>
        Expr.Fn("element_at", Sequences.Translate(context, map).Expression, ScalarTranslator.Translate(context, key).Expression);

    private static SparkValue WithDefault(TranslationContext context, Expression map, Expression key, Expression fallback, Type type)
    {
        var dictionary = Sequences.Translate(context, map).Expression;
        var k = ScalarTranslator.Translate(context, key).Expression;
        var otherwise = ScalarTranslator.Translate(context, fallback);
        return new SparkValue(Expr.Fn("if", Expr.Fn("map_contains_key", dictionary, k), Expr.Fn("element_at", dictionary, k), otherwise.Expression), type,
            TypeClassifier.CanBeNull(type));
    }
}

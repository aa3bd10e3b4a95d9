using System.Linq.Expressions;
using Spark.Linq.Plans;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Expressions;

/// <summary>
/// A dictionary's <c>KeyValuePair&lt;K, V&gt;</c> inside a lambda: either an element of <c>map_entries(d)</c> (a struct
/// whose fields are <c>key</c> and <c>value</c>) or the two variables of a map function's lambda
/// (<c>map_filter(d, (k, v) -&gt; …)</c>), so <c>kv.Key</c> and <c>kv.Value</c> read the right Spark value either way.
/// </summary>
internal static class MapEntries
{
    /// <summary>Spark's field names of a map entry struct (map_entries).</summary>
    public const string KeyField = "key", ValueField = "value";

    /// <summary>True for <c>KeyValuePair&lt;K, V&gt;</c>.</summary>
    public static bool IsEntry(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);

    /// <summary>The shape of an entry whose key and value are read through <paramref name="key"/> and <paramref name="value"/>.</summary>
    public static ValueShape Shape(TranslationContext context, Type type, SparkExpression reference, SparkExpression key, SparkExpression value)
    {
        var arguments = type.GetGenericArguments();
        return ValueShape.Composite(type, reference,
        [
            new("Key", LambdaTranslator.ElementShape(context, arguments[0], key)),
            new("Value", LambdaTranslator.ElementShape(context, arguments[1], value)),
        ]);
    }

    /// <summary>
    /// A one-parameter C# lambda over entries (<c>kv =&gt; kv.Value &gt; 0</c>) as a Spark lambda of two variables, key and
    /// value, as <c>map_filter</c>, <c>transform_values</c> and <c>transform_keys</c> take it.
    /// </summary>
    public static TranslatedLambda TranslatePair(TranslationContext context, LambdaExpression lambda, Func<TranslationContext, Expression, SparkValue>? body = null)
    {
        var key = context.NewLambdaVariable();
        var value = context.NewLambdaVariable();
        var whole = Expr.Fn("named_struct", Expr.Lit(KeyField), Expr.LambdaVariable(key), Expr.Lit(ValueField), Expr.LambdaVariable(value));
        using var scope = context.Bind(lambda.Parameters[0], Shape(context, lambda.Parameters[0].Type, whole, Expr.LambdaVariable(key), Expr.LambdaVariable(value)));
        var translated = (body ?? ScalarTranslator.Translate)(context, lambda.Body);
        return new TranslatedLambda(Expr.Lambda(translated.Expression, [key, value]), translated);
    }
}

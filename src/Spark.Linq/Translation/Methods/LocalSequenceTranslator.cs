using System.Collections;
using System.Linq.Expressions;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// LINQ over a captured local collection whose lambda reads the row (<c>prefixes.Any(p =&gt; x.Name.StartsWith(p))</c>,
/// <c>limits.Where(v =&gt; v &gt; x.Min).Count()</c>): the collection travels as an array of literals and the operator is
/// the array one (<c>exists(array('a', 'b'), x_1 -&gt; startswith(Name, x_1))</c>). Such calls reach translation only
/// when they read the row; the rest were run on the client. <c>local.Contains(x.Col)</c> stays <c>in(…)</c>
/// (<see cref="CollectionContainsTranslator"/>, earlier in the chain).
/// </summary>
internal sealed class LocalSequenceTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Enumerable) || call.Arguments.Count == 0)
            return null;
        var root = Sequences.StripConvert(call.Arguments[0]);
        while (root is MethodCallExpression { Method.IsStatic: true, Arguments.Count: > 0 } inner && inner.Method.DeclaringType == typeof(Enumerable))
            root = Sequences.StripConvert(inner.Arguments[0]);
        if (root is not ConstantExpression { Value: IEnumerable values } constant || values is IQueryable || !TypeClassifier.IsCollection(constant.Type)
            || Sequences.DictionaryTypes(constant.Type) is not null || Sequences.ElementType(constant.Type) is not { } elementType)
            return null;
        // An enum member may be stored as its name ([Column(TypeName = "string")]); the lambda's comparisons can't tell,
        // so values would meet names. Contains knows the member and sends names where needed.
        if (TypeClassifier.Unwrap(elementType).IsEnum)
            throw context.NotSupported(call, $"a lambda over a captured collection of {TypeClassifier.Unwrap(elementType).Name} values can't tell whether the member it meets stores names or numbers.",
                "Test membership with values.Contains(x.Member).");
        var array = SequenceRebinding.LocalArray(context, call, values, elementType);
        return SequenceRebinding.Translate(context, call, constant, array, constant.Type);
    }
}

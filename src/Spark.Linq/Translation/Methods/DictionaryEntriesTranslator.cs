using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// LINQ over a dictionary column's entries (<c>d.Any(kv =&gt; kv.Value &gt; 3)</c>, <c>d.Count(kv =&gt; …)</c>,
/// <c>d.Sum(kv =&gt; kv.Value)</c>, <c>d.Where(…).Select(kv =&gt; kv.Key)</c>): the entries are <c>map_entries(d)</c>, an
/// array of (key, value) structs in the map's order, and the array operators apply to it, <c>kv.Key</c> and
/// <c>kv.Value</c> reading the struct's fields. The entry count (<c>Count()</c>, <c>Any()</c>) stays <c>size(d)</c>;
/// building a dictionary (<c>ToDictionary</c>) is <see cref="DictionaryProjectionTranslator"/>'s.
/// </summary>
internal sealed class DictionaryEntriesTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Enumerable) || call.Arguments.Count == 0 || call.Method.Name == nameof(Enumerable.ToDictionary))
            return null;
        if (call.Arguments.Count == 1 && call.Method.Name is nameof(Enumerable.Count) or nameof(Enumerable.LongCount) or nameof(Enumerable.Any))
            return null;
        var source = Sequences.StripConvert(call.Arguments[0]);
        if (Sequences.DictionaryTypes(source.Type) is not { } types || !Sequences.IsRowSequence(context, source))
            return null;
        var entryType = typeof(KeyValuePair<,>).MakeGenericType(types.Key, types.Value);
        var entries = Expr.Fn("map_entries", ScalarTranslator.Translate(context, source).Expression);
        return SequenceRebinding.Translate(context, call, source, entries, typeof(IEnumerable<>).MakeGenericType(entryType));
    }
}

using System.Linq.Expressions;
using Spark.Linq.Materialization;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// The refusal of a LINQ operator over an array or list column that no translator took: it names the column's
/// sequence (not "a local collection", which it is not) and, where Spark has a function for it, the call to write.
/// </summary>
internal static class RowSequenceRejections
{
    public static SparkTranslationException For(TranslationContext context, MethodCallExpression call)
    {
        var source = call.Arguments[0];
        var sequence = ExpressionPrinter.Print(source, context.Origins);
        var element = Sequences.ElementType(Sequences.StripConvert(source).Type) is { } type ? TypeNames.Of(type) : "T";
        var count = call.Arguments.Count > 1 ? ExpressionPrinter.Print(call.Arguments[1], context.Origins) : "n";
        var suggestion = (call.Method.Name, call.Arguments.Count) switch
        {
            (nameof(Enumerable.Take), 2) when call.Arguments[1].Type == typeof(int) =>
                $"Write SparkFunctions.Call<{element}[]>(\"slice\", {sequence}, 1, {count}) (count at least 0).",
            (nameof(Enumerable.Skip), 2) when call.Arguments[1].Type == typeof(int) =>
                $"Write SparkFunctions.Call<{element}[]>(\"slice\", {sequence}, {SlicePosition(context, call.Arguments[1], count)}, int.MaxValue) (count at least 0).",
            (nameof(Enumerable.Zip), 2) =>
                $"Pair the elements by index with Select, which translates: {sequence}.Select((x, i) => new {{ First = x, Second = {ExpressionPrinter.Print(call.Arguments[1], context.Origins)}.ElementAtOrDefault(i) }}).",
            (nameof(Enumerable.SequenceEqual), 2) =>
                $"Write SparkFunctions.Call<bool>(\"==\", {sequence}, {ExpressionPrinter.Print(call.Arguments[1], context.Origins)}) (arrays compare element by element).",
            (nameof(Enumerable.Aggregate), _) =>
                "Spark's aggregate needs a lambda SparkFunctions.Call can't pass: use Sum, Min, Max, Average or Count over the sequence, or string.Join(separator, values) for text.",
            _ => "Use the operators docs/linq-support.md lists for arrays and lists, or SparkFunctions.Call<T>(\"name\", …) for a Spark array function by name.",
        };
        return context.NotSupported(call, $"{call.Method.Name} over the array or list {sequence} has no Spark translation.", suggestion);
    }

    /// <summary>slice counts from 1: a count written in the query is added to, a captured one named.</summary>
    private static string SlicePosition(TranslationContext context, Expression count, string printed) =>
        count is ConstantExpression { Value: int n } constant && context.Origins?.ContainsKey(constant) != true
            ? (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : printed + " + 1";
}

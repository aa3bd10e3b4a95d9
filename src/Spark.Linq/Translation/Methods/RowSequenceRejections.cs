using System.Linq.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// The refusal of a LINQ operator over an array or list column that no translator took (the array translators
/// handle Skip/Take, Aggregate, SequenceEqual and Zip with a result selector): it names the column's sequence (not
/// "a local collection", which it is not) and, where there is one, the form to write instead.
/// </summary>
internal static class RowSequenceRejections
{
    public static SparkTranslationException For(TranslationContext context, MethodCallExpression call)
    {
        var sequence = ExpressionPrinter.Print(call.Arguments[0], context.Origins);
        var suggestion = (call.Method.Name, call.Arguments.Count) switch
        {
            (nameof(Enumerable.Zip), 2) =>
                $"Pair the elements by index with Select, which translates: {sequence}.Select((x, i) => new {{ First = x, Second = {ExpressionPrinter.Print(call.Arguments[1], context.Origins)}.ElementAtOrDefault(i) }}).",
            _ => "Use the operators docs/linq-support.md lists for arrays and lists, or SparkFunctions.Call<T>(\"name\", …) for a Spark array function by name.",
        };
        return context.NotSupported(call, $"{call.Method.Name} over the array or list {sequence} has no Spark translation.", suggestion);
    }
}

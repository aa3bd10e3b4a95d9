using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// Last in the chain: methods of the translated families that no translator took. Rather than the
/// generic "no translation" error, each names the method and the closest thing that does translate.
/// </summary>
internal sealed class RejectedMethodTranslator : IMethodCallTranslator
{
    private static readonly Dictionary<(Type, string), string> Suggestions = new()
    {
        [(typeof(string), nameof(string.Format))] = "Build the text with + (concat), or use SparkFunctions.Call<string>(\"format_string\", format, args…) with Spark's printf-style format.",
        [(typeof(string), nameof(string.Join))] = "string.Join(separator, values) translates for a whole array or list (a column, or new[] { x.A, x.B }); otherwise use SparkFunctions.Call<string>(\"concat_ws\", separator, a, b, …).",
        [(typeof(string), nameof(string.Split))] = "Use SparkFunctions.Call<string[]>(\"split\", text, regex).",
        [(typeof(string), nameof(string.PadLeft))] = "Use SparkFunctions.Call<string>(\"lpad\", text, width, pad); note lpad also shortens longer text.",
        [(typeof(string), nameof(string.PadRight))] = "Use SparkFunctions.Call<string>(\"rpad\", text, width, pad); note rpad also shortens longer text.",
        [(typeof(string), nameof(string.LastIndexOf))] = "Only LastIndexOf(value) and LastIndexOf(value, StringComparison.Ordinal) have a Spark form (locate over the reversed text).",
        [(typeof(string), nameof(string.ToUpper))] = "Use ToUpper() or ToUpperInvariant() without a culture.",
        [(typeof(string), nameof(string.ToLower))] = "Use ToLower() or ToLowerInvariant() without a culture.",
        [(typeof(Regex), nameof(Regex.IsMatch))] = "Use SparkFunctions.RLike(text, pattern) (Java regular expressions).",
        [(typeof(Regex), nameof(Regex.Replace))] = "Use SparkFunctions.Call<string>(\"regexp_replace\", text, pattern, replacement) (Java regular expressions).",
        [(typeof(Regex), nameof(Regex.Match))] = "Use SparkFunctions.Call<string>(\"regexp_extract\", text, pattern, group) (Java regular expressions).",
    };

    private static readonly HashSet<Type> Families =
    [
        typeof(string), typeof(Math), typeof(MathF), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeSpan),
        typeof(Convert), typeof(Regex), typeof(char), typeof(CultureInfo),
    ];

    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        var owner = call.Method.DeclaringType;
        if (owner is null || !Families.Contains(owner)) return null;
        var name = MethodHelpers.Describe(call);
        if (SparkCallSuggestions.For(context, call) is { } exact)
            throw context.NotSupported(call, $"{name} has no Spark translation{(call.Arguments.Count > 0 && owner == typeof(string) && !call.Method.IsStatic ? " with these arguments" : string.Empty)}.",
                exact);
        if (Suggestions.TryGetValue((owner, call.Method.Name), out var suggestion))
            throw context.NotSupported(call, $"{name} has no Spark translation{(call.Arguments.Count > 0 && owner == typeof(string) && !call.Method.IsStatic ? " with these arguments" : string.Empty)}.",
                suggestion);
        throw context.NotSupported(call, $"{name} with {call.Arguments.Count} argument(s) of types ({string.Join(", ", call.Arguments.Select(a => a.Type.Name))}) has no Spark translation.",
            "See docs/linq-support.md for the supported overloads; SparkFunctions.Call<T>(\"name\", …) reaches any Spark function, and AsEnumerable() moves the rest to the client.");
    }
}

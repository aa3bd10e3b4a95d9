using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using System.Text.RegularExpressions;
using Spark.Linq.Materialization;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// For a rejected method Spark has a function for (Split → split, PadLeft → lpad, LastIndexOf → locate over reverse,
/// Regex → rlike / regexp_replace / regexp_extract), the exact <c>SparkFunctions.Call</c> expression to write instead,
/// built from the call's own arguments, with what differs from C# said next to it.
/// </summary>
internal static class SparkCallSuggestions
{
    private const string JavaRegex = " (Spark's patterns are Java regular expressions)";

    public static string? For(TranslationContext context, MethodCallExpression call)
    {
        var args = call.Arguments;
        if (call.Method.DeclaringType == typeof(string) && call.Object is { } text)
        {
            return call.Method.Name switch
            {
                nameof(string.Split) when args.Count > 0 => Split(context, call, text),
                nameof(string.PadLeft) or nameof(string.PadRight) when args.Count > 0 => Pad(context, call, text),
                nameof(string.LastIndexOf) when args.Count == 1 || args is [_, ConstantExpression { Value: StringComparison.Ordinal }] => LastIndexOf(context, text, args[0]),
                _ => null,
            };
        }
        if (call.Method.DeclaringType != typeof(Regex) || !call.Method.IsStatic || args.Count < 2) return null;
        return call.Method.Name switch
        {
            nameof(Regex.IsMatch) when args.Count == 2 => $"Write SparkFunctions.RLike({Text(context, args[0])}, {Text(context, args[1])}){JavaRegex}.",
            nameof(Regex.Replace) when args.Count == 3 && args[2].Type == typeof(string) =>
                $"Write {Call(context, typeof(string), "regexp_replace", args[0], args[1], args[2])}{JavaRegex}; groups are $1 in the replacement, as in .NET.",
            nameof(Regex.Match) when args.Count == 2 =>
                $"For the match's Value write {Call(context, typeof(string), "regexp_extract", args[0], args[1], 0)} (group n: n instead of 0; \"\" where nothing matches){JavaRegex}.",
            nameof(Regex.Matches) when args.Count == 2 =>
                $"For the matches' values write {Call(context, typeof(string[]), "regexp_extract_all", args[0], args[1], 0)}{JavaRegex}.",
            nameof(Regex.Split) when args.Count == 2 => $"Write {Call(context, typeof(string[]), "split", args[0], args[1])}{JavaRegex}.",
            _ => null,
        };
    }

    private static string Split(TranslationContext context, MethodCallExpression call, Expression text)
    {
        var separator = call.Arguments[0] switch
        {
            ConstantExpression { Value: char c } => Quote(EscapeRegex(c.ToString())),
            ConstantExpression { Value: string s } when !IsCaptured(context, call.Arguments[0]) => Quote(EscapeRegex(s)),
            NewArrayExpression { Expressions: [ConstantExpression { Value: char c }] } => Quote(EscapeRegex(c.ToString())),
            var other => $"<{Text(context, other)} as a regular expression>",
        };
        var count = call.Arguments.Skip(1).FirstOrDefault(a => a.Type == typeof(int));
        var options = call.Arguments.Skip(1).OfType<ConstantExpression>().Select(c => c.Value).OfType<StringSplitOptions>().FirstOrDefault();
        var split = count is null ? Call(context, typeof(string[]), "split", text, new Raw(separator)) : Call(context, typeof(string[]), "split", text, new Raw(separator), count);
        if (options.HasFlag(StringSplitOptions.TrimEntries)) split += ".Select(s => s.Trim())";
        if (options.HasFlag(StringSplitOptions.RemoveEmptyEntries)) split += ".Where(s => s != \"\")";
        return $"Write {split} (Spark's split takes a Java regular expression, escaped here, and keeps empty parts like C#).";
    }

    private static string Pad(TranslationContext context, MethodCallExpression call, Expression text)
    {
        var function = call.Method.Name == nameof(string.PadLeft) ? "lpad" : "rpad";
        var width = call.Arguments[0];
        object pad = call.Arguments.Count > 1 ? call.Arguments[1] : new Raw("\" \"");
        var t = Text(context, text);
        // lpad/rpad also cut longer text to the width; C# leaves it whole.
        return $"Write {t}.Length >= {Text(context, width)} ? {t} : {Call(context, typeof(string), function, text, width, pad)} ({function} alone would also cut longer text to the width).";
    }

    private static string LastIndexOf(TranslationContext context, Expression text, Expression value)
    {
        // In the reversed text the last occurrence comes first: locate gives its 1-based position there, 0 when absent.
        var reversedValue = value switch
        {
            ConstantExpression { Value: char c } => new Raw(Quote(c.ToString())),
            ConstantExpression { Value: string s } when !IsCaptured(context, value) => new Raw(Quote(new string(s.Reverse().ToArray()))),
            _ => new Raw(Call(context, typeof(string), "reverse", value)),
        };
        var length = value.Type == typeof(char) ? "1" : value is ConstantExpression { Value: string v } && !IsCaptured(context, value)
            ? v.Length.ToString(CultureInfo.InvariantCulture) : Text(context, value) + ".Length";
        var locate = Call(context, typeof(int), "locate", reversedValue, new Raw(Call(context, typeof(string), "reverse", text)));
        return $"Spark has no last-occurrence search; with locate over the reversed text write {locate} == 0 ? -1 : {Text(context, text)}.Length - {length} + 1 - {locate} (ordinal).";
    }

    /// <summary><c>SparkFunctions.Call&lt;T&gt;("name", a, b, …)</c> with each argument as the query wrote it.</summary>
    private static string Call(TranslationContext context, Type result, string function, params object[] arguments) =>
        $"SparkFunctions.Call<{TypeNames.Of(result)}>(\"{function}\", {string.Join(", ", arguments.Select(a => a switch
        {
            Expression e => Text(context, e),
            Raw raw => raw.Text,
            _ => Convert.ToString(a, CultureInfo.InvariantCulture),
        }))})";

    private static string Text(TranslationContext context, Expression e) =>
        e is ConstantExpression { Value: char c } && !IsCaptured(context, e) ? Quote(c.ToString()) : ExpressionPrinter.Print(e, context.Origins);

    private static bool IsCaptured(TranslationContext context, Expression e) => e is ConstantExpression c && context.Origins?.ContainsKey(c) == true;

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string EscapeRegex(string s)
    {
        var escaped = new StringBuilder();
        foreach (var c in s)
        {
            if ("\\^$.|?*+()[]{}".Contains(c, StringComparison.Ordinal)) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Text put into a suggested call as it is.</summary>
    private sealed record Raw(string Text);
}

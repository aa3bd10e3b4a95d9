using System.Linq.Expressions;
using System.Text;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>string.Format("{0}-{1}", a, b)</c> and interpolated strings (<c>$"{a}-{b}"</c>, which expression trees
/// hold as string.Format) → <c>concat('', a, '-', b)</c>. Each placeholder is written as <c>ToString()</c>
/// writes it (integers, strings, chars, bools, Guids, enums); a date with a format (<c>{0:yyyy-MM-dd}</c>)
/// goes through <c>date_format</c>. Null arguments are empty text, as in C#. Alignment, other formats and
/// values C# formats by culture are refused, naming the placeholder.
/// </summary>
internal sealed class StringFormatTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(string) || call.Method.Name != nameof(string.Format) || call.Arguments.Count < 2) return null;
        var arguments = call.Arguments.ToList();
        var invariant = false;
        if (typeof(IFormatProvider).IsAssignableFrom(arguments[0].Type))
        {
            invariant = DateFormatTranslator.IsInvariant(context, call, arguments[0]);
            arguments.RemoveAt(0);
        }
        if (arguments[0].Type != typeof(string)) return null; // CompositeFormat overloads
        var format = DateFormatTranslator.KnownString(context, call, arguments[0])
            ?? throw context.NotSupported(call, "the format is null, which string.Format rejects.");
        var values = arguments.Skip(1).ToList();
        if (values is [NewArrayExpression { NodeType: ExpressionType.NewArrayInit } array]) values = [.. array.Expressions];
        else if (values.Any(v => v.Type == typeof(object[])))
            throw context.NotSupported(call, "the arguments must be listed in the call, not passed as an existing array.");

        var parts = new List<SparkExpression>();
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }
            if (c == '}') throw Invalid(context, call, format);
            if (c != '{')
            {
                text.Append(c);
                continue;
            }
            var close = format.IndexOf('}', i);
            if (close < 0) throw Invalid(context, call, format);
            if (text.Length > 0) parts.Add(Expr.Lit(text.ToString()));
            text.Clear();
            parts.Add(Placeholder(context, call, format[(i + 1)..close], values, invariant));
            i = close;
        }
        if (text.Length > 0 || parts.Count == 0) parts.Add(Expr.Lit(text.ToString()));
        var result = parts.Count == 1 ? parts[0] : Expr.Fn("concat", [.. parts]);
        // Under C# null semantics every part is coalesced, so the text is never null.
        return context.CSharpNulls ? SparkValue.NotNull(result, typeof(string)) : SparkValue.Of(result, typeof(string));
    }

    /// <summary>The text of one <c>{index[:format]}</c> item.</summary>
    private static SparkExpression Placeholder(TranslationContext context, MethodCallExpression call, string item, List<Expression> values, bool invariant)
    {
        var colon = item.IndexOf(':');
        var indexText = colon < 0 ? item : item[..colon];
        if (indexText.Contains(','))
            throw context.NotSupported(call, $"the placeholder {{{item}}} has an alignment, which has no Spark translation.", "Pad with SparkFunctions.Call<string>(\"lpad\" / \"rpad\", …).");
        if (!int.TryParse(indexText.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= values.Count)
            throw Invalid(context, call, item);
        var operand = StripToObject(values[index]);
        SparkValue value;
        if (colon >= 0)
        {
            var type = TypeClassifier.Unwrap(operand.Type);
            if (type != typeof(DateTime) && type != typeof(DateOnly))
                throw context.NotSupported(call, $"the placeholder {{{item}}} formats a {type.Name}, and only dates' formats have a Spark translation.",
                    "Use {n} without a format, or format the value in the query's final Select, which runs on the client.");
            value = DateFormatTranslator.Format(context, call, ScalarTranslator.Translate(context, operand), operand.Type, item[(colon + 1)..], invariant);
        }
        else
        {
            value = ScalarToString.Translate(context, call, operand);
        }
        // string.Format writes a null argument as empty text.
        return value.CanBeNull && context.CSharpNulls ? Expr.Fn("coalesce", value.Expression, Expr.Lit(string.Empty)) : value.Expression;
    }

    private static SparkTranslationException Invalid(TranslationContext context, MethodCallExpression call, string text) =>
        context.NotSupported(call, $"'{text}' is not a valid format item for these arguments (string.Format would throw).");

    private static Expression StripToObject(Expression e) =>
        e is UnaryExpression { NodeType: ExpressionType.Convert } u && u.Type == typeof(object) ? u.Operand : e;
}

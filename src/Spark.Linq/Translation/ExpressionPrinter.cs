using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace Spark.Linq.Translation;

/// <summary>Renders an expression for error messages, without the compiler's closure-class noise.</summary>
internal static partial class ExpressionPrinter
{
    public static string Print(Expression expression, IReadOnlyDictionary<ConstantExpression, Expression>? origins = null)
    {
        // Values evaluated on the client print as the C# they came from (threshold, not 42).
        if (origins is { Count: > 0 }) expression = new OriginRestorer(origins).Visit(expression)!;
        var text = expression.ToString();
        // value(Namespace.Class+<>c__DisplayClass0_0).threshold → threshold
        text = DisplayClass().Replace(text, string.Empty);
        // Other evaluated objects print as value(Full.Type.Name); the short type name says as much.
        text = OtherValue().Replace(text, m => "<" + m.Groups[1].Value + ">");
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private sealed class OriginRestorer(IReadOnlyDictionary<ConstantExpression, Expression> origins) : Query.Depth.GuardedExpressionVisitor
    {
        protected override Expression VisitConstant(ConstantExpression node) => origins.GetValueOrDefault(node) ?? node;

        protected override Expression VisitExtension(Expression node) => node;
    }

    [GeneratedRegex(@"value\([^()]*(\([^()]*\))?[^()]*\)\.")]
    private static partial Regex DisplayClass();

    [GeneratedRegex(@"value\((?:[\w`]+[.+])*([\w`\[\], .+]+?)\)")]
    private static partial Regex OtherValue();
}

using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// string instance methods that search or compare: Contains/StartsWith/EndsWith (string or char,
/// optionally with Ordinal or OrdinalIgnoreCase), IndexOf, Equals, CompareTo, and the case
/// conversions. Spark compares strings by code point, which is C#'s ordinal comparison (up to
/// surrogate pairs); the culture-sensitive C# defaults (StartsWith(string), CompareTo…) are
/// translated ordinally, as docs/linq-support.md states.
/// </summary>
internal sealed class StringMethodTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(string) || call.Method.IsStatic) return null;
        var name = call.Method.Name;
        var arguments = call.Arguments;
        var textual = arguments.Count >= 1 && (arguments[0].Type == typeof(string) || arguments[0].Type == typeof(char));
        var comparison = arguments.Count == 2 && arguments[1].Type == typeof(StringComparison);
        switch (name)
        {
            case nameof(string.Contains) or nameof(string.StartsWith) or nameof(string.EndsWith) when textual && (arguments.Count == 1 || comparison):
                return Search(context, call, name.ToLowerInvariant());
            case nameof(string.IndexOf) when textual && (arguments.Count == 1 || comparison):
                return IndexOf(context, call);
            case nameof(string.Equals) when textual && (arguments.Count == 1 || comparison):
                return Equal(context, call, call.Object!, arguments[0], comparison ? 1 : -1);
            case nameof(string.CompareTo) when arguments.Count == 1 && arguments[0].Type == typeof(string):
                return StringCompare.Translate(context, call.Object!, arguments[0]);
            case nameof(string.ToUpper) or nameof(string.ToUpperInvariant) when arguments.Count == 0:
                return Unary(context, call, "upper");
            case nameof(string.ToLower) or nameof(string.ToLowerInvariant) when arguments.Count == 0:
                return Unary(context, call, "lower");
            default:
                return null;
        }
    }

    /// <summary><c>a.Equals(b)</c> and <c>string.Equals(a, b)</c>: C# equality, null equal to null.</summary>
    public static SparkValue Equal(TranslationContext context, MethodCallExpression call, Expression a, Expression b, int comparisonIndex)
    {
        var ignoreCase = comparisonIndex >= 0 && IgnoreCase(context, call, comparisonIndex);
        var left = Fold(ScalarTranslator.Translate(context, a), ignoreCase);
        var right = Fold(ScalarTranslator.Translate(context, b), ignoreCase);
        return NullSemantics.Equal(context, left, right);
    }

    /// <summary>True for OrdinalIgnoreCase, false for Ordinal; other comparisons depend on a culture Spark doesn't have.</summary>
    public static bool IgnoreCase(TranslationContext context, MethodCallExpression call, int index)
    {
        var comparison = MethodHelpers.Constant<StringComparison>(context, call, index);
        return comparison switch
        {
            StringComparison.Ordinal => false,
            StringComparison.OrdinalIgnoreCase => true,
            _ => throw context.NotSupported(call, $"{MethodHelpers.Describe(call)} with StringComparison.{comparison} depends on a culture; Spark compares strings by code point.",
                "Use StringComparison.Ordinal or OrdinalIgnoreCase, or call AsEnumerable() before this part."),
        };
    }

    private static SparkValue Search(TranslationContext context, MethodCallExpression call, string function)
    {
        var ignoreCase = call.Arguments.Count == 2 && IgnoreCase(context, call, 1);
        var instance = Fold(ScalarTranslator.Translate(context, call.Object!), ignoreCase);
        var needle = Fold(ScalarTranslator.Translate(context, call.Arguments[0]), ignoreCase);
        return MethodHelpers.Call(function, typeof(bool), [instance, needle], instance.Expression, needle.Expression);
    }

    // C#: -1 when absent, else the 0-based position. instr is 1-based and 0 when absent, so subtracting 1 maps both.
    private static SparkValue IndexOf(TranslationContext context, MethodCallExpression call)
    {
        var ignoreCase = call.Arguments.Count == 2 && IgnoreCase(context, call, 1);
        var instance = Fold(ScalarTranslator.Translate(context, call.Object!), ignoreCase);
        var needle = Fold(ScalarTranslator.Translate(context, call.Arguments[0]), ignoreCase);
        return MethodHelpers.Call("-", typeof(int), [instance, needle], Expr.Fn("instr", instance.Expression, needle.Expression), Expr.Lit(1));
    }

    private static SparkValue Unary(TranslationContext context, MethodCallExpression call, string function)
    {
        var instance = ScalarTranslator.Translate(context, call.Object!);
        return MethodHelpers.Call(function, typeof(string), [instance], instance.Expression);
    }

    // OrdinalIgnoreCase compares the upper-case forms (as .NET does, character by character). An ASCII
    // literal is upper-cased here, so the plan carries one function call, not two; any other literal is
    // upper-cased by Spark, as the column is: .NET's ToUpperInvariant maps one character to one (ß stays ß)
    // where Spark's upper maps ß to SS, so a client-side fold would miss equal texts.
    private static SparkValue Fold(SparkValue value, bool ignoreCase) =>
        !ignoreCase ? value
        : value.Expression.Literal is { LiteralTypeCase: Spark.Connect.Protocol.Expression.Types.Literal.LiteralTypeOneofCase.String } literal
          && System.Text.Ascii.IsValid(literal.String)
            ? value with { Expression = Expr.Lit(literal.String.ToUpperInvariant()) }
            : value with { Expression = Expr.Fn("upper", value.Expression) };
}

/// <summary>
/// <c>a.CompareTo(b)</c>, <c>string.Compare(a, b)</c>, <c>string.CompareOrdinal(a, b)</c> → -1, 0 or 1
/// via one <c>when</c>. Null sorts first, as in C# (null equals null).
/// </summary>
internal static class StringCompare
{
    public static SparkValue Translate(TranslationContext context, Expression a, Expression b)
    {
        var left = ScalarTranslator.Translate(context, a);
        var right = ScalarTranslator.Translate(context, b);
        var (l, r) = (left.Expression, right.Expression);
        var nullable = left.CanBeNull || right.CanBeNull;
        var csharpNulls = nullable && context.CSharpNulls;
        var arguments = new List<Spark.Connect.Protocol.Expression> { Expr.Fn(csharpNulls ? "<=>" : "==", l, r), Expr.Lit(0) };
        if (csharpNulls && left.CanBeNull) arguments.AddRange([Expr.Fn("isnull", l), Expr.Lit(-1)]);
        if (csharpNulls && right.CanBeNull) arguments.AddRange([Expr.Fn("isnull", r), Expr.Lit(1)]);
        arguments.AddRange([Expr.Fn("<", l, r), Expr.Lit(-1), Expr.Lit(1)]);
        var result = Expr.Fn("when", arguments.ToArray());
        return new SparkValue(result, typeof(int), nullable && !csharpNulls);
    }
}

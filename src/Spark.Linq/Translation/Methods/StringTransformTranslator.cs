using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// string instance methods that build a new string: Trim/TrimStart/TrimEnd, Substring, Replace.
/// </summary>
internal sealed class StringTransformTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(string) || call.Method.IsStatic) return null;
        var arguments = call.Arguments;
        return call.Method.Name switch
        {
            nameof(string.Trim) => Trim(context, call, TrimSide.Both),
            nameof(string.TrimStart) => Trim(context, call, TrimSide.Start),
            nameof(string.TrimEnd) => Trim(context, call, TrimSide.End),
            nameof(string.Substring) when arguments.All(a => a.Type == typeof(int)) => Substring(context, call),
            nameof(string.Replace) when arguments.Count == 2 && arguments.All(a => a.Type == typeof(string) || a.Type == typeof(char)) => Replace(context, call),
            _ => null,
        };
    }

    private enum TrimSide { Both, Start, End }

    /// <summary>
    /// Spark's one-argument trim removes only spaces; C#'s removes every char.IsWhiteSpace character.
    /// Passing that set explicitly gives the C# result. With characters, both trim any of them.
    /// </summary>
    private static SparkValue Trim(TranslationContext context, MethodCallExpression call, TrimSide side)
    {
        var instance = ScalarTranslator.Translate(context, call.Object!);
        var characters = TrimCharacters(context, call);
        // btrim takes (source, characters); ltrim and rtrim take (characters, source), as Spark Connect's own clients send them.
        var expression = side switch
        {
            TrimSide.Both => Expr.Fn("btrim", instance.Expression, characters),
            TrimSide.Start => Expr.Fn("ltrim", characters, instance.Expression),
            _ => Expr.Fn("rtrim", characters, instance.Expression),
        };
        return new SparkValue(expression, typeof(string), instance.CanBeNull);
    }

    private static SparkExpression TrimCharacters(TranslationContext context, MethodCallExpression call)
    {
        if (call.Arguments.Count == 0) return Expr.Lit(Whitespace.Characters);
        var argument = call.Arguments[0];
        if (call.Arguments.Count == 1 && argument.Type == typeof(char))
            return ScalarTranslator.Translate(context, argument).Expression;
        char[]? set = argument switch
        {
            ConstantExpression { Value: char[] chars } => chars,
            ConstantExpression { Value: null } => [],
            NewArrayExpression { NodeType: ExpressionType.NewArrayInit } array when array.Expressions.All(e => e is ConstantExpression { Value: char }) =>
                array.Expressions.Select(e => (char)((ConstantExpression)e).Value!).ToArray(),
            _ => throw context.NotSupported(call, $"{MethodHelpers.Describe(call)} can only trim characters known before the query runs.",
                "Pass char constants or a captured char array."),
        };
        if (call.Arguments.Count != 1)
            throw context.NotSupported(call, $"this overload of {MethodHelpers.Describe(call)} has no Spark translation.", "Use Trim(), Trim(char) or Trim(params char[]).");
        // C#: an empty or null set means whitespace.
        return Expr.Lit(set.Length == 0 ? Whitespace.Characters : new string(set));
    }

    /// <summary>C# is 0-based, Spark's substring 1-based. Past the end C# throws; Spark returns what is there (possibly '').</summary>
    private static SparkValue Substring(TranslationContext context, MethodCallExpression call)
    {
        var instance = ScalarTranslator.Translate(context, call.Object!);
        var start = MethodHelpers.PlusInt(context, call.Arguments[0], 1);
        var expression = call.Arguments.Count == 1
            ? Expr.Fn("substring", instance.Expression, start)
            : Expr.Fn("substring", instance.Expression, start, ScalarTranslator.Translate(context, call.Arguments[1]).Expression);
        return new SparkValue(expression, typeof(string), instance.CanBeNull);
    }

    /// <summary>A null replacement removes the matches in C#; Spark's replace would return null, so '' is sent.</summary>
    private static SparkValue Replace(TranslationContext context, MethodCallExpression call)
    {
        var instance = ScalarTranslator.Translate(context, call.Object!);
        var old = ScalarTranslator.Translate(context, call.Arguments[0]);
        SparkExpression replacement;
        if (call.Arguments[1] is ConstantExpression { Value: null })
            replacement = Expr.Lit(string.Empty);
        else
        {
            var value = ScalarTranslator.Translate(context, call.Arguments[1]);
            replacement = value.CanBeNull && context.CSharpNulls ? Expr.Fn("coalesce", value.Expression, Expr.Lit(string.Empty)) : value.Expression;
        }
        return new SparkValue(Expr.Fn("replace", instance.Expression, old.Expression, replacement), typeof(string), instance.CanBeNull || old.CanBeNull);
    }
}

/// <summary>The characters C#'s char.IsWhiteSpace accepts (Unicode White_Space in the BMP), as one trim set.</summary>
internal static class Whitespace
{
    public static string Characters { get; } = new(Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(char.IsWhiteSpace).ToArray());
}

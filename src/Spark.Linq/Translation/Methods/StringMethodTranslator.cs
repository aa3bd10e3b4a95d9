using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>string instance and static methods → Spark string functions.</summary>
internal sealed class StringMethodTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(string)) return null;
        if (call.Method.IsStatic)
            return call.Method.Name == nameof(string.Concat) && call.Arguments.All(a => a.Type != typeof(object[]) && !TypeClassifier.IsCollection(a.Type) || a.Type == typeof(string))
                ? StringConcat.Translate(context, call.Arguments.ToArray())
                : null;

        var instance = ScalarTranslator.Translate(context, call.Object!);
        SparkValue Arg(int i) => ScalarTranslator.Translate(context, call.Arguments[i]);
        return (call.Method.Name, call.Arguments.Count) switch
        {
            (nameof(string.Contains), 1) when call.Arguments[0].Type == typeof(string) => Predicate("contains", instance, Arg(0)),
            (nameof(string.StartsWith), 1) when call.Arguments[0].Type == typeof(string) => Predicate("startswith", instance, Arg(0)),
            (nameof(string.EndsWith), 1) when call.Arguments[0].Type == typeof(string) => Predicate("endswith", instance, Arg(0)),
            (nameof(string.ToUpper), 0) or (nameof(string.ToUpperInvariant), 0) => Function("upper", instance),
            (nameof(string.ToLower), 0) or (nameof(string.ToLowerInvariant), 0) => Function("lower", instance),
            _ => null,
        };
    }

    private static SparkValue Function(string name, SparkValue instance, params SparkValue[] arguments) =>
        new(Expr.Fn(name, [instance.Expression, .. arguments.Select(a => a.Expression)]), typeof(string), instance.CanBeNull);

    private static SparkValue Predicate(string name, SparkValue instance, SparkValue argument) =>
        new(Expr.Fn(name, instance.Expression, argument.Expression), typeof(bool), instance.CanBeNull || argument.CanBeNull);
}

/// <summary><c>s.Length</c> → <c>length(s)</c> (Spark counts characters; C# counts UTF-16 code units).</summary>
internal sealed class StringMemberTranslator : IMemberTranslator
{
    public SparkValue? Translate(TranslationContext context, MemberExpression member)
    {
        if (member.Member.DeclaringType != typeof(string) || member.Member.Name != nameof(string.Length) || member.Expression is null) return null;
        var instance = ScalarTranslator.Translate(context, member.Expression);
        return new SparkValue(Expr.Fn("length", instance.Expression), typeof(int), instance.CanBeNull);
    }
}

using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

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

using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary><c>n.Value</c> is the value itself; <c>n.HasValue</c> is <c>isnotnull(n)</c>.</summary>
internal sealed class NullableMemberTranslator : IMemberTranslator
{
    public SparkValue? Translate(TranslationContext context, MemberExpression member)
    {
        if (member.Expression is null || Nullable.GetUnderlyingType(member.Expression.Type) is null) return null;
        var operand = ScalarTranslator.Translate(context, member.Expression);
        return member.Member.Name switch
        {
            "Value" => operand with { ClrType = member.Type },
            "HasValue" => SparkValue.NotNull(Expr.Fn("isnotnull", operand.Expression), typeof(bool)),
            _ => null,
        };
    }
}

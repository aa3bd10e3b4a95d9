using System.Linq.Expressions;
using Spark.Linq.Mapping;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Operators;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// A member of a struct value that is computed rather than a column (<c>b.Lines[0].Sku</c>,
/// <c>b.Lines.First(l =&gt; …).Price</c>): the struct's field, named as the mapping (or an anonymous type's member) names it.
/// </summary>
internal sealed class StructMemberTranslator : IMemberTranslator
{
    public SparkValue? Translate(TranslationContext context, MemberExpression member)
    {
        if (member.Expression is not { } owner || !TypeClassifier.IsStructured(owner.Type) || ShapeResolver.TryResolve(context, owner) is not null
            || owner is ParameterExpression || owner.Type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            return null;
        var field = owner.Type.IsAnonymous() ? member.Member.Name : EntityMapping.For(owner.Type, context.Naming).Find(member.Member)?.ColumnName;
        if (field is null)
            return null;
        var value = ScalarTranslator.Translate(context, owner);
        return SparkValue.Of(Expr.Extract(value.Expression, field), member.Type);
    }
}

using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Operators;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Expressions;

/// <summary>
/// The body of a Select over an array's elements. An object built there (<c>l =&gt; new { l.Sku, Total = l.Price * l.Qty }</c>,
/// a record, a DTO) becomes <c>named_struct('Sku', …, 'Total', …)</c>, named as the materializer reads it back (anonymous
/// types by member, other types by their mapping), so a list of them comes back as a <c>List</c> of that type.
/// </summary>
internal static class StructBuilder
{
    public static SparkValue Translate(TranslationContext context, Expression body)
    {
        if (TypeClassifier.IsScalar(body.Type) || TypeClassifier.IsCollection(body.Type) || ProjectionMembers.TryGet(context, body) is not { Count: > 0 } members)
            return ScalarTranslator.Translate(context, body);
        var arguments = new List<SparkExpression>();
        foreach (var (_, column, value) in members)
        {
            arguments.Add(Expr.Lit(column));
            arguments.Add(Translate(context, value).Expression);
        }
        return SparkValue.NotNull(Expr.Fn("named_struct", [.. arguments]), body.Type);
    }
}

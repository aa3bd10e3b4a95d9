using System.Linq.Expressions;
using Spark.Linq.Mapping;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Operators;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Grouping;

/// <summary>
/// The shape of a value computed from the current row without projecting it first (a GroupBy element
/// selector, <c>g.Select(x =&gt; new { x.A, x.B })</c>, a join's result selector): its members are the
/// translated expressions themselves, so an aggregate or a later projection can use them directly.
/// </summary>
internal static class InlineShape
{
    public static ValueShape Of(TranslationContext context, Expression body)
    {
        if (ProjectionMembers.TryGet(context, body) is { } members)
        {
            var shapes = members.Select(m => new KeyValuePair<string, ValueShape>(m.Member, Of(context, m.Value))).ToList();
            // Built twice: the struct is made from the members' shapes, then becomes the value's own reference.
            var composite = ValueShape.Composite(body.Type, Expr.Star(), shapes);
            return ValueShape.Composite(body.Type, StructOf(context, composite), shapes);
        }
        if (ShapeResolver.TryResolve(context, body) is { IsComplex: true } complex)
            return complex;
        var scalar = ScalarTranslator.Translate(context, body);
        return ValueShape.Scalar(scalar.Expression, body.Type);
    }

    /// <summary>
    /// A complex value as one struct (for collect_list of whole elements, or a nested object column),
    /// with fields named as the materializer looks for them: anonymous members by name, others by mapping.
    /// </summary>
    public static SparkExpression StructOf(TranslationContext context, ValueShape shape)
    {
        // Scalars, struct columns and values already built as a struct are one expression already; only a whole row (*) is spelled out.
        if (!shape.IsComplex || shape.Reference.ExprTypeCase != SparkExpression.ExprTypeOneofCase.UnresolvedStar) return shape.Reference;
        var anonymous = shape.ClrType.IsAnonymous();
        var mapping = EntityMapping.For(shape.ClrType, context.Naming);
        var arguments = new List<SparkExpression>();
        foreach (var name in shape.MemberNames)
        {
            var member = shape.Member(name);
            if (member is null) continue;
            var field = anonymous ? name : mapping.Members.FirstOrDefault(m => m.Member.Name == name)?.ColumnName ?? name;
            arguments.Add(Expr.Lit(field));
            arguments.Add(StructOf(context, member));
        }
        var value = Expr.Fn("named_struct", arguments.ToArray());
        // A left join's missing right side is a null object, not an object of nulls.
        return shape.MissingWhenNull is { } probe ? Expr.Fn("when", Expr.Fn("isnotnull", probe), value) : value;
    }
}

using System.Collections;
using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>localList.Contains(x.Col)</c> (arrays, List, HashSet, any IEnumerable through Enumerable.Contains)
/// → <c>in(col, v1, v2, …)</c>. The collection was evaluated on the client; each element travels as a
/// literal. An empty collection is simply false.
/// </summary>
internal sealed class CollectionContainsTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.Name != "Contains") return null;
        Expression? source;
        Expression item;
        // Enumerable.Contains(source, item[, comparer]); only the default comparer translates. (C# 14's
        // array.Contains over a span was already turned back into Enumerable.Contains by SpanRewriter.)
        if (call.Method.IsStatic && call.Method.DeclaringType == typeof(Enumerable)
            && (call.Arguments.Count == 2 || call.Arguments is [_, _, ConstantExpression { Value: null }]))
            (source, item) = (call.Arguments[0], call.Arguments[1]);
        else if (!call.Method.IsStatic && call.Object is not null && call.Arguments.Count == 1 && call.Object.Type != typeof(string))
            (source, item) = (call.Object, call.Arguments[0]);
        else
            return null;

        if (Unwrap(source) is not ConstantExpression { Value: IEnumerable values })
            return null;

        // Enums stored as names are matched against the names of the collection's values.
        var storedAsName = EnumAsString.StoredAsName(item);
        var needle = ScalarTranslator.Translate(context, storedAsName is null ? item : StripConvert(item));
        var elementType = item.Type;
        var literals = new List<Spark.Connect.Protocol.Expression> { needle.Expression };
        var containsNull = false;
        foreach (var value in values)
        {
            if (value is null) { containsNull = true; continue; }
            if (storedAsName is not null) { literals.Add(EnumAsString.NameLiteral(storedAsName, value)); continue; }
            var literal = LiteralFactory.TryCreate(value, elementType)
                ?? throw context.NotSupported(call, $"the collection holds values of type {value.GetType().Name}, which have no Spark literal.");
            literals.Add(Expr.Lit(literal));
        }
        var membership = literals.Count == 1 ? Expr.Lit(false) : Expr.Fn("in", literals.ToArray());
        // C#: a null element matches a null item. SQL IN never matches null, so test for it separately.
        if (containsNull && context.CSharpNulls)
            membership = Expr.Fn("or", Expr.Fn("isnull", needle.Expression), membership);
        else if (context.CSharpNulls && needle.CanBeNull)
            membership = Expr.Fn("coalesce", membership, Expr.Lit(false));
        return SparkValue.NotNull(membership, typeof(bool));
    }

    private static Expression StripConvert(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u ? StripConvert(u.Operand) : e;

    private static Expression Unwrap(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u ? Unwrap(u.Operand) : e;
}

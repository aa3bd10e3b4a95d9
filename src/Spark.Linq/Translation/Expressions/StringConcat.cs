using System.Linq.Expressions;
using Spark.Linq.Plans;

namespace Spark.Linq.Translation.Expressions;

/// <summary>
/// <c>a + b</c> on strings → <c>concat</c>. C# treats a null operand as empty and formats non-string
/// operands; under C# null semantics nullable operands are wrapped in <c>coalesce(x, '')</c> and
/// non-strings are cast to string.
/// </summary>
internal static class StringConcat
{
    public static SparkValue Translate(TranslationContext context, params Expression[] operands)
    {
        var parts = new List<Spark.Connect.Protocol.Expression>();
        foreach (var operand in operands.SelectMany(Flatten))
        {
            var value = ScalarTranslator.Translate(context, StripToObject(operand));
            var text = TypeClassifier.Unwrap(value.ClrType) == typeof(string)
                ? value.Expression
                : Expr.Cast(value.Expression, new Spark.Connect.Protocol.DataType { String = new() });
            parts.Add(context.CSharpNulls && value.CanBeNull ? Expr.Fn("coalesce", text, Expr.Lit(string.Empty)) : text);
        }
        return SparkValue.NotNull(Expr.Fn("concat", parts.ToArray()), typeof(string));
    }

    // a + b + c arrives as ((a + b) + c); one concat call reads better.
    private static IEnumerable<Expression> Flatten(Expression e) =>
        e is BinaryExpression { NodeType: ExpressionType.Add } b && b.Type == typeof(string)
            ? Flatten(b.Left).Concat(Flatten(b.Right))
            : [e];

    // "x" + 5 boxes 5 to object through a Convert node.
    private static Expression StripToObject(Expression e) =>
        e is UnaryExpression { NodeType: ExpressionType.Convert } u && u.Type == typeof(object) ? u.Operand : e;
}

using System.Linq.Expressions;
using Spark.Linq.Plans;

namespace Spark.Linq.Translation.Expressions;

/// <summary>
/// <c>a + b</c> on strings → <c>concat</c>. C# treats a null operand as empty and formats non-string
/// operands; under C# null semantics nullable operands are wrapped in <c>coalesce(x, '')</c>, and
/// non-strings are written as <c>ToString()</c> writes them (<see cref="Methods.ScalarToString"/>).
/// </summary>
internal static class StringConcat
{
    public static SparkValue Translate(TranslationContext context, params Expression[] operands)
    {
        var parts = new List<Spark.Connect.Protocol.Expression>();
        foreach (var operand in operands.SelectMany(Flatten))
        {
            // Written as C#'s ToString() writes it (enum names, True/False); types C# formats by culture are refused.
            var (value, text) = Methods.ScalarToString.Text(context, operand, StripToObject(operand));
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

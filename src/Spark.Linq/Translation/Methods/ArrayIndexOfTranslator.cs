using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>list.IndexOf(x)</c> and <c>Array.IndexOf(a, x)</c> over an array column → <c>array_position(a, x) - 1</c> as an int
/// (Spark counts from 1 and says 0 for none; C# counts from 0 and says -1). C# finds a null element for a null x, where
/// array_position answers null: a nullable x looks for the first <c>true</c> of <c>transform(a, e -&gt; e &lt;=&gt; x)</c>.
/// </summary>
internal sealed class ArrayIndexOfTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.Name != "IndexOf" || call.Type != typeof(int))
            return null;
        var (array, item) = call switch
        {
            { Method.IsStatic: true, Arguments.Count: 2 } when call.Method.DeclaringType == typeof(Array) => (call.Arguments[0], call.Arguments[1]),
            { Method.IsStatic: false, Object: { } list, Arguments.Count: 1 } when list.Type != typeof(string) => (list, call.Arguments[0]),
            _ => (null, null),
        };
        if (array is null || item is null || !Sequences.IsRowSequence(context, array))
            return null;
        var values = Sequences.Translate(context, array);
        var needle = ScalarTranslator.Translate(context, Sequences.StripConvert(item));
        SparkExpression position;
        if (context.CSharpNulls && needle.CanBeNull)
        {
            var element = context.NewLambdaVariable();
            var same = Expr.Fn("transform", values.Expression, Expr.Lambda(Expr.Fn("<=>", Expr.LambdaVariable(element), needle.Expression), [element]));
            position = Expr.Fn("array_position", same, Expr.Lit(true));
        }
        else
        {
            position = Expr.Fn("array_position", values.Expression, needle.Expression);
        }
        var index = Expr.Cast(Expr.Fn("-", position, Expr.Lit(1)), Expressions.SparkTypes.For(typeof(int))!);
        return new SparkValue(index, typeof(int), values.CanBeNull || !context.CSharpNulls && needle.CanBeNull);
    }
}

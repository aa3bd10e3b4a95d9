using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>string.Join(separator, values)</c> over an array column or values of the row (<c>string.Join(", ", x.A, x.B)</c>)
/// → <c>array_join(values, separator, '')</c>: C# writes a null element as nothing (Spark's array_join would skip it,
/// dropping its separator too). Elements other than strings are converted as their <c>ToString()</c> translates.
/// </summary>
internal sealed class StringJoinTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(string) || call.Method.Name != nameof(string.Join) || call.Arguments.Count != 2)
            return null;
        var values = SpanSource(call.Arguments[1]);
        var elementType = Sequences.ElementType(values.Type);
        if (elementType is null) return null;
        Spark.Connect.Protocol.Expression array;
        if (values is NewArrayExpression { NodeType: ExpressionType.NewArrayInit } items)
            array = Expr.Fn("array", [.. items.Expressions.Select(e => ScalarTranslator.Translate(context, e).Expression)]);
        else if (Sequences.IsRowSequence(context, values))
            array = Sequences.Translate(context, values).Expression;
        else
            return null;
        if (TypeClassifier.Unwrap(elementType) != typeof(string))
        {
            var element = Expression.Parameter(elementType, "x");
            var text = Expression.Lambda(Expression.Call(element, elementType.GetMethod(nameof(ToString), Type.EmptyTypes)!), element);
            array = Expr.Fn("transform", array, LambdaTranslator.Translate(context, text).Function);
        }
        var separator = ScalarTranslator.Translate(context, call.Arguments[0]).Expression;
        return SparkValue.Of(Expr.Fn("array_join", array, separator, Expr.Lit(string.Empty)), typeof(string));
    }

    // C# 14 may pass an array to the ReadOnlySpan<string> overload through an implicit conversion: the array is what counts.
    private static Expression SpanSource(Expression e) => e switch
    {
        MethodCallExpression { Method.Name: "op_Implicit", Arguments: [var source] } => source,
        UnaryExpression { NodeType: ExpressionType.Convert, Method.Name: "op_Implicit" } convert => convert.Operand,
        _ => Sequences.StripConvert(e),
    };
}

using System.Linq.Expressions;
using System.Reflection;

namespace Spark.Linq.Query;

/// <summary>
/// C# 14 binds <c>array.Contains(x)</c> to <c>MemoryExtensions.Contains(ReadOnlySpan&lt;T&gt;, T)</c>
/// through an implicit array-to-span conversion. Spans can't be boxed, so such a tree can be neither
/// evaluated on the client nor translated; this rewrites it back to <c>Enumerable.Contains</c>,
/// which means the same thing (and <c>array.IndexOf(x)</c> back to <c>Array.IndexOf</c>).
/// </summary>
internal sealed class SpanRewriter : Depth.GuardedExpressionVisitor
{
    private static readonly MethodInfo EnumerableContains = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    private static readonly MethodInfo ArrayIndexOf = typeof(Array).GetMethods()
        .Single(m => m.Name == nameof(Array.IndexOf) && m.IsGenericMethodDefinition && m.GetParameters().Length == 2);

    private static readonly MethodInfo EnumerableSequenceEqual = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.SequenceEqual) && m.GetParameters().Length == 2);

    private static readonly SpanRewriter Instance = new();

    public static Expression Rewrite(Expression expression) => Instance.Visit(expression)!;

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(MemoryExtensions) && node.Method.Name == nameof(MemoryExtensions.Contains)
            && node.Arguments.Count is 2 or 3 && (node.Arguments.Count == 2 || node.Arguments[2] is ConstantExpression { Value: null })
            && SpanSource(node.Arguments[0]) is { } source)
        {
            var element = node.Method.GetGenericArguments()[0];
            return Expression.Call(EnumerableContains.MakeGenericMethod(element), Visit(source)!, Visit(node.Arguments[1])!);
        }
        // array.SequenceEqual(other) binds to MemoryExtensions.SequenceEqual(Span<T>, ReadOnlySpan<T>) too.
        if (node.Method.DeclaringType == typeof(MemoryExtensions) && node.Method.Name == nameof(MemoryExtensions.SequenceEqual) && node.Arguments.Count == 2
            && node.Method.IsGenericMethod && SpanSource(node.Arguments[0]) is { } first && SpanSource(node.Arguments[1]) is { } second)
        {
            var element = node.Method.GetGenericArguments()[0];
            var sequence = typeof(IEnumerable<>).MakeGenericType(element);
            if (sequence.IsAssignableFrom(first.Type) && sequence.IsAssignableFrom(second.Type))
                return Expression.Call(EnumerableSequenceEqual.MakeGenericMethod(element), Visit(first)!, Visit(second)!);
        }
        // array.IndexOf(x) binds to MemoryExtensions.IndexOf(Span<T>, T) the same way; Array.IndexOf means the same.
        if (node.Method.DeclaringType == typeof(MemoryExtensions) && node.Method.Name == nameof(MemoryExtensions.IndexOf) && node.Arguments.Count == 2
            && node.Method.IsGenericMethod && SpanSource(node.Arguments[0]) is { Type.IsArray: true } array)
        {
            var element = node.Method.GetGenericArguments()[0];
            if (array.Type.GetElementType() == element)
                return Expression.Call(ArrayIndexOf.MakeGenericMethod(element), Visit(array)!, Visit(node.Arguments[1])!);
        }
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitExtension(Expression node) => node;

    /// <summary>The array (or other collection) behind an implicit conversion to a span, if that is what <paramref name="e"/> is.</summary>
    private static Expression? SpanSource(Expression e) => e switch
    {
        MethodCallExpression { Method.Name: "op_Implicit", Arguments: [var source] } call when IsSpan(call.Type) => source,
        UnaryExpression { NodeType: ExpressionType.Convert, Method.Name: "op_Implicit" } convert when IsSpan(convert.Type) => convert.Operand,
        _ => null,
    };

    private static bool IsSpan(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(ReadOnlySpan<>) || type.GetGenericTypeDefinition() == typeof(Span<>));
}

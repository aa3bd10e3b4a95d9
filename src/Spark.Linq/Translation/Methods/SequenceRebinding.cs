using System.Collections;
using System.Linq.Expressions;
using Spark.Connect.Protocol;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// Lets the array translators take sequences that are not array columns as they stand: a captured local collection
/// (sent as an array of literals) or a dictionary's entries (<c>map_entries</c>). The call is translated again with
/// that sequence replaced by a fresh parameter bound to the Spark array, so every array operator applies unchanged.
/// </summary>
internal static class SequenceRebinding
{
    /// <summary>
    /// Translates <paramref name="call"/> with <paramref name="sequence"/> (a node of its tree) read as
    /// <paramref name="array"/>, typed <paramref name="asType"/>.
    /// </summary>
    public static SparkValue Translate(TranslationContext context, MethodCallExpression call, System.Linq.Expressions.Expression sequence,
        SparkExpression array, Type asType)
    {
        var parameter = System.Linq.Expressions.Expression.Parameter(asType, "sequence");
        using var scope = context.Bind(parameter, ValueShape.Scalar(array, asType));
        var rewritten = (MethodCallExpression)new NodeReplacer(sequence, parameter).Visit(call)!;
        return ScalarTranslator.Translate(context, rewritten);
    }

    /// <summary>
    /// <c>array(literal, …)</c> of a captured collection's values (each its element type's literal, null included); an
    /// empty collection is <c>CAST(array() AS ARRAY&lt;T&gt;)</c>, since <c>array()</c> alone has no element type.
    /// The values are read, never slots: the plan cache keys on a captured collection's contents (or leaves the query
    /// out when they can't be compared), so a cached plan never serves other values.
    /// </summary>
    public static SparkExpression LocalArray(TranslationContext context, System.Linq.Expressions.Expression at, IEnumerable values, Type elementType)
    {
        var literals = values.Cast<object?>().Select(v => LiteralFactory.TryCreate(v, elementType)
            ?? throw context.NotSupported(at, $"the local collection holds a value of type {v?.GetType().Name}, which has no Spark literal.",
                "Capture a collection of plain values (objects.Select(o => o.Member).ToList()), or call AsEnumerable() before this part so it runs on the client.")).Select(Expr.Lit).ToArray();
        if (literals.Length > 0)
            return Expr.Fn("array", literals);
        var type = Expressions.SparkTypes.For(elementType)
            ?? throw context.NotSupported(at, $"an empty local collection of {elementType.Name} has no Spark array type.");
        return Expr.Cast(Expr.Fn("array"), new DataType { Array = new DataType.Types.Array { ElementType = type, ContainsNull = true } });
    }

    /// <summary>Replaces one node (by reference) of a tree.</summary>
    private sealed class NodeReplacer(System.Linq.Expressions.Expression from, System.Linq.Expressions.Expression to) : ExpressionVisitor
    {
        public override System.Linq.Expressions.Expression? Visit(System.Linq.Expressions.Expression? node) => ReferenceEquals(node, from) ? to : base.Visit(node);
    }
}

using System.Runtime.CompilerServices;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Select items of an aggregate query whose name depends on a subquery (<c>sum(CASE WHEN EXISTS (…) …)</c>, <c>EXISTS (…)</c>):
/// the parser names items before resolution, but Spark names such a subquery by the outer columns it reads, which only
/// resolution knows. The parser ties the item's final alias to the written expression here; the resolver names the
/// alias from it once the subqueries are resolved. Keyed by the alias object itself, so nothing outlives or crosses
/// the request that parsed it; a copy of the alias simply keeps the parser's name.
/// </summary>
internal static class DeferredItemNames
{
    private static readonly ConditionalWeakTable<Expression, Expression> Written = new();

    internal static void Register(Expression alias, Expression written) => Written.AddOrUpdate(alias, written);

    internal static Expression? WrittenFor(Expression alias) => Written.TryGetValue(alias, out var written) ? written : null;

    /// <summary>Whether <paramref name="expression"/> is or holds a subquery.</summary>
    internal static bool HasSubquery(Expression expression) => Contains(expression);

    private static bool Contains(Google.Protobuf.IMessage message)
    {
        PlanComplexity.EnsureStack();
        if (message is Expression { ExprTypeCase: Expression.ExprTypeOneofCase.SubqueryExpression })
            return true;
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType != Google.Protobuf.Reflection.FieldType.Message)
                continue;
            if (field.IsRepeated)
            {
                foreach (var item in (System.Collections.IList)field.Accessor.GetValue(message))
                {
                    if (item is Google.Protobuf.IMessage child && Contains(child))
                        return true;
                }
            }
            else if (field.Accessor.HasValue(message) && field.Accessor.GetValue(message) is Google.Protobuf.IMessage child && Contains(child))
            {
                return true;
            }
        }
        return false;
    }
}

using System.Linq.Expressions;

namespace Spark.Linq.Query.Depth;

/// <summary>
/// An <see cref="ExpressionVisitor"/> that stops with a <see cref="SparkTranslationException"/> instead of
/// overflowing the stack. Every visitor over a user's query derives from it.
/// </summary>
internal abstract class GuardedExpressionVisitor : ExpressionVisitor
{
    public override Expression? Visit(Expression? node)
    {
        if (node is not null) StackGuard.Ensure(node);
        return base.Visit(node);
    }
}

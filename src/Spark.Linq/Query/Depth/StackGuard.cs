using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Spark.Linq.Query.Depth;

/// <summary>
/// The last line of defence of every recursive walk over a query: .NET can't catch a stack overflow (it
/// ends the process), but it can say, cheaply, when little stack is left. The count limit of
/// <see cref="ExpressionDepth"/> normally stops deep queries first; this catches what it can't see (a
/// thread with a small stack, a walk with large frames).
/// </summary>
internal static class StackGuard
{
    /// <summary>Throws <see cref="SparkTranslationException"/> when the thread is close to the end of its stack.</summary>
    public static void Ensure(Expression node)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw Exhausted(ExpressionDepth.Describe(node));
    }

    /// <summary>As <see cref="Ensure(Expression)"/>, for walks over plan messages rather than C# expressions.</summary>
    public static void Ensure(string what)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw Exhausted(what);
    }

    private static SparkTranslationException Exhausted(string what) =>
        new(what, null, "the query nests so deeply that the thread translating it is running out of stack.",
            "Make it shallower (fewer chained operators, nested expressions split into steps), or translate it on a thread with a larger stack.");
}

using Spark.Linq.Plans;

namespace Spark.Linq.Translation.Expressions;

/// <summary>
/// Where C# and SQL disagree about null. Under C# semantics:
/// <list type="bullet">
/// <item><c>a == b</c> where either side can be null → <c>a &lt;=&gt; b</c> (null equals null, null differs from a value).</item>
/// <item><c>a != b</c> likewise → <c>NOT (a &lt;=&gt; b)</c>.</item>
/// <item><c>a &lt; b</c> with a nullable side → <c>coalesce(a &lt; b, false)</c>: C# lifted comparisons are false, never unknown,
/// so their negation is true, as in LINQ-to-Objects.</item>
/// </list>
/// Where neither side can be null, or under SQL semantics, the plain operators are used.
/// </summary>
internal static class NullSemantics
{
    public static SparkValue Equal(TranslationContext context, SparkValue left, SparkValue right) =>
        context.CSharpNulls && (left.CanBeNull || right.CanBeNull)
            ? SparkValue.NotNull(Expr.Fn("<=>", left.Expression, right.Expression), typeof(bool))
            : Plain("==", left, right);

    public static SparkValue NotEqual(TranslationContext context, SparkValue left, SparkValue right) =>
        context.CSharpNulls && (left.CanBeNull || right.CanBeNull)
            ? SparkValue.NotNull(Expr.Fn("not", Expr.Fn("<=>", left.Expression, right.Expression)), typeof(bool))
            : new(Expr.Fn("not", Expr.Fn("==", left.Expression, right.Expression)), typeof(bool), left.CanBeNull || right.CanBeNull);

    public static SparkValue Compare(TranslationContext context, string op, SparkValue left, SparkValue right) =>
        context.CSharpNulls && (left.CanBeNull || right.CanBeNull)
            ? SparkValue.NotNull(Expr.Fn("coalesce", Expr.Fn(op, left.Expression, right.Expression), Expr.Lit(false)), typeof(bool))
            : Plain(op, left, right);

    private static SparkValue Plain(string op, SparkValue left, SparkValue right) =>
        new(Expr.Fn(op, left.Expression, right.Expression), typeof(bool), left.CanBeNull || right.CanBeNull);
}

using System.Linq.Expressions;
using Spark.Linq.Plans;

namespace Spark.Linq.Translation.Expressions;

/// <summary>
/// Translates a row-level C# expression (a lambda body) into a Spark expression. Dispatches on the
/// node type; each kind of node has its own small translator. Closures were already evaluated into
/// constants by <see cref="Query.ClosureEvaluator"/>, so every constant here is a value.
/// </summary>
internal static class ScalarTranslator
{
    public static SparkValue Translate(TranslationContext context, Expression expression)
    {
        Query.Depth.StackGuard.Ensure(expression);
        return TranslateNode(context, expression);
    }

    private static SparkValue TranslateNode(TranslationContext context, Expression expression) => expression switch
    {
        ConstantExpression constant => ConstantTranslator.Translate(context, constant),
        ParameterExpression or MemberExpression when ShapeResolver.TryResolve(context, expression) is { } shape => FromShape(context, expression, shape),
        MemberExpression member => MemberTranslator.Translate(context, member),
        BinaryExpression binary => BinaryTranslator.Translate(context, binary),
        UnaryExpression unary => UnaryTranslator.Translate(context, unary),
        ConditionalExpression conditional => ConditionalTranslator.Translate(context, conditional),
        SwitchExpression @switch => ConditionalTranslator.Translate(context, @switch),
        MethodCallExpression call => MethodCallTranslator.Translate(context, call),
        InvocationExpression => throw context.NotSupported(expression, "calling a delegate runs .NET code, which Spark can't run.",
            "Write the condition inline in the lambda (or compose an Expression<Func<…>> instead of a Func), or call AsEnumerable() before this part."),
        TypeBinaryExpression => throw context.NotSupported(expression, "a type test has no Spark equivalent: each column has one type.",
            "Test a member's value instead, or call AsEnumerable() before this part so it runs on the client."),
        _ => throw context.NotSupported(expression, $"expressions of kind {expression.NodeType} have no Spark equivalent."),
    };

    /// <summary>Translates a condition (Where, Any, All, …) into a boolean expression.</summary>
    public static SparkValue TranslatePredicate(TranslationContext context, Expression body)
    {
        var value = Translate(context, body);
        if (TypeClassifier.Unwrap(value.ClrType) != typeof(bool))
            throw context.NotSupported(body, $"a condition must be a bool, not {value.ClrType.Name}.");
        return value;
    }

    private static SparkValue FromShape(TranslationContext context, Expression expression, ValueShape shape)
    {
        // A row parameter stands for every column (*); an element of an array (a lambda's parameter) is one struct value.
        if (shape.IsComplex && expression is ParameterExpression && shape.Reference.ExprTypeCase == Spark.Connect.Protocol.Expression.ExprTypeOneofCase.UnresolvedStar)
            throw context.NotSupported(expression, "a whole row can't be used as a single value here.",
                "Compare or select its members instead (e.g. x.Id rather than x).");
        return SparkValue.Of(shape.Reference, shape.ClrType);
    }
}

/// <summary>Finds the shape of <c>x</c>, <c>x.Member</c>, <c>x.Member.Inner</c>… where x is a lambda parameter bound to a row.</summary>
internal static class ShapeResolver
{
    public static ValueShape? TryResolve(TranslationContext context, Expression expression) => expression switch
    {
        ParameterExpression parameter => context.Lookup(parameter),
        MemberExpression { Expression: { } inner } member when TryResolve(context, inner) is { IsComplex: true } owner => owner.Member(member.Member),
        _ => null,
    };
}

/// <summary>Constants: values of closures and literals in the query.</summary>
internal static class ConstantTranslator
{
    public static SparkValue Translate(TranslationContext context, ConstantExpression constant)
    {
        var literal = LiteralFactory.TryCreate(constant.Value, constant.Type)
            ?? throw context.NotSupported(constant, $"a value of type {constant.Type.Name} has no Spark literal.",
                "Use a primitive, string, decimal, date/time, Guid, enum or byte[] value.");
        context.Slots?.Literal(constant, literal);
        context.LiteralTypes.Note(literal, constant.Type, context.Origins?.GetValueOrDefault(constant));
        return new SparkValue(Expr.Lit(literal), constant.Type, constant.Value is null);
    }
}

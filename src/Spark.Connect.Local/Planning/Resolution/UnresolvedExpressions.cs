using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Builders of client-shaped (unresolved) expressions, for resolvers that rewrite a construct into the plan Spark's
/// analyzer would make of it (generators, struct updates, stat relations) and then resolve that as any other.
/// </summary>
internal static class UnresolvedExpressions
{
    /// <summary>An unresolved call of a Spark function.</summary>
    internal static Expression Call(string name, params Expression[] arguments)
    {
        var function = new Expression.Types.UnresolvedFunction { FunctionName = name };
        function.Arguments.AddRange(arguments);
        return new Expression { UnresolvedFunction = function };
    }

    /// <summary>A column by one name part, back-quoted so a dotted name stays one name.</summary>
    internal static Expression Column(string name) =>
        new() { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`" } };

    internal static Expression Lit(Literal literal) => new() { Literal = literal };

    internal static Expression Text(string value) => Lit(new Literal { String = value });

    internal static Expression Cast(Expression expression, DataType type) =>
        new() { Cast = new Expression.Types.Cast { Expr = expression, Type = type } };

    internal static Expression Alias(Expression expression, string name) =>
        new() { Alias = new Expression.Types.Alias { Expr = expression, Name = { name } } };
}

using Google.Protobuf;
using SortDirection = Spark.Connect.Protocol.Expression.Types.SortOrder.Types.SortDirection;
using NullOrdering = Spark.Connect.Protocol.Expression.Types.SortOrder.Types.NullOrdering;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Plans;

/// <summary>
/// Tiny builders for Spark Connect expressions, so translators read like the plan they produce:
/// <c>Expr.Fn("&gt;", Expr.Col("amount"), Expr.Lit(100))</c>.
/// </summary>
internal static class Expr
{
    /// <summary>A column by (possibly multi-part) name.</summary>
    public static SparkExpression Col(string name) =>
        new() { UnresolvedAttribute = new() { UnparsedIdentifier = QuoteIfNeeded(name) } };

    /// <summary>A call of a Spark function by name, resolved by the server's function registry.</summary>
    public static SparkExpression Fn(string name, params SparkExpression[] arguments)
    {
        var function = new SparkExpression.Types.UnresolvedFunction { FunctionName = name };
        function.Arguments.AddRange(arguments);
        return new SparkExpression { UnresolvedFunction = function };
    }

    /// <summary>A function call with DISTINCT, e.g. <c>count(DISTINCT x)</c>.</summary>
    public static SparkExpression DistinctFn(string name, params SparkExpression[] arguments)
    {
        var call = Fn(name, arguments);
        call.UnresolvedFunction.IsDistinct = true;
        return call;
    }

    /// <summary><paramref name="expression"/> named <paramref name="name"/>.</summary>
    public static SparkExpression Alias(SparkExpression expression, string name) =>
        new() { Alias = new() { Expr = expression, Name = { name } } };

    /// <summary>A literal expression.</summary>
    public static SparkExpression Lit(SparkExpression.Types.Literal literal) => new() { Literal = literal };

    /// <summary>An int literal (Spark integer).</summary>
    public static SparkExpression Lit(int value) => Lit(new SparkExpression.Types.Literal { Integer = value });

    /// <summary>A string literal.</summary>
    public static SparkExpression Lit(string value) => Lit(new SparkExpression.Types.Literal { String = value });

    /// <summary>A boolean literal.</summary>
    public static SparkExpression Lit(bool value) => Lit(new SparkExpression.Types.Literal { Boolean = value });

    /// <summary>A cast to a Spark type.</summary>
    public static SparkExpression Cast(SparkExpression expression, Spark.Connect.Protocol.DataType type) =>
        new() { Cast = new() { Expr = expression, Type = type } };

    /// <summary>A sort key with explicit direction and null placement.</summary>
    public static SparkExpression.Types.SortOrder Sort(SparkExpression child, bool descending, bool nullsFirst) => new()
    {
        Child = child,
        Direction = descending ? SortDirection.Descending : SortDirection.Ascending,
        NullOrdering = nullsFirst ? NullOrdering.SortNullsFirst : NullOrdering.SortNullsLast,
    };

    /// <summary>Extracts a struct field (or map value / array element) from <paramref name="child"/>.</summary>
    public static SparkExpression Extract(SparkExpression child, string field) =>
        new() { UnresolvedExtractValue = new() { Child = child, Extraction = Lit(field) } };

    /// <summary>A lambda variable by name (a parameter of an enclosing <see cref="Lambda"/>).</summary>
    public static SparkExpression LambdaVariable(string name) =>
        new() { UnresolvedNamedLambdaVariable = new() { NameParts = { name } } };

    /// <summary><c>(names…) -&gt; body</c>: a lambda function, the argument of a higher-order function such as <c>transform</c>.</summary>
    public static SparkExpression Lambda(SparkExpression body, IEnumerable<string> names)
    {
        var lambda = new SparkExpression.Types.LambdaFunction { Function = body };
        foreach (var name in names)
            lambda.Arguments.Add(new SparkExpression.Types.UnresolvedNamedLambdaVariable { NameParts = { name } });
        return new SparkExpression { LambdaFunction = lambda };
    }

    /// <summary><c>*</c>: every column of the input.</summary>
    public static SparkExpression Star() => new() { UnresolvedStar = new() };

    /// <summary>
    /// A copy of <paramref name="expression"/> whose column references are qualified by
    /// <paramref name="alias"/> (<c>Id</c> → <c>o.Id</c>, <c>*</c> → <c>o.*</c>), for reading one side of a join.
    /// </summary>
    public static SparkExpression Qualify(SparkExpression expression, string alias)
    {
        var copy = expression.Clone();
        QualifyInPlace(copy, QuoteIfNeeded(alias));
        return copy;
    }

    private static void QualifyInPlace(IMessage message, string prefix)
    {
        switch (message)
        {
            case SparkExpression.Types.UnresolvedAttribute attribute:
                attribute.UnparsedIdentifier = prefix + "." + attribute.UnparsedIdentifier;
                return;
            case SparkExpression.Types.UnresolvedStar star when !star.HasUnparsedTarget:
                star.UnparsedTarget = prefix + ".*";
                return;
        }
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType != Google.Protobuf.Reflection.FieldType.Message) continue;
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                foreach (var item in (System.Collections.IList)value) QualifyInPlace((IMessage)item, prefix);
            }
            else if (value is IMessage child)
            {
                QualifyInPlace(child, prefix);
            }
        }
    }

    /// <summary>Spark parses attribute names as multi-part identifiers; back-quote names that would split or mis-parse.</summary>
    internal static string QuoteIfNeeded(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
                return "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
        }
        return name;
    }

    /// <summary>True if two expressions are the same message (for tests and simplifications).</summary>
    public static bool Same(IMessage a, IMessage b) => a.Equals(b);
}

using System.Globalization;
using Kind = Spark.Connect.Protocol.Expression.ExprTypeOneofCase;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>
/// The output column name Spark would give an expression: an alias's name, an attribute's last name part,
/// and for computed expressions a deterministic name in Spark's style (<c>(a = 1)</c>, <c>sum(x)</c>).
/// The name only ever becomes SQL through <see cref="SqlIdentifiers.Quote"/>.
/// </summary>
internal static class ColumnNamer
{
    private static readonly HashSet<string> InfixOperators =
        ["==", "!=", "<", ">", "<=", ">=", "<=>", "+", "-", "*", "/", "%", "and", "or", "&", "|", "^"];

    // Spark's math expressions name themselves in capitals whatever the call's spelling (SQRT(b), LOG10(b)); aliases
    // registered with their own name (sign, ceiling, pow, rint, ln) keep the spelling Spark gives them, lower case.
    private static readonly HashSet<string> CapitalizedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "acos", "acosh", "asin", "asinh", "atan", "atanh", "atan2", "cbrt", "ceil", "cos", "cosh", "cot", "csc", "degrees", "e",
        "exp", "expm1", "floor", "hypot", "log", "log10", "log1p", "log2", "pi", "power", "radians", "sec", "signum", "sin", "sinh",
        "spark_partition_id", "sqrt", "tan", "tanh",
    };

    internal static string Name(Expression expression) => expression.ExprTypeCase switch
    {
        Kind.Alias when expression.Alias.Name.Count == 1 => expression.Alias.Name[0],
        Kind.Alias => throw LocalEngineException.Unsupported("an alias with several names (multi-column generators)", "Alias each column on its own."),
        Kind.UnresolvedAttribute => MultipartIdentifier.Parse(expression.UnresolvedAttribute.UnparsedIdentifier)[^1],
        Kind.Literal => LiteralName(expression.Literal),
        Kind.UnresolvedFunction => FunctionName(expression.UnresolvedFunction.FunctionName, expression.UnresolvedFunction.Arguments, expression.UnresolvedFunction.IsDistinct),
        Kind.CallFunction => FunctionName(expression.CallFunction.FunctionName, expression.CallFunction.Arguments, false),
        Kind.Cast => $"CAST({Name(expression.Cast.Expr)} AS {CastTypeName(expression.Cast)})",
        Kind.UnresolvedExtractValue => ExtractName(expression.UnresolvedExtractValue),
        Kind.Window => WindowNamer.Name(expression.Window),
        Kind.SortOrder => Name(expression.SortOrder.Child),
        Kind.UnresolvedNamedLambdaVariable => string.Join(".", expression.UnresolvedNamedLambdaVariable.NameParts),
        Kind.LambdaFunction => "lambdafunction(" + string.Join(", ", expression.LambdaFunction.Arguments.Select(a => string.Join(".", a.NameParts))
            .Prepend(Name(expression.LambdaFunction.Function))) + ")",
        Kind.SubqueryExpression => "scalarsubquery()",
        Kind.UnresolvedStar => expression.UnresolvedStar.HasUnparsedTarget ? expression.UnresolvedStar.UnparsedTarget : "*",
        _ => expression.ExprTypeCase.ToString(),
    };

    private static string FunctionName(string name, IReadOnlyList<Expression> arguments, bool distinct)
    {
        if (arguments.Count == 2 && InfixOperators.Contains(name))
            return $"({Name(arguments[0])} {(name == "==" ? "=" : name.ToUpperInvariant() is "AND" or "OR" ? name.ToUpperInvariant() : name)} {Name(arguments[1])})";
        // Spark's parser turns count(*) into count(1), and names the column so.
        if (arguments is [{ ExprTypeCase: Kind.UnresolvedStar, UnresolvedStar.HasUnparsedTarget: false }] && name.Equals("count", StringComparison.OrdinalIgnoreCase))
            return $"{name}({(distinct ? "DISTINCT " : "")}1)";
        if (name == "not" && arguments.Count == 1)
            return $"(NOT {Name(arguments[0])})";
        var shown = arguments.Select(ArgumentName);
        if (CapitalizedNames.Contains(name))
        {
            // One-argument log is Spark's Logarithm with Euler's number as the base: LOG(E(), x).
            if (name.Equals("log", StringComparison.OrdinalIgnoreCase) && arguments.Count == 1) shown = shown.Prepend("E()");
            name = name.ToUpperInvariant();
        }
        // Spark's name shows the defaults its constructors add: overlay(x, r, pos) is overlay(x, r, pos, -1).
        if (name.Equals("overlay", StringComparison.OrdinalIgnoreCase) && arguments.Count == 3) shown = shown.Append("-1");
        return $"{name}({(distinct ? "DISTINCT " : "")}{string.Join(", ", shown)})";
    }

    // Inside a call an alias keeps its expression, as Spark's Alias.sql: struct(12 AS id).
    private static string ArgumentName(Expression argument) =>
        argument is { ExprTypeCase: Kind.Alias, Alias.Name.Count: 1 } ? $"{Name(argument.Alias.Expr)} AS {argument.Alias.Name[0]}" : Name(argument);

    private static string ExtractName(Expression.Types.UnresolvedExtractValue extract)
    {
        var child = Name(extract.Child);
        return extract.Extraction is { ExprTypeCase: Kind.Literal, Literal.LiteralTypeCase: Literal.LiteralTypeOneofCase.String } key
            ? key.Literal.String
            : $"{child}[{Name(extract.Extraction)}]";
    }

    private static string CastTypeName(Expression.Types.Cast cast) =>
        cast.CastToTypeCase == Expression.Types.Cast.CastToTypeOneofCase.TypeStr
            ? cast.TypeStr.ToUpperInvariant()
            : SparkTypeName(cast.Type);

    /// <summary>Spark's SQL spelling of a type, as it appears in generated column names (<c>CAST(x AS BIGINT)</c>).</summary>
    private static string SparkTypeName(DataType type) => type.KindCase switch
    {
        DataType.KindOneofCase.Byte => "TINYINT",
        DataType.KindOneofCase.Short => "SMALLINT",
        DataType.KindOneofCase.Integer => "INT",
        DataType.KindOneofCase.Long => "BIGINT",
        DataType.KindOneofCase.Decimal => string.Create(CultureInfo.InvariantCulture,
            $"DECIMAL({(type.Decimal.HasPrecision ? type.Decimal.Precision : 10)},{(type.Decimal.HasScale ? type.Decimal.Scale : 0)})"),
        DataType.KindOneofCase.TimestampNtz => "TIMESTAMP_NTZ",
        DataType.KindOneofCase.Array => $"ARRAY<{SparkTypeName(type.Array.ElementType)}>",
        DataType.KindOneofCase.Map => $"MAP<{SparkTypeName(type.Map.KeyType)}, {SparkTypeName(type.Map.ValueType)}>",
        DataType.KindOneofCase.Struct => "STRUCT<" + string.Join(", ", type.Struct.Fields.Select(f => $"{f.Name}: {SparkTypeName(f.DataType)}")) + ">",
        _ => type.KindCase.ToString().ToUpperInvariant(),
    };

    private static string LiteralName(Literal literal) => literal.LiteralTypeCase switch
    {
        Literal.LiteralTypeOneofCase.Null => "NULL",
        Literal.LiteralTypeOneofCase.Boolean => literal.Boolean ? "true" : "false",
        Literal.LiteralTypeOneofCase.Byte => literal.Byte.ToString(CultureInfo.InvariantCulture),
        Literal.LiteralTypeOneofCase.Short => literal.Short.ToString(CultureInfo.InvariantCulture),
        Literal.LiteralTypeOneofCase.Integer => literal.Integer.ToString(CultureInfo.InvariantCulture),
        Literal.LiteralTypeOneofCase.Long => literal.Long.ToString(CultureInfo.InvariantCulture),
        Literal.LiteralTypeOneofCase.Float => literal.Float.ToString(CultureInfo.InvariantCulture),
        Literal.LiteralTypeOneofCase.Double => literal.Double.ToString(CultureInfo.InvariantCulture),
        Literal.LiteralTypeOneofCase.Decimal => literal.Decimal.Value,
        Literal.LiteralTypeOneofCase.String => literal.String,
        _ => literal.LiteralTypeCase.ToString().ToLowerInvariant(),
    };
}

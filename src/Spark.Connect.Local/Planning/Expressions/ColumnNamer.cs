using System.Globalization;
using System.Text.RegularExpressions;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Service.Show;
using Kind = Spark.Connect.Protocol.Expression.ExprTypeOneofCase;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>
/// The output column name Spark would give an expression: an alias's name, an attribute's last name part,
/// and for computed expressions a deterministic name in Spark's style (<c>(a = 1)</c>, <c>sum(x)</c>).
/// The name only ever becomes SQL through <see cref="SqlIdentifiers.Quote"/>.
/// </summary>
internal static partial class ColumnNamer
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

    internal static string Name(Expression expression) => Name(expression, NoLambdaVariables);

    private static readonly HashSet<string> NoLambdaVariables = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The name with <paramref name="lambda"/> holding the lambda variables in scope: Spark names every lambda
    /// variable <c>namedlambdavariable()</c> (its resolved form's SQL), so a body's reference to one reads so.
    /// </summary>
    private static string Name(Expression expression, HashSet<string> lambda) => expression.ExprTypeCase switch
    {
        Kind.Alias when expression.Alias.Name.Count == 1 => expression.Alias.Name[0],
        Kind.Alias => throw LocalEngineException.Unsupported("an alias with several names (multi-column generators)", "Alias each column on its own."),
        Kind.UnresolvedAttribute => AttributeName(MultipartIdentifier.Parse(expression.UnresolvedAttribute.UnparsedIdentifier), lambda),
        Kind.Literal => LiteralName(expression.Literal),
        Kind.UnresolvedFunction => FunctionName(expression.UnresolvedFunction.FunctionName, expression.UnresolvedFunction.Arguments, expression.UnresolvedFunction.IsDistinct, lambda),
        Kind.CallFunction => FunctionName(expression.CallFunction.FunctionName, expression.CallFunction.Arguments, false, lambda),
        // Spark's Cast.sql leaves casts to complex types out (only the analyzer introduces them, its comment says).
        Kind.Cast when IsComplex(expression.Cast) => Name(expression.Cast.Expr, lambda),
        // Spark names a column cast to an ANSI interval type by the column: CAST(ym AS INTERVAL MONTH) is ym.
        Kind.Cast when expression.Cast.Expr.ExprTypeCase == Kind.UnresolvedAttribute && expression.Cast.Type is { } type && SparkTypes.IsAnsiInterval(type) =>
            Name(expression.Cast.Expr, lambda),
        Kind.Cast => $"CAST({Name(expression.Cast.Expr, lambda)} AS {CastTypeName(expression.Cast)})",
        Kind.UnresolvedExtractValue => ExtractName(expression.UnresolvedExtractValue, lambda),
        Kind.Window => WindowNamer.Name(expression.Window),
        Kind.SortOrder => Name(expression.SortOrder.Child, lambda),
        Kind.UnresolvedNamedLambdaVariable => LambdaVariableName(expression.UnresolvedNamedLambdaVariable.NameParts),
        Kind.LambdaFunction => LambdaName(expression.LambdaFunction, lambda),
        Kind.SubqueryExpression => SubqueryName(expression.SubqueryExpression, [], lambda),
        Kind.UpdateFields => $"update_fields({Name(expression.UpdateFields.StructExpression)}, " +
            (expression.UpdateFields.ValueExpression is { } value ? $"WithField({Name(value)}))" : $"dropfield())"),
        Kind.UnresolvedStar => expression.UnresolvedStar.HasUnparsedTarget ? expression.UnresolvedStar.UnparsedTarget : "*",
        _ => expression.ExprTypeCase.ToString(),
    };

    /// <summary>
    /// Spark's names of subquery expressions, with the outer columns they read when resolution knows them:
    /// <c>scalarsubquery(c)</c>, <c>exists(c)</c>, <c>(v IN (listquery(c)))</c> (several values in parentheses).
    /// </summary>
    internal static string SubqueryName(SubqueryExpression subquery, IReadOnlyList<string> outerReferences) =>
        SubqueryName(subquery, outerReferences, NoLambdaVariables);

    private static string SubqueryName(SubqueryExpression subquery, IReadOnlyList<string> outerReferences, HashSet<string> lambda)
    {
        var references = string.Join(", ", outerReferences);
        switch (subquery.SubqueryType)
        {
            case SubqueryExpression.Types.SubqueryType.Exists:
                return $"exists({references})";
            case SubqueryExpression.Types.SubqueryType.In:
                var values = subquery.InSubqueryValues.Select(v => Name(v, lambda)).ToList();
                var shown = values.Count == 1 ? values[0] : $"({string.Join(", ", values)})";
                return $"({shown} IN (listquery({references})))";
            default:
                return $"scalarsubquery({references})";
        }
    }

    private static string AttributeName(IReadOnlyList<string> parts, HashSet<string> lambda) =>
        lambda.Contains(parts[0]) ? LambdaVariableName(parts) : parts[^1];

    /// <summary>A lambda variable (and any struct fields read from it), as Spark's resolved NamedLambdaVariable prints.</summary>
    private static string LambdaVariableName(IEnumerable<string> parts) => string.Join(".", parts.Skip(1).Prepend("namedlambdavariable()"));

    private static string LambdaName(Expression.Types.LambdaFunction function, HashSet<string> outer)
    {
        var inScope = new HashSet<string>(outer, StringComparer.OrdinalIgnoreCase);
        foreach (var variable in function.Arguments)
            inScope.Add(variable.NameParts[0]);
        return "lambdafunction(" + string.Join(", ", function.Arguments.Select(a => LambdaVariableName(a.NameParts)).Prepend(Name(function.Function, inScope))) + ")";
    }

    private static string FunctionName(string name, IReadOnlyList<Expression> arguments, bool distinct, HashSet<string> lambda)
    {
        // equal_null is Spark's EqualNullSafe under another name, and its column is named as that operator: (a <=> b).
        if (arguments.Count == 2 && name.Equals("equal_null", StringComparison.OrdinalIgnoreCase))
            name = "<=>";
        if (arguments.Count == 2 && InfixOperators.Contains(name))
            return $"({Name(arguments[0], lambda)} {(name == "==" ? "=" : name.ToUpperInvariant() is "AND" or "OR" ? name.ToUpperInvariant() : name)} {Name(arguments[1], lambda)})";
        // Spark's parser turns count(*) into count(1), and names the column so.
        if (arguments is [{ ExprTypeCase: Kind.UnresolvedStar, UnresolvedStar.HasUnparsedTarget: false }] && name.Equals("count", StringComparison.OrdinalIgnoreCase))
            return $"{name}({(distinct ? "DISTINCT " : "")}1)";
        if (name == "not" && arguments.Count == 1)
            return $"(NOT {Name(arguments[0], lambda)})";
        // IsNull / IsNotNull print as the predicate, whichever way they were written (isnull(x) or x IS NULL).
        if (arguments.Count == 1 && (name.Equals("isnull", StringComparison.OrdinalIgnoreCase) || name.Equals("isnotnull", StringComparison.OrdinalIgnoreCase)))
            return $"({Name(arguments[0], lambda)} IS {(name.Length == "isnull".Length ? "" : "NOT ")}NULL)";
        // A cast alias (float(x), int(x)) is a Cast without the user-specified tag, which Spark's names leave out.
        if (arguments.Count == 1 && CastAliases.TargetOf(name) is not null)
            return Name(arguments[0], lambda);
        // Spark's UnaryMinus / UnaryPositive write themselves as operators.
        if (name is "negative" or "positive" && arguments.Count == 1)
            return $"({(name == "negative" ? "-" : "+")} {ArgumentName(arguments[0], lambda)})";
        // Spark's time window becomes a column named window, whatever its durations.
        if (name.Equals("window", StringComparison.OrdinalIgnoreCase) && arguments.Count is >= 2 and <= 4)
            return "window";
        // array_agg is collect_list under another name, and Spark names the column after collect_list.
        if (name.Equals("array_agg", StringComparison.OrdinalIgnoreCase))
            name = "collect_list";
        var shown = arguments.Select(a => ArgumentName(a, lambda)).ToList();
        if (DefaultArgumentNames.SpecialName(name, shown) is { } special) return special;
        if (CapitalizedNames.Contains(name))
        {
            // One-argument log is Spark's Logarithm with Euler's number as the base: LOG(E(), x).
            if (name.Equals("log", StringComparison.OrdinalIgnoreCase) && arguments.Count == 1) shown.Insert(0, "E()");
            name = name.ToUpperInvariant();
        }
        // Spark's name shows the defaults its constructors add: overlay(x, r, pos) is overlay(x, r, pos, -1),
        // sort_array(a) is sort_array(a, true), and aggregate without a finish lambda gets the identity one.
        shown.AddRange(DefaultArgumentNames.Appended(name, arguments));
        if (name.Equals("sort_array", StringComparison.OrdinalIgnoreCase) && arguments.Count == 1) shown.Add("true");
        if ((name.Equals("aggregate", StringComparison.OrdinalIgnoreCase) || name.Equals("reduce", StringComparison.OrdinalIgnoreCase)) && arguments.Count == 3)
            shown.Add("lambdafunction(namedlambdavariable(), namedlambdavariable())");
        return $"{name}({(distinct ? "DISTINCT " : "")}{string.Join(", ", shown)})";
    }

    // Inside a call an alias keeps its expression, as Spark's Alias.sql: struct(12 AS id).
    // A typed literal (DATE '…') is parsed as a named cast of its text; inside a call it still prints as the literal.
    private static string ArgumentName(Expression argument, HashSet<string> lambda) =>
        argument is { ExprTypeCase: Kind.Alias, Alias.Name.Count: 1 }
            ? IsTypedLiteral(argument.Alias) || IsCaseExpression(argument.Alias) ? argument.Alias.Name[0] : $"{Name(argument.Alias.Expr, lambda)} AS {argument.Alias.Name[0]}"
            : Name(argument, lambda);

    // The SQL parser's CASE … END: a when(…) call named by its text, which is also how it prints inside a call (sum(CASE WHEN … END)).
    private static bool IsCaseExpression(Expression.Types.Alias alias) =>
        alias.Expr is { ExprTypeCase: Kind.UnresolvedFunction, UnresolvedFunction.FunctionName: "when" }
        && alias.Name[0].StartsWith("CASE ", StringComparison.Ordinal) && alias.Name[0].EndsWith(" END", StringComparison.Ordinal);

    // The SQL parser's typed literals: DATE '…' / TIMESTAMP '…' (a named cast of the text) and INTERVAL '…' literals.
    private static bool IsTypedLiteral(Expression.Types.Alias alias) =>
        alias.Expr is { ExprTypeCase: Kind.Literal } or { ExprTypeCase: Kind.Cast, Cast.Expr.ExprTypeCase: Kind.Literal }
        && (alias.Name[0].StartsWith("INTERVAL '", StringComparison.Ordinal) || TypedLiteralText().IsMatch(alias.Name[0]));

    private static string ExtractName(Expression.Types.UnresolvedExtractValue extract, HashSet<string> lambda)
    {
        var child = Name(extract.Child, lambda);
        return extract.Extraction is { ExprTypeCase: Kind.Literal, Literal.LiteralTypeCase: Literal.LiteralTypeOneofCase.String } key
            ? key.Literal.String
            : $"{child}[{Name(extract.Extraction, lambda)}]";
    }

    private static bool IsComplex(Expression.Types.Cast cast) =>
        cast.CastToTypeCase == Expression.Types.Cast.CastToTypeOneofCase.TypeStr
            ? ComplexTypeText().IsMatch(cast.TypeStr)
            : cast.Type.KindCase is DataType.KindOneofCase.Array or DataType.KindOneofCase.Map or DataType.KindOneofCase.Struct;

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
        DataType.KindOneofCase.YearMonthInterval or DataType.KindOneofCase.DayTimeInterval => AnsiIntervalTypes.Name(type).ToUpperInvariant(),
        DataType.KindOneofCase.CalendarInterval => "INTERVAL",
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
        Literal.LiteralTypeOneofCase.Float => JavaNumberText.Float(literal.Float),
        Literal.LiteralTypeOneofCase.Double => JavaNumberText.Double(literal.Double),
        Literal.LiteralTypeOneofCase.Binary => "X'" + Convert.ToHexString(literal.Binary.Span) + "'",
        Literal.LiteralTypeOneofCase.Decimal => JavaNumberText.Decimal(literal.Decimal.Value),
        Literal.LiteralTypeOneofCase.String => literal.String,
        _ => literal.LiteralTypeCase.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex(@"^\s*(array|map|struct)\s*[<(]", RegexOptions.IgnoreCase)]
    private static partial Regex ComplexTypeText();

    [GeneratedRegex(@"^(DATE|TIMESTAMP|TIMESTAMP_NTZ|TIMESTAMP_LTZ) '[^']*'$")]
    private static partial Regex TypedLiteralText();
}

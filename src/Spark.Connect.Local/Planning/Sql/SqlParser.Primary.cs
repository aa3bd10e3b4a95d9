namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Primary expressions (names, <c>*</c>, literals, parameter markers, parentheses, rows, lambdas, scalar subqueries,
/// CASE, CAST) and the postfix forms that bind tightest: <c>a[i]</c>, <c>a.field</c>, <c>a::type</c>.
/// </summary>
internal sealed partial class SqlParser
{
    // A parenthesised list (a, b) is a struct; its items are kept for (a, b) IN (SELECT …), where they compare one by one.
    private const string RowConstructor = "named_struct";
    private readonly Dictionary<Expression, List<Expression>> _rows = new(ReferenceEqualityComparer.Instance);

    private static readonly HashSet<string> NiladicFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "CURRENT_DATE", "CURRENT_TIMESTAMP", "CURRENT_USER", "USER", "SESSION_USER", "CURRENT_CATALOG", "CURRENT_DATABASE", "CURRENT_SCHEMA",
    };

    private Expression Primary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case SparkTokenKind.Number:
                return NumberLiteral(negative: false);
            case SparkTokenKind.String:
                return Literals.String(StringLiteral());
            case SparkTokenKind.NamedParameter:
                Advance();
                return _parameters.Named(token.Text);
            case SparkTokenKind.PositionalParameter:
                Advance();
                return _parameters.NextPositional();
            case SparkTokenKind.Symbol when token.Text == "(":
                return Parenthesised();
            case SparkTokenKind.Symbol when token.Text == "*":
                Advance();
                return new Expression { UnresolvedStar = new Expression.Types.UnresolvedStar() };
            case SparkTokenKind.QuotedIdentifier:
                return PeekAt(1).IsSymbol("->") ? Lambda([Identifier()]) : NameOrCall();
            case SparkTokenKind.Word:
                return WordExpression(token);
            default:
                throw Error(null);
        }
    }

    private Expression WordExpression(SparkToken token)
    {
        var word = token.Text.ToUpperInvariant();
        var next = PeekAt(1);
        if (next.Kind == SparkTokenKind.String && TypedLiteral(word) is { } typed)
            return typed;
        if (next.IsSymbol("->"))
            return Lambda([Identifier()]);
        switch (word)
        {
            case "TRUE" or "FALSE":
                Advance();
                return Literals.Boolean(word == "TRUE");
            case "NULL":
                Advance();
                return Literals.Null();
            case "CASE":
                return Case();
            case "INTERVAL":
                Advance();
                return IntervalLiteral();
            case "CAST" or "TRY_CAST" when next.IsSymbol("("):
                return CastExpression();
        }
        if (NiladicFunctions.Contains(word) && !next.IsSymbol("(") && !next.IsSymbol("."))
        {
            Advance();
            return Call(word.ToLowerInvariant(), []);
        }
        // Spark's functionName rule admits LEFT and RIGHT, reserved as names elsewhere (joins), as function names; WINDOW,
        // which opens a clause after FROM, is the time-window function where an expression starts.
        if (word is "LEFT" or "RIGHT" or "WINDOW" && next.IsSymbol("("))
        {
            Advance();
            return FunctionCall([word.ToLowerInvariant()]);
        }
        if (SqlKeywords.IsReserved(word))
            throw Error(null);
        // `name 'text'` is a typed literal in Spark's grammar; only DATE, TIMESTAMP[_NTZ|_LTZ], INTERVAL and X are types it knows.
        if (next.Kind == SparkTokenKind.String && token.Kind == SparkTokenKind.Word)
            throw new LocalEngineException("UNSUPPORTED_TYPED_LITERAL", "0A000",
                $"Literals of the type \"{word}\" are not supported. Supported types are \"DATE\", \"TIMESTAMP_NTZ\", \"TIMESTAMP_LTZ\", \"TIMESTAMP\", \"INTERVAL\", \"X\".",
                new Dictionary<string, string> { ["unsupportedType"] = $"\"{word}\"", ["supportedTypes"] = "\"DATE\", \"TIMESTAMP_NTZ\", \"TIMESTAMP_LTZ\", \"TIMESTAMP\", \"INTERVAL\", \"X\"" });
        return NameOrCall();
    }

    /// <summary><c>a</c>, <c>t.a</c>, <c>t.*</c>, or a call <c>f(…)</c> / <c>db.f(…)</c>.</summary>
    private Expression NameOrCall()
    {
        var parts = new List<string> { Identifier() };
        while (IsSymbol("."))
        {
            if (PeekAt(1).IsSymbol("*"))
            {
                Advance();
                Advance();
                return new Expression { UnresolvedStar = new Expression.Types.UnresolvedStar { UnparsedTarget = Unparsed(parts) + ".*" } };
            }
            if (PeekAt(1).Kind is not (SparkTokenKind.Word or SparkTokenKind.QuotedIdentifier))
                break;
            Advance();
            parts.Add(Identifier());
        }
        if (IsSymbol("("))
            return FunctionCall(parts);
        return new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = Unparsed(parts) } };
    }

    /// <summary>After <c>(</c>: a lambda's parameters, a scalar subquery, a parenthesised expression, or a row <c>(a, b)</c>.</summary>
    private Expression Parenthesised()
    {
        if (LambdaParametersAhead() is { } parameters)
        {
            Advance();
            var names = new List<string>();
            for (var i = 0; i < parameters; i++)
            {
                if (i > 0)
                    ExpectSymbol(",");
                names.Add(Identifier());
            }
            ExpectSymbol(")");
            return Lambda(names);
        }
        if (PeekAt(1).IsWord("SELECT") || PeekAt(1).IsWord("WITH") || PeekAt(1).IsWord("VALUES") || (PeekAt(1).IsWord("FROM")))
            return Subquery(SubqueryExpression.Types.SubqueryType.Scalar, ParenthesisedQuery(), []);
        Advance();
        using var _ = Nest();
        var first = NamedExpression();
        if (AcceptSymbol(")"))
            return first;
        var items = new List<Expression> { first };
        while (AcceptSymbol(","))
            items.Add(NamedExpression());
        ExpectSymbol(")");
        var row = Struct(items);
        _rows[row] = items;
        return row;
    }

    /// <summary>The number of parameters when the text at <c>(</c> is <c>(x, y) -&gt;</c>; otherwise null.</summary>
    private int? LambdaParametersAhead()
    {
        var offset = 1;
        var count = 0;
        while (true)
        {
            var token = PeekAt(offset);
            if (token.Kind is not (SparkTokenKind.Word or SparkTokenKind.QuotedIdentifier))
                return null;
            count++;
            var after = PeekAt(offset + 1);
            if (after.IsSymbol(")"))
                return PeekAt(offset + 2).IsSymbol("->") ? count : null;
            if (!after.IsSymbol(","))
                return null;
            offset += 2;
        }
    }

    private Expression Lambda(List<string> names)
    {
        ExpectSymbol("->");
        var lambda = new Expression.Types.LambdaFunction { Function = Expr() };
        foreach (var name in names)
        {
            var variable = new Expression.Types.UnresolvedNamedLambdaVariable();
            variable.NameParts.Add(name);
            lambda.Arguments.Add(variable);
        }
        return new Expression { LambdaFunction = lambda };
    }

    /// <summary>Spark's struct(…) / (a, b): a named_struct whose field names are the items' names, else col1, col2, ….</summary>
    private static Expression Struct(List<Expression> items)
    {
        var arguments = new List<Expression>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var name = item.ExprTypeCase switch
            {
                Expression.ExprTypeOneofCase.Alias => item.Alias.Name[0],
                Expression.ExprTypeOneofCase.UnresolvedAttribute => Expressions.MultipartIdentifier.Parse(item.UnresolvedAttribute.UnparsedIdentifier)[^1],
                _ => "col" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            arguments.Add(Literals.String(name));
            arguments.Add(item.ExprTypeCase == Expression.ExprTypeOneofCase.Alias ? item.Alias.Expr : item);
        }
        return Call(RowConstructor, arguments);
    }

    /// <summary>The postfix forms: subscripts, struct fields of a computed value, and <c>::</c> casts.</summary>
    private Expression Postfix(Expression expression)
    {
        while (true)
        {
            if (AcceptSymbol("["))
            {
                var key = Expr();
                ExpectSymbol("]");
                expression = Tracked(Extract(expression, key), expression, key);
            }
            else if (IsSymbol(".") && PeekAt(1).Kind is SparkTokenKind.Word or SparkTokenKind.QuotedIdentifier)
            {
                Advance();
                var field = Literals.String(Identifier());
                expression = Tracked(Extract(expression, field), expression);
            }
            else if (AcceptSymbol("::"))
                expression = Tracked(CastTo(expression, DataTypeText(), Expression.Types.Cast.Types.EvalMode.Unspecified), expression);
            else
                return expression;
        }
    }

    private static Expression Extract(Expression child, Expression key) =>
        new() { UnresolvedExtractValue = new Expression.Types.UnresolvedExtractValue { Child = child, Extraction = key } };

    /// <summary>One string literal; adjacent ones are one string, as Spark joins them.</summary>
    private string StringLiteral()
    {
        var text = Advance().Text;
        while (Current.Kind == SparkTokenKind.String)
            text += Advance().Text;
        return text;
    }
}

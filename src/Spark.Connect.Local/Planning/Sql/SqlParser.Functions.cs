using Spark.Connect.Local.Planning.Expressions;
using Cast = Spark.Connect.Protocol.Expression.Types.Cast;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Function calls (<c>DISTINCT</c>, <c>count(*)</c>, <c>IGNORE NULLS</c>, <c>OVER</c>), the calls with their own
/// syntax (<c>struct(a AS x)</c>, <c>EXTRACT(f FROM x)</c>, <c>POSITION(a IN b)</c>, <c>SUBSTRING(x FROM a FOR b)</c>,
/// <c>TRIM(BOTH c FROM x)</c>), CASE and CAST / TRY_CAST / <c>::</c>.
/// </summary>
internal sealed partial class SqlParser
{
    private static readonly HashSet<string> CastAliases = new(StringComparer.OrdinalIgnoreCase)
        { "boolean", "tinyint", "smallint", "int", "bigint", "float", "double", "decimal", "date", "timestamp", "binary", "string" };

    private static readonly HashSet<string> IgnoreNullsAppends = new(StringComparer.OrdinalIgnoreCase)
        { "first", "last", "first_value", "last_value", "any_value" };

    private Expression FunctionCall(List<string> parts)
    {
        var name = parts.Count > 1 && parts.Take(parts.Count - 1).All(p => p.Equals("system", StringComparison.OrdinalIgnoreCase) || p.Equals("builtin", StringComparison.OrdinalIgnoreCase))
            ? parts[^1]
            : string.Join(".", parts);
        using var _ = Nest();
        ExpectSymbol("(");
        var lower = name.ToLowerInvariant();
        if (parts.Count == 1 && SpecialForm(lower) is { } special)
            return Postfix(special);
        var distinct = AcceptWord("DISTINCT");
        if (!distinct)
            AcceptWord("ALL");
        var arguments = new List<Expression>();
        var named = new List<(string Name, Expression Value)>();
        var ignoreNulls = false;
        if (IsSymbol("*") && PeekAt(1).IsSymbol(")"))
        {
            Advance();
            arguments.Add(new Expression { UnresolvedStar = new Expression.Types.UnresolvedStar() });
        }
        else if (!IsSymbol(")"))
        {
            do
            {
                if (AtNamedArgument())
                {
                    var argumentName = Advance().Text;
                    Advance();
                    named.Add((argumentName, Expr()));
                    continue;
                }
                if (named.Count > 0)
                    throw PositionalAfterNamed(lower, named[^1].Name);
                arguments.Add(Expr());
                if (AcceptWords("IGNORE", "NULLS"))
                    ignoreNulls = true;
                else
                    AcceptWords("RESPECT", "NULLS");
            }
            while (AcceptSymbol(","));
        }
        ExpectSymbol(")");
        if (named.Count > 0)
            arguments = Rearranged(lower, arguments, named);
        if (AcceptWords("IGNORE", "NULLS"))
            ignoreNulls = true;
        else
            AcceptWords("RESPECT", "NULLS");
        if (IsWord("WITHIN") && PeekAt(1).IsWord("GROUP"))
            return WithinGroup(lower, arguments, distinct);
        if (ignoreNulls)
            AddIgnoreNulls(lower, arguments);
        if (AggregateFilterClause() is { } condition)
        {
            // Spark's analyzer refuses a filtered aggregate used as a window function (legacy error 1030).
            if (IsWord("OVER"))
                throw new LocalEngineException("_LEGACY_ERROR_TEMP_1030", "42000", "window aggregate function with filter predicate is not supported yet.");
            return FilteredAggregate(lower, arguments, distinct, ignoreNulls, condition);
        }
        var call = Call(lower, arguments, distinct);
        return AcceptWord("OVER") ? Window(call) : call;
    }

    private static void AddIgnoreNulls(string name, List<Expression> arguments)
    {
        if (IgnoreNullsAppends.Contains(name))
            arguments.Add(Literals.Boolean(true));
        else if (name is "lag" or "lead")
        {
            if (arguments.Count < 2)
                arguments.Add(Literals.Integer(1));
            if (arguments.Count < 3)
                arguments.Add(Literals.Null());
            arguments.Add(Literals.Boolean(true));
        }
        else if (name == "nth_value")
            arguments.Add(Literals.Boolean(true));
        else
            throw SqlParseErrors.Unsupported($"IGNORE NULLS on {name}", "Use it with first, last, lag, lead or nth_value.");
    }

    /// <summary>The calls with keyword syntax inside the parentheses; null for an ordinary call.</summary>
    private Expression? SpecialForm(string name)
    {
        switch (name)
        {
            case "struct":
                var items = new List<Expression>();
                if (!IsSymbol(")"))
                {
                    do items.Add(NamedExpression());
                    while (AcceptSymbol(","));
                }
                ExpectSymbol(")");
                // The struct function names its fields after the items and keeps Spark's column name, struct(a).
                return items.Any(i => i.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedStar) ? Struct(items) : Call("struct", items);
            case "extract" when PeekAt(1).IsWord("FROM"):
                var field = Literals.String(Advance().Text);
                ExpectWord("FROM");
                var source = Expr();
                ExpectSymbol(")");
                return Call("extract", field, source);
            case "position" when !IsSymbol(")"):
                var needle = Binary(0);
                if (!AcceptWord("IN"))
                    return FinishCall(name, needle);
                var haystack = Expr();
                ExpectSymbol(")");
                return Call("locate", needle, haystack);
            case "substring" or "substr":
                var text = Expr();
                if (!IsWord("FROM"))
                    return FinishCall(name, text);
                Advance();
                var arguments = new List<Expression> { text, Expr() };
                if (AcceptWord("FOR"))
                    arguments.Add(Expr());
                ExpectSymbol(")");
                // Spark's parser builds Substring for both spellings of the FROM form, and names it so.
                return Call("substring", arguments);
            case "trim" when IsWord("BOTH") || IsWord("LEADING") || IsWord("TRAILING") || ContainsFromBeforeClose():
                var function = AcceptWord("LEADING") ? "ltrim" : AcceptWord("TRAILING") ? "rtrim" : "trim";
                AcceptWord("BOTH");
                Expression? characters = IsWord("FROM") ? null : Expr();
                ExpectWord("FROM");
                var trimmed = Expr();
                ExpectSymbol(")");
                // Spark's two-argument trim functions take the characters first: trim(trimStr, str).
                return characters is null ? Call(function, trimmed) : Call(function, characters, trimmed);
            case "timestampadd" or "dateadd" or "date_add" or "timestampdiff" or "datediff" or "date_diff" or "timediff":
                return DatetimeUnitCall(name);
            default:
                return null;
        }
    }

    /// <summary>Whether a FROM comes before this call's closing parenthesis (TRIM('x' FROM s)).</summary>
    private bool ContainsFromBeforeClose()
    {
        var depth = 0;
        for (var i = 0; PeekAt(i).Kind != SparkTokenKind.End; i++)
        {
            var token = PeekAt(i);
            if (token.IsSymbol("("))
                depth++;
            else if (token.IsSymbol(")") && depth-- == 0)
                return false;
            else if (depth == 0 && token.IsWord("FROM"))
                return true;
        }
        return false;
    }

    /// <summary>An ordinary call whose first argument is already parsed.</summary>
    private Expression FinishCall(string name, Expression first)
    {
        var arguments = new List<Expression> { first };
        while (AcceptSymbol(","))
            arguments.Add(Expr());
        ExpectSymbol(")");
        var call = Call(name, arguments);
        return AcceptWord("OVER") ? Window(call) : call;
    }

    /// <summary>CASE [operand] WHEN … THEN … [ELSE …] END as Spark's <c>when</c>, named as Spark names the CASE expression.</summary>
    private Expression Case()
    {
        Advance();
        using var _ = Nest();
        Expression? operand = IsWord("WHEN") ? null : Expr();
        var arguments = new List<Expression>();
        // CASE x WHEN v … is Spark's CASE WHEN x = v …, and named so: CASE WHEN (x = v) THEN … END.
        var name = "CASE";
        while (AcceptWord("WHEN"))
        {
            var written = Expr();
            var condition = operand is null ? written : Call("==", operand.Clone(), written);
            ExpectWord("THEN");
            var value = Expr();
            name += $" WHEN {ColumnNamer.Name(condition)} THEN {ColumnNamer.Name(value)}";
            arguments.Add(condition);
            arguments.Add(value);
        }
        if (arguments.Count == 0)
            throw Error("missing 'WHEN'");
        if (AcceptWord("ELSE"))
        {
            var otherwise = Expr();
            name += " ELSE " + ColumnNamer.Name(otherwise);
            arguments.Add(otherwise);
        }
        ExpectWord("END");
        return Alias(Call("when", arguments), [name + " END"]);
    }

    private Expression CastExpression()
    {
        var mode = Advance().IsWord("TRY_CAST") ? Cast.Types.EvalMode.Try : Cast.Types.EvalMode.Unspecified;
        using var _ = Nest();
        ExpectSymbol("(");
        var value = Expr();
        ExpectWord("AS");
        var type = DataTypeText();
        ExpectSymbol(")");
        return CastTo(value, type, mode);
    }

    private static Expression CastTo(Expression value, string typeText, Cast.Types.EvalMode mode)
    {
        DataType type;
        try
        {
            type = Resolution.DdlSchema.Type(typeText);
        }
        catch (InvalidOperationException)
        {
            throw new LocalEngineException("UNSUPPORTED_DATATYPE", "0A000", $"Unsupported data type \"{typeText.ToUpperInvariant()}\".",
                new Dictionary<string, string> { ["typeName"] = "\"" + typeText.ToUpperInvariant() + "\"" });
        }
        return new Expression { Cast = new Cast { Expr = value, Type = type, EvalMode = mode } };
    }

    /// <summary>
    /// A data type's text (<c>int</c>, <c>decimal(10, 2)</c>, <c>array&lt;struct&lt;a: int&gt;&gt;</c>), read token by token up to
    /// the end of the type, for <see cref="Resolution.DdlSchema"/>.
    /// </summary>
    private string DataTypeText()
    {
        var text = new System.Text.StringBuilder();
        var angle = 0;
        var paren = 0;
        var first = true;
        while (true)
        {
            var token = Current;
            if (token.Kind == SparkTokenKind.End)
                break;
            if (!first && angle == 0 && paren == 0 && !token.IsSymbol("<") && !token.IsSymbol("(") && !(IsTypeSuffixWord(token) && text.ToString().StartsWith("interval", StringComparison.OrdinalIgnoreCase)))
                break;
            if (token.IsSymbol("<"))
                angle++;
            else if (token.IsSymbol(">"))
                angle--;
            else if (token.IsSymbol(">>"))
                angle -= 2;
            else if (token.IsSymbol("("))
                paren++;
            else if (token.IsSymbol(")"))
            {
                if (paren == 0)
                    break;
                paren--;
            }
            if (angle < 0)
                throw Error(null);
            if (text.Length > 0 && token.Kind is SparkTokenKind.Word or SparkTokenKind.QuotedIdentifier or SparkTokenKind.Number
                && char.IsLetterOrDigit(text[^1]) || (text.Length > 0 && text[^1] == '`'))
                text.Append(' ');
            text.Append(token.Kind == SparkTokenKind.QuotedIdentifier ? token.Raw : token.Text);
            Advance();
            first = false;
            if (angle == 0 && paren == 0 && (token.IsSymbol(">") || token.IsSymbol(">>") || token.IsSymbol(")")))
                break;
        }
        if (first)
            throw Error("missing a data type");
        return text.ToString();
    }

    // INTERVAL DAY TO SECOND, INTERVAL YEAR TO MONTH: words that continue a type name.
    private static bool IsTypeSuffixWord(SparkToken token) =>
        token.Kind == SparkTokenKind.Word && token.Text.ToUpperInvariant() is "TO" or "DAY" or "HOUR" or "MINUTE" or "SECOND" or "YEAR" or "MONTH" or "PRECISION";
}

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Boolean expressions, predicates and operators with Spark's precedence (SqlBaseParser's booleanExpression,
/// predicate and valueExpression, loosest first): OR, AND, NOT, predicates (BETWEEN, IN, LIKE, IS …), comparison,
/// <c>|</c>, <c>^</c>, <c>&amp;</c>, shifts, <c>+ - ||</c>, <c>* / % DIV</c>, unary <c>- + ~</c>. Operators become
/// the Spark functions a client sends for them (<c>==</c>, <c>and</c>, <c>not</c>, <c>isnull</c>, …).
/// </summary>
internal sealed partial class SqlParser
{
    // Binary operator levels of valueExpression, loosest first: symbol → Spark function.
    private readonly Dictionary<Expression, int> _depths = new(ReferenceEqualityComparer.Instance);

    private static readonly Dictionary<string, string>[] BinaryLevels =
    [
        new() { ["="] = "==", ["=="] = "==", ["<"] = "<", ["<="] = "<=", [">"] = ">", [">="] = ">=", ["<=>"] = "<=>", ["<>"] = "!=", ["!="] = "!=" },
        new() { ["|"] = "|" },
        new() { ["^"] = "^" },
        new() { ["&"] = "&" },
        new() { ["<<"] = "shiftleft", [">>"] = "shiftright", [">>>"] = "shiftrightunsigned" },
        new() { ["+"] = "+", ["-"] = "-", ["||"] = "concat" },
        new() { ["*"] = "*", ["/"] = "/", ["%"] = "%" },
    ];

    /// <summary>An expression with an optional alias (<c>expr [AS] name</c>, <c>expr AS (a, b)</c>).</summary>
    private Expression NamedExpression()
    {
        var expression = Expr();
        if (AcceptWord("AS"))
        {
            if (IsSymbol("("))
                return Alias(expression, IdentifierList());
            return Alias(expression, [AliasAfterAs()]);
        }
        if (AtIdentifier)
            return Alias(expression, [Identifier()]);
        // VALUES ends a relation (INSERT INTO t VALUES …) but never a select item, so there it is a name, as in Spark.
        if (IsWord("VALUES"))
            return Alias(expression, [AliasAfterAs()]);
        return expression;
    }

    private static Expression Alias(Expression expression, IEnumerable<string> names)
    {
        var alias = new Expression.Types.Alias { Expr = expression };
        alias.Name.AddRange(names);
        return new Expression { Alias = alias };
    }

    /// <summary>A full expression (Spark's booleanExpression).</summary>
    private Expression Expr()
    {
        using var _ = Nest();
        var operands = new List<Expression> { AndExpression() };
        while (AcceptWord("OR"))
            operands.Add(AndExpression());
        return Balanced("or", operands, 0, operands.Count);
    }

    private Expression AndExpression()
    {
        var operands = new List<Expression> { NotExpression() };
        while (AcceptWord("AND"))
            operands.Add(NotExpression());
        return Balanced("and", operands, 0, operands.Count);
    }

    /// <summary>
    /// A chain of AND (or OR) as a balanced tree, as Spark's parser builds it: the operators are associative, and
    /// 5,000 conditions then nest 13 levels instead of 5,000.
    /// </summary>
    private Expression Balanced(string function, List<Expression> operands, int start, int end)
    {
        if (end - start == 1)
            return operands[start];
        var middle = start + (end - start) / 2;
        var left = Balanced(function, operands, start, middle);
        var right = Balanced(function, operands, middle, end);
        return Tracked(Call(function, left, right), left, right);
    }

    /// <summary>
    /// Records how deeply an operator's result nests. Operator chains are loops, not recursion, so the nesting budget
    /// does not see them; a chain deeper than <see cref="MaxDepth"/> × 4 is too complex to plan.
    /// </summary>
    private Expression Tracked(Expression result, params Expression[] children)
    {
        var depth = 1 + children.Max(c => _depths.GetValueOrDefault(c, 1));
        if (depth > MaxDepth * 4)
            throw SqlParseErrors.TooComplex(MaxDepth * 4);
        _depths[result] = depth;
        return result;
    }

    private Expression NotExpression()
    {
        if (AcceptWord("NOT") || AcceptSymbol("!"))
        {
            using var _ = Nest();
            return Call("not", NotExpression());
        }
        // EXISTS (query) is a predicate; exists(array, lambda) is the higher-order function, parsed as a call.
        if (IsWord("EXISTS") && PeekAt(1).IsSymbol("(") && QueryStartsAt(1))
        {
            Advance();
            return Subquery(SubqueryExpression.Types.SubqueryType.Exists, ParenthesisedQuery(), []);
        }
        return Predicated();
    }

    /// <summary>A value expression and at most one predicate after it.</summary>
    private Expression Predicated()
    {
        var value = Binary(0);
        if (AcceptWord("IS"))
            return IsPredicate(value);
        var negated = IsWord("NOT") && PeekAt(1).Kind == SparkTokenKind.Word && PeekAt(1).Text.ToUpperInvariant() is "BETWEEN" or "IN" or "LIKE" or "ILIKE" or "RLIKE" or "REGEXP";
        if (negated)
            Advance();
        if (AtQuantifiedLike())
            return QuantifiedLike(value, negated);
        Expression? predicate = null;
        if (AcceptWord("BETWEEN"))
        {
            var lower = Binary(0);
            ExpectWord("AND");
            var upper = Binary(0);
            predicate = Call("and", Call(">=", value, lower), Call("<=", value.Clone(), upper));
        }
        else if (AcceptWord("IN"))
            predicate = InPredicate(value);
        else if (IsWord("LIKE") || IsWord("ILIKE"))
            predicate = LikePredicate(value);
        else if (AcceptWord("RLIKE") || AcceptWord("REGEXP"))
            predicate = Call("rlike", value, Binary(0));
        if (predicate is null)
            return value;
        return negated ? Call("not", predicate) : predicate;
    }

    private Expression IsPredicate(Expression value)
    {
        var not = AcceptWord("NOT");
        Expression result;
        if (AcceptWord("NULL"))
            return Call(not ? "isnotnull" : "isnull", value);
        if (AcceptWord("TRUE"))
            result = Call("<=>", value, Literals.Boolean(true));
        else if (AcceptWord("FALSE"))
            result = Call("<=>", value, Literals.Boolean(false));
        else if (AcceptWord("UNKNOWN"))
            return Call(not ? "isnotnull" : "isnull", value);
        else if (AcceptWord("DISTINCT"))
        {
            ExpectWord("FROM");
            // IS DISTINCT FROM is the negation of <=>; IS NOT DISTINCT FROM is <=> itself.
            result = Call("<=>", value, Binary(0));
            return not ? result : Call("not", result);
        }
        else
            throw Error(null);
        return not ? Call("not", result) : result;
    }

    private Expression InPredicate(Expression value)
    {
        ExpectSymbol("(");
        if (AtQueryStart())
        {
            var query = Query();
            ExpectSymbol(")");
            // (a, b) IN (SELECT x, y …) compares each value with its column.
            IEnumerable<Expression> values = _rows.TryGetValue(value, out var items)
                ? items.Select(i => i.ExprTypeCase == Spark.Connect.Protocol.Expression.ExprTypeOneofCase.Alias ? i.Alias.Expr : i)
                : [value];
            return Subquery(SubqueryExpression.Types.SubqueryType.In, query, values);
        }
        var arguments = new List<Expression> { value, Expr() };
        while (AcceptSymbol(","))
            arguments.Add(Expr());
        ExpectSymbol(")");
        return Call("in", arguments);
    }

    private Expression LikePredicate(Expression value)
    {
        var function = Advance().Text.ToLowerInvariant();
        var pattern = Binary(0);
        if (!AcceptWord("ESCAPE"))
            return Call(function, value, pattern);
        var escape = Current;
        if (escape.Kind != SparkTokenKind.String)
            throw Error(null);
        Advance();
        return Call(function, value, pattern, Literals.String(escape.Text));
    }

    /// <summary>The operator levels of valueExpression, left-associative, from <paramref name="level"/> up.</summary>
    private Expression Binary(int level)
    {
        if (level == BinaryLevels.Length)
            return Unary();
        var left = Binary(level + 1);
        while (true)
        {
            if (Current.Kind == SparkTokenKind.Symbol && BinaryLevels[level].TryGetValue(Current.Text, out var function))
            {
                Advance();
                var right = Binary(level + 1);
                // != and <> are NOT (a = b) in Spark's plan (and in its column names).
                left = Tracked(function == "!=" ? Call("not", Call("==", left, right)) : Call(function, left, right), left, right);
            }
            else if (level == BinaryLevels.Length - 1 && IsWord("DIV"))
            {
                Advance();
                var right = Binary(level + 1);
                left = Tracked(Call("div", left, right), left, right);
            }
            else
                return left;
        }
    }

    private Expression Unary()
    {
        if (IsSymbol("-") && PeekAt(1).Kind == SparkTokenKind.Number)
        {
            Advance();
            return NumberLiteral(negative: true);
        }
        foreach (var (symbol, function) in new[] { ("-", "negative"), ("+", "positive"), ("~", "~") })
        {
            if (AcceptSymbol(symbol))
            {
                using var _ = Nest();
                return Call(function, Unary());
            }
        }
        return Postfix(Primary());
    }

    private static Expression Call(string name, params Expression[] arguments) => Call(name, (IEnumerable<Expression>)arguments);

    private static Expression Call(string name, IEnumerable<Expression> arguments, bool distinct = false)
    {
        var function = new Expression.Types.UnresolvedFunction { FunctionName = name, IsDistinct = distinct };
        function.Arguments.AddRange(arguments);
        return new Expression { UnresolvedFunction = function };
    }

    private Expression Subquery(SubqueryExpression.Types.SubqueryType type, Relation query, IEnumerable<Expression> values)
    {
        var subquery = new SubqueryExpression { PlanId = _subqueries.Add(query), SubqueryType = type };
        AssignOuterAggregates(subquery.PlanId);
        subquery.InSubqueryValues.AddRange(values);
        return new Expression { SubqueryExpression = subquery };
    }
}

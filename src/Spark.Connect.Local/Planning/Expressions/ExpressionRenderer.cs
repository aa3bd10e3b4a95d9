using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning.Functions;
using Kind = Spark.Connect.Expression.ExprTypeOneofCase;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>
/// Renders Spark expressions as DuckDB SQL over one input <see cref="Source"/>: attributes resolve through
/// the source's scope, literals are bound by <see cref="LiteralBinder"/>, function calls go to
/// <see cref="SparkFunctionCatalog"/> (this class answers its questions about argument types).
/// </summary>
internal sealed class ExpressionRenderer : IFunctionRenderContext
{
    private readonly PlanningContext _context;
    private readonly Source _input;
    private readonly IReadOnlySet<string> _lambdaVariables;
    private readonly Relations.RelationRenderer? _relations;

    internal ExpressionRenderer(PlanningContext context, Source input, Relations.RelationRenderer? relations = null, IReadOnlySet<string>? lambdaVariables = null)
    {
        _context = context;
        _input = input;
        _relations = relations;
        _lambdaVariables = lambdaVariables ?? new HashSet<string>();
    }

    /// <summary>DuckDB SQL for <paramref name="expression"/>.</summary>
    internal string Render(Expression expression)
    {
        using var _ = _context.Nest();
        return RenderKind(expression);
    }

    private string RenderKind(Expression expression) => expression.ExprTypeCase switch
    {
        Kind.Literal => LiteralBinder.Render(expression.Literal, _context),
        Kind.UnresolvedAttribute => Attribute(expression.UnresolvedAttribute),
        Kind.UnresolvedFunction => Function(expression.UnresolvedFunction),
        Kind.CallFunction => Call(expression.CallFunction.FunctionName, expression.CallFunction.Arguments, isDistinct: false),
        Kind.Alias => Render(expression.Alias.Expr),
        Kind.Cast => Cast(expression.Cast),
        Kind.UnresolvedStar => Star(expression.UnresolvedStar),
        Kind.UnresolvedExtractValue => ExtractValue(expression.UnresolvedExtractValue),
        Kind.LambdaFunction => Lambda(expression.LambdaFunction),
        Kind.UnresolvedNamedLambdaVariable => LambdaVariable(expression.UnresolvedNamedLambdaVariable),
        Kind.Window => WindowRenderer.Render(expression.Window, this, _context),
        Kind.SortOrder => SortOrder(expression.SortOrder),
        Kind.SubqueryExpression => Subquery(expression.SubqueryExpression),
        Kind.ExpressionString => throw LocalEngineException.Unsupported("SQL expression strings (selectExpr/expr)",
            "Build the expression from columns and functions instead of SQL text."),
        Kind.UnresolvedRegex => throw LocalEngineException.Unsupported("regex column selection (colRegex)", "Select the columns by name."),
        Kind.CommonInlineUserDefinedFunction or Kind.TypedAggregateExpression => throw LocalEngineException.Unsupported(
            "user-defined functions", "Express the logic with built-in Spark functions."),
        _ => throw LocalEngineException.Unsupported($"the expression kind '{expression.ExprTypeCase}'", "See docs/local-engine.md for the expressions it runs."),
    };

    /// <summary>A select-list item: the expression named the way Spark names the column (stars stay as they are).</summary>
    internal string SelectItem(Expression expression) =>
        expression.ExprTypeCase == Kind.UnresolvedStar
            ? Render(expression)
            : $"{Render(expression)} AS {SqlIdentifiers.Quote(ColumnNamer.Name(expression))}";

    /// <summary><c>expr ASC|DESC NULLS FIRST|LAST</c>, with Spark's defaults (nulls first ascending, last descending).</summary>
    internal string SortOrder(Expression.Types.SortOrder order)
    {
        var key = SortKey(order);
        return $"{key.Sql} {key.Direction}";
    }

    /// <summary>A sort key's SQL and direction kept apart, for a Sort that stays open.</summary>
    internal OrderKey SortKey(Expression.Types.SortOrder order)
    {
        var descending = order.Direction == Expression.Types.SortOrder.Types.SortDirection.Descending;
        var nullsFirst = order.NullOrdering switch
        {
            Expression.Types.SortOrder.Types.NullOrdering.SortNullsFirst => true,
            Expression.Types.SortOrder.Types.NullOrdering.SortNullsLast => false,
            _ => !descending,
        };
        return new OrderKey(Render(order.Child), $"{(descending ? "DESC" : "ASC")} {(nullsFirst ? "NULLS FIRST" : "NULLS LAST")}", order.Child);
    }

    /// <inheritdoc />
    public string? TypeOf(SqlArgument argument)
    {
        if (_lambdaVariables.Count > 0)
            return null;
        try
        {
            var from = _input.From.Length == 0 ? "" : $" FROM {_input.From}{_input.WhereClause}";
            var columns = _context.Describe($"SELECT {argument.Sql}{from}");
            return columns.Count == 1 ? columns[0].Type.ToString() : null;
        }
        catch (DuckDbException)
        {
            // Inside an aggregate or window the argument alone may not bind; the catalog then falls back.
            return null;
        }
    }

    /// <inheritdoc />
    public string Bind(Expression.Types.Literal value) => LiteralBinder.Render(value, _context);

    private string Attribute(Expression.Types.UnresolvedAttribute attribute)
    {
        if (attribute.IsMetadataColumn)
            throw LocalEngineException.Unsupported("metadata columns", "Select ordinary columns.");
        var parts = MultipartIdentifier.Parse(attribute.UnparsedIdentifier);
        if (!attribute.HasPlanId && parts.Count == 1 && _lambdaVariables.Contains(parts[0]))
            return SqlIdentifiers.Quote(parts[0]);
        var name = MultipartIdentifier.Quote(parts);
        if (!attribute.HasPlanId)
            return name;
        var alias = ResolvePlanId(attribute.PlanId, $"the column '{attribute.UnparsedIdentifier}'");
        return alias.Length == 0 ? name : alias + "." + name;
    }

    /// <summary>
    /// The alias for a plan id: from this input, else (inside a subquery) from the enclosing queries'
    /// inputs, innermost first, which makes the reference a correlated one.
    /// </summary>
    private string ResolvePlanId(long planId, string construct)
    {
        if (_input.Scope.Contains(planId) || _relations is null)
            return _input.Scope.Resolve(planId, construct);
        foreach (var outer in _relations.OuterScopes)
        {
            if (!outer.Contains(planId))
                continue;
            var alias = outer.Resolve(planId, construct);
            // A bare name would bind to the subquery's own columns first.
            return alias.Length > 0 ? alias : throw LocalEngineException.Unsupported(
                $"a correlated reference to {construct} of a join", "Correlate with a column of a single table or subquery.");
        }
        return _input.Scope.Resolve(planId, construct);
    }

    private string Function(Expression.Types.UnresolvedFunction function)
    {
        if (function.IsUserDefinedFunction)
            throw LocalEngineException.Unsupported($"the user-defined function '{function.FunctionName}'", "Use built-in Spark functions.");
        return Call(function.FunctionName, function.Arguments, function.IsDistinct);
    }

    private string Cast(Expression.Types.Cast cast)
    {
        var operand = Render(cast.Expr);
        return CastRenderer.Render(cast, operand, () => TypeOf(new SqlArgument(operand, cast.Expr)));
    }

    /// <summary>A window's function with its complete <c>OVER (…)</c> clause.</summary>
    internal string WindowFunction(Expression function, string overClause)
    {
        if (function.ExprTypeCase != Kind.UnresolvedFunction)
            return $"{Render(function)} {overClause}";
        var call = function.UnresolvedFunction;
        if (call.IsUserDefinedFunction || call.IsDistinct)
            throw LocalEngineException.Unsupported($"'{call.FunctionName}' with DISTINCT or as a user-defined function in a window", "Use a built-in function without DISTINCT.");
        var rendered = call.Arguments.Select(a => new SqlArgument(Render(a), a)).ToList();
        return _context.WindowFunctions(call.FunctionName, rendered, overClause, this);
    }

    private string Call(string name, IEnumerable<Expression> arguments, bool isDistinct)
    {
        var rendered = arguments.Select(a => new SqlArgument(Render(a), a)).ToList();
        return _context.Functions(name, rendered, isDistinct, this);
    }

    private string Star(Expression.Types.UnresolvedStar star)
    {
        if (star.HasPlanId)
        {
            var alias = ResolvePlanId(star.PlanId, "*");
            return alias.Length == 0 ? "*" : alias + ".*";
        }
        if (!star.HasUnparsedTarget)
            return "*";
        var target = star.UnparsedTarget;
        if (!target.EndsWith(".*", StringComparison.Ordinal))
            throw new LocalEngineException("INVALID_USAGE_OF_STAR_OR_REGEX", "42000", $"'{target}' is not a star target; write 'name.*'.");
        return MultipartIdentifier.Quote(MultipartIdentifier.Parse(target[..^2])) + ".*";
    }

    private string ExtractValue(Expression.Types.UnresolvedExtractValue extract)
    {
        var child = Render(extract.Child);
        var key = extract.Extraction;
        var childType = TypeOf(new SqlArgument(child, extract.Child));
        if (key.ExprTypeCase == Kind.Literal && key.Literal.LiteralTypeCase == Expression.Types.Literal.LiteralTypeOneofCase.String
            && (childType is null || childType.StartsWith("STRUCT", StringComparison.Ordinal)))
            return $"({child}).{SqlIdentifiers.Quote(key.Literal.String)}";
        if (childType is not null && childType.StartsWith("MAP", StringComparison.Ordinal))
            return $"({child})[{Render(key)}]";
        // Spark indexes arrays from 0, DuckDB from 1.
        return $"({child})[({Render(key)}) + 1]";
    }

    private string Lambda(Expression.Types.LambdaFunction lambda)
    {
        var names = lambda.Arguments.Select(a => a.NameParts.Count == 1 ? a.NameParts[0]
            : throw LocalEngineException.Unsupported("a lambda parameter with a qualified name", "Use single-part lambda parameter names.")).ToList();
        var inner = new HashSet<string>(_lambdaVariables);
        inner.UnionWith(names);
        var body = new ExpressionRenderer(_context, _input, _relations, inner).Render(lambda.Function);
        return $"lambda {string.Join(", ", names.Select(SqlIdentifiers.Quote))}: {body}";
    }

    private static string LambdaVariable(Expression.Types.UnresolvedNamedLambdaVariable variable) =>
        MultipartIdentifier.Quote(variable.NameParts);

    private string Subquery(SubqueryExpression subquery)
    {
        if (_relations is null)
            throw LocalEngineException.Unsupported("a subquery expression outside WithRelations", "Send the subquery's plan as a WithRelations reference.");
        var query = _relations.SubqueryQuery(subquery.PlanId, _input.Scope);
        return subquery.SubqueryType switch
        {
            SubqueryExpression.Types.SubqueryType.Scalar => $"({query})",
            SubqueryExpression.Types.SubqueryType.Exists => $"EXISTS ({query})",
            SubqueryExpression.Types.SubqueryType.In =>
                $"({string.Join(", ", subquery.InSubqueryValues.Select(Render))}) IN ({query})",
            _ => throw LocalEngineException.Unsupported($"the subquery kind '{subquery.SubqueryType}'", "Use a scalar, EXISTS or IN subquery."),
        };
    }
}

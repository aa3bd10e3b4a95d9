using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;
using Kind = Spark.Connect.Protocol.Expression.ExprTypeOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Resolves a client expression against a <see cref="ResolutionScope"/>: column names and DataFrame
/// references become <see cref="ColumnReference"/>s, and every node gets its Spark type bottom-up.
/// </summary>
internal sealed class ExpressionResolver(ResolutionContext context, RelationResolver relations)
{
    private readonly OuterReferenceCollector _outerReferences = new();

    /// <summary>The planning context (session, parameters) this resolver works in.</summary>
    internal PlanningContext Context => context.Planning;

    internal ResolvedExpression Resolve(Expression expression, ResolutionScope scope)
    {
        using var _ = context.Planning.Nest();
        return expression.ExprTypeCase switch
        {
            Kind.Literal => new LiteralExpression(expression.Literal, ResolvedTypes.OfLiteral(expression.Literal), expression),
            Kind.UnresolvedAttribute => Attribute(expression, scope),
            Kind.UnresolvedFunction when expression.UnresolvedFunction.IsUserDefinedFunction => throw LocalEngineException.Unsupported(
                $"the user-defined function '{expression.UnresolvedFunction.FunctionName}'", "Use built-in Spark functions."),
            Kind.UnresolvedFunction when InverseDistributionFunctions.Reachable(expression.UnresolvedFunction.FunctionName, expression.UnresolvedFunction.IsInternal) => Function(expression.UnresolvedFunction.FunctionName, expression.UnresolvedFunction.Arguments,
                expression.UnresolvedFunction.IsDistinct, expression, scope),
            Kind.CallFunction when InverseDistributionFunctions.Reachable(expression.CallFunction.FunctionName, isInternal: false) => Function(expression.CallFunction.FunctionName, expression.CallFunction.Arguments, false, expression, scope),
            Kind.Alias when expression.Alias.Name.Count == 1 => Resolve(expression.Alias.Expr, scope),
            Kind.Cast => Cast(expression, scope),
            Kind.UnresolvedExtractValue => Extract(expression, scope),
            Kind.Window => WindowResolver.Resolve(this, expression, scope),
            Kind.SubqueryExpression => Subquery(expression, scope),
            Kind.UnresolvedStar => throw new LocalEngineException("INVALID_USAGE_OF_STAR_OR_REGEX", "42000",
                "'*' can only be used in a select list or as the argument of count(*) and other functions."),
            Kind.Alias => throw LocalEngineException.Unsupported("an alias with several names (multi-column generators)", "Alias each column on its own."),
            Kind.SortOrder => Resolve(expression.SortOrder.Child, scope),
            Kind.UnresolvedNamedLambdaVariable => LambdaVariable(expression.UnresolvedNamedLambdaVariable.NameParts, expression, scope),
            Kind.LambdaFunction => throw new LocalEngineException("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", "42K0D",
                "Invalid lambda function call. A lambda function should only be used as an argument of a higher order function (transform, filter, exists, forall, aggregate)."),
            Kind.ExpressionString => Resolve(Parsed(expression), scope),
            Kind.UnresolvedRegex => throw LocalEngineException.Unsupported("regex column selection (colRegex)", "Select the columns by name."),
            Kind.CommonInlineUserDefinedFunction or Kind.TypedAggregateExpression => throw LocalEngineException.Unsupported(
                "user-defined functions", "Express the logic with built-in Spark functions."),
            Kind.UpdateFields => StructUpdates.Resolve(this, expression, scope),
            _ => throw LocalEngineException.Unsupported($"the expression kind '{expression.ExprTypeCase}'", "See docs/local-engine.md for the expressions it runs."),
        };
    }

    /// <summary>
    /// An expression string (<c>selectExpr</c>, <c>expr</c>, <c>filter("…")</c>) parsed as Spark SQL into the expression a
    /// client would have built; its subqueries become references of this resolution. Any other expression as it is.
    /// </summary>
    internal Expression Parsed(Expression expression) => expression.ExprTypeCase == Kind.ExpressionString
        ? Sql.SqlParser.ParseExpression(expression.ExpressionString.Expression, context.AddReference)
        : expression;

    /// <summary>A sort key with Spark's defaults: ascending puts nulls first, descending puts them last.</summary>
    internal SortKey SortKey(Expression.Types.SortOrder order, ResolutionScope scope)
    {
        var descending = order.Direction == Expression.Types.SortOrder.Types.SortDirection.Descending;
        var nullsFirst = order.NullOrdering switch
        {
            Expression.Types.SortOrder.Types.NullOrdering.SortNullsFirst => true,
            Expression.Types.SortOrder.Types.NullOrdering.SortNullsLast => false,
            _ => !descending,
        };
        return new SortKey(Resolve(order.Child, scope), descending, nullsFirst);
    }

    /// <summary>A sort key from any expression: a SortOrder as given, anything else ascending.</summary>
    internal SortKey SortKey(Expression expression, ResolutionScope scope) => expression.ExprTypeCase == Kind.SortOrder
        ? SortKey(expression.SortOrder, scope)
        : new SortKey(Resolve(expression, scope), false, true);

    private ResolvedExpression Attribute(Expression expression, ResolutionScope scope)
    {
        var attribute = expression.UnresolvedAttribute;
        if (attribute.IsMetadataColumn)
            throw LocalEngineException.Unsupported("metadata columns", "Select ordinary columns.");
        var parts = MultipartIdentifier.Parse(attribute.UnparsedIdentifier);
        // Inside a lambda, a name whose first part is a lambda variable means that variable (Spark resolves lambda variables first).
        if (!attribute.HasPlanId && scope.FindLambdaVariable(parts[0]) is not null)
            return LambdaVariable(parts, expression, scope);
        var match = attribute.HasPlanId ? ByPlanId(attribute.PlanId, parts, scope, attribute.UnparsedIdentifier) : ByName(parts, scope);
        _outerReferences.Note(scope, match.Column);
        ResolvedExpression result = new ColumnReference(match.Column, expression);
        foreach (var field in match.Fields)
            result = StructField(result, field, expression);
        return result;
    }

    private static ColumnLookup.Match ByName(IReadOnlyList<string> parts, ResolutionScope scope)
    {
        for (var current = scope; current is not null; current = current.Outer)
        {
            if ((ColumnLookup.TryFind(current.Columns, parts) ?? HiddenColumn.TryFind(current.Hidden, parts)
                 ?? ColumnLookup.TryFind(current.GroupingAliases, parts)) is { } match)
                return match;
        }
        throw ColumnLookup.Unresolved(parts, scope.Columns);
    }

    /// <summary>
    /// A DataFrame column (<c>df["x"]</c>): the node with that plan id, then its column by name, which must
    /// still be part of the input (or an enclosing query's input, for a correlated subquery).
    /// </summary>
    private static ColumnLookup.Match ByPlanId(long planId, IReadOnlyList<string> parts, ResolutionScope scope, string text)
    {
        var construct = $"The column '{text}'";
        for (var current = scope; current is not null; current = current.Outer)
        {
            if (current.FindPlan(planId, construct) is not { } node)
                continue;
            var match = ColumnLookup.Find(node.Output, parts);
            if (current.Columns.Any(c => c.Id == match.Column.Id))
                return match with { Column = current.Columns.First(c => c.Id == match.Column.Id) };
            break;
        }
        throw new LocalEngineException("CANNOT_RESOLVE_DATAFRAME_COLUMN", "42704",
            $"Cannot resolve dataframe column \"{text}\". It's probably because of illegal references like `df1.select(df2.col(\"a\"))`.",
            new Dictionary<string, string> { ["name"] = text, ["planId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>A lambda variable of an enclosing lambda; further name parts are struct fields of it.</summary>
    private static ResolvedExpression LambdaVariable(IReadOnlyList<string> parts, Expression expression, ResolutionScope scope)
    {
        var variable = scope.FindLambdaVariable(parts[0])
            ?? throw new LocalEngineException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "42703",
                $"A column, variable, or function parameter with name {ColumnLookup.Quote(parts)} cannot be resolved: no enclosing lambda function binds `{parts[0]}`.",
                new Dictionary<string, string> { ["objectName"] = ColumnLookup.Quote(parts) });
        ResolvedExpression result = new LambdaVariableReference(variable, expression);
        foreach (var field in parts.Skip(1))
            result = StructField(result, field, expression);
        return result;
    }

    private ResolvedExpression Function(string name, IEnumerable<Expression> arguments, bool isDistinct, Expression source, ResolutionScope scope)
    {
        var list = arguments as IReadOnlyList<Expression> ?? arguments.ToList();
        if (CastAliases.TargetOf(name) is { } target && !LambdaResolver.HasLambda(list))
        {
            if (list.Count != 1 || isDistinct)
                throw FunctionErrors.WrongNumArgs(name, "1", list.Count);
            // The renderer reads the cast from its source, so the alias becomes the Cast a client would have sent.
            var cast = new Expression { Cast = new Expression.Types.Cast { Expr = list[0], Type = target } };
            return new CastExpression(Resolve(list[0], scope), target, false, cast);
        }
        if (LambdaResolver.HasLambda(list) || LambdaResolver.TakesLambdas(name))
        {
            if (isDistinct)
                throw new LocalEngineException("INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX", "42000",
                    $"The function '{name}' does not support DISTINCT; only aggregate functions do.",
                    new Dictionary<string, string> { ["prettyName"] = name, ["syntax"] = "DISTINCT" });
            return LambdaResolver.Resolve(this, context.Planning, context, name, list, source, scope);
        }
        var resolved = new List<ResolvedExpression>();
        foreach (var argument in list)
        {
            if (argument.ExprTypeCase != Kind.UnresolvedStar)
                resolved.Add(StructArguments.Named(name, argument, Resolve(argument, scope)));
            else if (name.Equals("count", StringComparison.OrdinalIgnoreCase))
                resolved.Add(new StarArgument(argument));
            else
                resolved.AddRange(StarExpansion.Expand(argument.UnresolvedStar, scope, argument).Select(c => StructArguments.Named(name, argument, c)));
        }
        if ((DatetimeArithmetic.Rewrite(name, source, resolved) ?? IntervalOperandOrder.Rewrite(name, source, resolved)) is { } rewrite)
            (name, resolved, source) = rewrite;
        var (type, nullable) = FunctionTyping.Of(context.Planning, name, resolved, isDistinct, windowed: false);
        return new FunctionExpression(name, resolved, isDistinct, type, nullable, source);
    }

    private ResolvedExpression Cast(Expression expression, ResolutionScope scope)
    {
        var cast = expression.Cast;
        if (cast.EvalMode == Expression.Types.Cast.Types.EvalMode.Legacy)
            throw LocalEngineException.Unsupported("casts in LEGACY (non-ANSI) mode", "Use the default ANSI mode, or try_cast for null-on-failure.");
        var operand = Resolve(cast.Expr, scope);
        var target = ResolvedTypes.OfCastTarget(cast);
        CastChecks.Check(operand.Type, target);
        return new CastExpression(operand, target, cast.EvalMode == Expression.Types.Cast.Types.EvalMode.Try, expression);
    }

    private ResolvedExpression Extract(Expression expression, ResolutionScope scope)
    {
        var extract = expression.UnresolvedExtractValue;
        var child = Resolve(extract.Child, scope);
        var key = extract.Extraction;
        switch (child.Type.KindCase)
        {
            case DataType.KindOneofCase.Struct when key is { ExprTypeCase: Kind.Literal, Literal.LiteralTypeCase: Expression.Types.Literal.LiteralTypeOneofCase.String }:
                return StructField(child, key.Literal.String, expression);
            case DataType.KindOneofCase.Map:
                return new ExtractExpression(child, ExtractionKind.MapValue, null, Resolve(key, scope), child.Type.Map.ValueType, true, expression);
            case DataType.KindOneofCase.Array:
                return new ExtractExpression(child, ExtractionKind.ArrayElement, null, Resolve(key, scope), child.Type.Array.ElementType, true, expression);
            default:
                throw new LocalEngineException("INVALID_EXTRACT_BASE_FIELD_TYPE", "42000",
                    $"Can't extract a value from {ColumnNamer.Name(extract.Child)}: it is {SparkTypes.Name(child.Type)}, not a struct, array or map.");
        }
    }

    private static ResolvedExpression StructField(ResolvedExpression child, string field, Expression source)
    {
        if (child.Type.KindCase != DataType.KindOneofCase.Struct)
            throw new LocalEngineException("INVALID_EXTRACT_BASE_FIELD_TYPE", "42000",
                $"Can't extract the field '{field}': the value is {SparkTypes.Name(child.Type)}, not a struct.");
        var match = child.Type.Struct.Fields.Where(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count != 1)
            throw new LocalEngineException(match.Count == 0 ? "FIELD_NOT_FOUND" : "AMBIGUOUS_REFERENCE_TO_FIELDS", "42704",
                $"The struct {SparkTypes.Name(child.Type)} has {(match.Count == 0 ? "no" : "more than one")} field named `{field}`.",
                new Dictionary<string, string> { ["fieldName"] = "`" + field + "`" });
        return new ExtractExpression(child, ExtractionKind.StructField, match[0].Name, null, match[0].DataType, child.Nullable || match[0].Nullable, source);
    }

    // (a, b) IN (SELECT x) or a IN (SELECT x, y): the two sides must have as many columns.
    private static LocalEngineException InSubqueryLengthMismatch(IReadOnlyList<Expression> values, LogicalPlan plan)
    {
        var left = string.Join(", ", values.Select(v => $"\"{ColumnNamer.Name(v)}\""));
        var right = string.Join(", ", plan.Output.Select(c => $"\"{c.Name}\""));
        return new LocalEngineException("DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH", "42K09",
            $"The number of columns in the left hand side of an IN subquery does not match the number of columns in the output of subquery. Left hand side columns(length: {values.Count}): [{left}], right hand side columns(length: {plan.Output.Count}): [{right}].",
            new Dictionary<string, string>
            {
                ["leftLength"] = values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["leftColumns"] = left,
                ["rightLength"] = plan.Output.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["rightColumns"] = right,
            });
    }

    private ResolvedExpression Subquery(Expression expression, ResolutionScope scope)
    {
        var subquery = expression.SubqueryExpression;
        LogicalPlan plan;
        List<string> outer;
        using (_outerReferences.Collect(scope, out outer))
            plan = relations.Resolve(context.Reference(subquery.PlanId), scope);
        if (subquery.SubqueryType == Spark.Connect.Protocol.SubqueryExpression.Types.SubqueryType.Scalar && outer.Count > 0)
            ScalarSubqueryGrouping.Check(plan, context.Planning);
        if (outer.Count > 0)
            context.SubqueryNames[subquery.PlanId] = ColumnNamer.SubqueryName(subquery, outer);
        return subquery.SubqueryType switch
        {
            Spark.Connect.Protocol.SubqueryExpression.Types.SubqueryType.Scalar when plan.Output.Count == 1 =>
                new ResolvedSubquery(plan, SubqueryKind.Scalar, [], plan.Output[0].Type, true, expression) { OuterReferences = outer },
            Spark.Connect.Protocol.SubqueryExpression.Types.SubqueryType.Scalar => throw new LocalEngineException(
                "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN", "42823",
                $"A scalar subquery must return one column, but it returns {plan.Output.Count}."),
            Spark.Connect.Protocol.SubqueryExpression.Types.SubqueryType.Exists =>
                new ResolvedSubquery(plan, SubqueryKind.Exists, [], SparkTypes.Boolean, false, expression) { OuterReferences = outer },
            Spark.Connect.Protocol.SubqueryExpression.Types.SubqueryType.In when subquery.InSubqueryValues.Count != plan.Output.Count =>
                throw InSubqueryLengthMismatch(subquery.InSubqueryValues, plan),
            Spark.Connect.Protocol.SubqueryExpression.Types.SubqueryType.In =>
                new ResolvedSubquery(plan, SubqueryKind.In, subquery.InSubqueryValues.Select(v => Resolve(v, scope)).ToList(), SparkTypes.Boolean, true, expression) { OuterReferences = outer },
            _ => throw LocalEngineException.Unsupported($"the subquery kind '{subquery.SubqueryType}'", "Use a scalar, EXISTS or IN subquery."),
        };
    }
}

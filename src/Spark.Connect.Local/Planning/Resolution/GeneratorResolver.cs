using System.Globalization;
using Kind = Spark.Connect.Protocol.Expression.ExprTypeOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Spark's generators in a select list, as Spark's analyzer turns them into a Generate: <c>explode</c>/<c>explode_outer</c>
/// (an array → <c>col</c>, a map → <c>key</c>, <c>value</c>), <c>posexplode</c>/<c>posexplode_outer</c> (<c>pos</c> first),
/// <c>inline</c>/<c>inline_outer</c> (an array of structs → its fields), <c>stack(n, …)</c> (<c>col0</c>…) and
/// <c>json_tuple(json, f…)</c> (<c>c0</c>…, one row). Each output column is rewritten as its own <c>explode</c> of a list
/// of the same length (the positions by <c>transform</c>'s index, a map's keys and values, each struct field), which the
/// catalog renders as <c>unnest</c>; DuckDB unnests the lists of one SELECT side by side, so the columns stay aligned
/// row by row. An alias with several names (<c>AS (a, b)</c>) names the columns; a count that differs raises Spark's
/// UDTF_ALIAS_NUMBER_MISMATCH.
/// </summary>
internal static class GeneratorResolver
{
    private const string Element = "__generator_element", Index = "__generator_index";

    /// <summary>The select-list items of <paramref name="expression"/> when it is a generator that names its own columns; else null.</summary>
    internal static List<NamedExpression>? TryExpand(RelationResolver resolver, Expression expression, ResolutionScope scope)
    {
        var aliases = expression.ExprTypeCase == Kind.Alias ? expression.Alias.Name.ToList() : null;
        var call = aliases is null ? expression : expression.Alias.Expr;
        if (call.ExprTypeCase != Kind.UnresolvedFunction) return null;
        var function = call.UnresolvedFunction;
        var name = function.FunctionName.ToLowerInvariant();
        var columns = name switch
        {
            "explode" or "explode_outer" or "posexplode" or "posexplode_outer" => Explode(resolver, function, scope, name),
            "inline" or "inline_outer" => Inline(resolver, function, scope, name),
            "stack" => GeneratorArguments.Stack(resolver, function, scope),
            "json_tuple" => GeneratorArguments.JsonTuple(function),
            _ => null,
        };
        if (columns is null) return null;
        if (aliases is not null && aliases.Count != columns.Count)
            throw AliasCountMismatch(columns.Count, aliases);
        return Name(resolver, columns, aliases, scope);
    }

    private static List<NamedExpression> Name(RelationResolver resolver, List<(string Name, Expression Value)> columns, List<string>? aliases, ResolutionScope scope) =>
        columns.Select((c, i) => ProjectionResolver.Named(resolver, resolver.Expressions.Resolve(c.Value, scope), aliases?[i] ?? c.Name)).ToList();

    /// <summary>explode/posexplode of an array or a map: positions, then the element (or the key and the value).</summary>
    private static List<(string, Expression)> Explode(RelationResolver resolver, Expression.Types.UnresolvedFunction function, ResolutionScope scope, string name)
    {
        if (function.Arguments.Count != 1)
            throw Functions.FunctionErrors.WrongNumArgs(function.FunctionName, "1", function.Arguments.Count);
        var input = function.Arguments[0];
        var outer = name.EndsWith("_outer", StringComparison.Ordinal) ? "explode_outer" : "explode";
        var type = resolver.Expressions.Resolve(input, scope).Type;
        var columns = new List<(string, Expression)>();
        var isMap = type.KindCase == DataType.KindOneofCase.Map;
        var elements = isMap ? UnresolvedExpressions.Call("map_keys", input) : input;
        if (name.StartsWith("pos", StringComparison.Ordinal))
            columns.Add(("pos", UnresolvedExpressions.Call(outer, UnresolvedExpressions.Call("transform", elements, Lambda(Variable(Index), Element, Index)))));
        if (isMap)
        {
            columns.Add(("key", UnresolvedExpressions.Call(outer, elements)));
            columns.Add(("value", UnresolvedExpressions.Call(outer, UnresolvedExpressions.Call("map_values", input))));
        }
        else columns.Add(("col", UnresolvedExpressions.Call(outer, input)));
        return columns;
    }

    /// <summary>inline(array of structs): one column per field, each the field of every element.</summary>
    private static List<(string, Expression)> Inline(RelationResolver resolver, Expression.Types.UnresolvedFunction function, ResolutionScope scope, string name)
    {
        if (function.Arguments.Count != 1)
            throw Functions.FunctionErrors.WrongNumArgs(function.FunctionName, "1", function.Arguments.Count);
        var input = function.Arguments[0];
        var type = resolver.Expressions.Resolve(input, scope).Type;
        if (type is not { KindCase: DataType.KindOneofCase.Array, Array.ElementType.KindCase: DataType.KindOneofCase.Struct })
            throw Functions.FunctionErrors.UnexpectedInputType(function.FunctionName, "first", "an array of structs");
        var outer = name == "inline_outer" ? "explode_outer" : "explode";
        return type.Array.ElementType.Struct.Fields
            .Select(f => (f.Name, UnresolvedExpressions.Call(outer, UnresolvedExpressions.Call("transform", input, Lambda(Variable(Element, f.Name), Element)))))
            .ToList();
    }

    private static readonly HashSet<string> Generators = new(StringComparer.OrdinalIgnoreCase)
    {
        "explode", "explode_outer", "posexplode", "posexplode_outer", "inline", "inline_outer", "stack", "json_tuple",
    };

    /// <summary>
    /// Spark allows one generator per select list (UNSUPPORTED_GENERATOR.MULTI_GENERATOR, 42K0E); DuckDB would unnest
    /// several side by side, which is not Spark's answer.
    /// </summary>
    internal static void CheckOneGenerator(IEnumerable<Expression> selectList)
    {
        var generators = selectList.Select(e => e.ExprTypeCase == Kind.Alias ? e.Alias.Expr : e)
            .Where(e => e.ExprTypeCase == Kind.UnresolvedFunction && Generators.Contains(e.UnresolvedFunction.FunctionName))
            .Select(e => $"\"{Expressions.ColumnNamer.Name(e)}\"")
            .ToList();
        if (generators.Count > 1)
            throw new LocalEngineException("UNSUPPORTED_GENERATOR.MULTI_GENERATOR", "42K0E",
                $"The generator is not supported: only one generator allowed per SELECT clause but found {generators.Count.ToString(CultureInfo.InvariantCulture)}: {string.Join(", ", generators)}.",
                new Dictionary<string, string> { ["num"] = generators.Count.ToString(CultureInfo.InvariantCulture), ["generators"] = string.Join(", ", generators) });
    }

    private static Expression Variable(params string[] parts)
    {
        var variable = new Expression.Types.UnresolvedNamedLambdaVariable();
        variable.NameParts.AddRange(parts);
        return new Expression { UnresolvedNamedLambdaVariable = variable };
    }

    private static Expression Lambda(Expression body, params string[] parameters)
    {
        var lambda = new Expression.Types.LambdaFunction { Function = body };
        lambda.Arguments.AddRange(parameters.Select(p => Variable(p).UnresolvedNamedLambdaVariable));
        return new Expression { LambdaFunction = lambda };
    }

    private static LocalEngineException AliasCountMismatch(int expected, List<string> aliases) =>
        new("UDTF_ALIAS_NUMBER_MISMATCH", "42802",
            $"The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF. " +
            $"Expected {expected.ToString(CultureInfo.InvariantCulture)} aliases, but got {string.Join(",", aliases)}. " +
            "Please ensure that the number of aliases provided matches the number of columns output by the UDTF.",
            new Dictionary<string, string> { ["aliasesSize"] = expected.ToString(CultureInfo.InvariantCulture), ["aliasesNames"] = string.Join(",", aliases) });
}

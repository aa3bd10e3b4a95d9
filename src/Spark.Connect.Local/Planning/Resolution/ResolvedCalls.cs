using Spark.Connect.Local.Planning.Expressions;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Builds resolved expressions for relations that Spark defines as rewrites into ordinary expressions
/// (na.fill is a coalesce, na.drop a count of present values, describe a set of aggregates): function
/// calls go through the catalog and are typed like any user call, values are literals (bound parameters).
/// </summary>
internal static class ResolvedCalls
{
    /// <summary>A catalog function applied to resolved arguments, typed as the catalog types it.</summary>
    internal static FunctionExpression Call(RelationResolver resolver, string name, params ResolvedExpression[] arguments) =>
        Call(resolver, name, false, arguments);

    /// <summary>An aggregate over distinct values (<c>count(DISTINCT x)</c>).</summary>
    internal static FunctionExpression CallDistinct(RelationResolver resolver, string name, params ResolvedExpression[] arguments) =>
        Call(resolver, name, true, arguments);

    private static FunctionExpression Call(RelationResolver resolver, string name, bool isDistinct, ResolvedExpression[] arguments)
    {
        var (type, nullable) = FunctionTyping.Of(resolver.Context.Planning, name, arguments, isDistinct, windowed: false);
        var source = new Expression { UnresolvedFunction = new Expression.Types.UnresolvedFunction { FunctionName = name, IsDistinct = isDistinct } };
        return new FunctionExpression(name, arguments, isDistinct, type, nullable, source);
    }

    /// <summary>A reference to an input column.</summary>
    internal static ColumnReference Column(PlanColumn column) => new(column, new Expression());

    /// <summary>A value, bound as a parameter when rendered.</summary>
    internal static LiteralExpression Value(Literal value) => new(value, ResolvedTypes.OfLiteral(value), new Expression { Literal = value });

    internal static LiteralExpression Integer(int value) => Value(new Literal { Integer = value });

    internal static LiteralExpression String(string value) => Value(new Literal { String = value });

    /// <summary>A typed null.</summary>
    internal static LiteralExpression Null(DataType type) => new(new Literal { Null = type }, type, new Expression { Literal = new Literal { Null = type } });

    /// <summary><paramref name="expression"/> cast (ANSI) to <paramref name="type"/>; unchanged when it already has that type.</summary>
    internal static ResolvedExpression CastTo(ResolvedExpression expression, DataType type) =>
        expression.Type.Equals(type) ? expression
            : new CastExpression(expression, type, false, new Expression { Cast = new Expression.Types.Cast { Type = type } });

    /// <summary>
    /// The input column a relation parameter names (<c>cols</c> of na.fill, na.drop, …), resolved as
    /// <c>df.col(name)</c> is: Spark's unresolved and ambiguous errors; a nested field is refused.
    /// </summary>
    internal static PlanColumn NamedColumn(IReadOnlyList<PlanColumn> columns, string name, string relation)
    {
        var match = ColumnLookup.Find(columns, MultipartIdentifier.Parse(name));
        if (match.Fields.Count > 0)
            throw new LocalEngineException("UNSUPPORTED_FEATURE.REPLACE_NESTED_COLUMN", "0A000",
                $"{relation} does not support nested columns, but it was given {ColumnLookup.Quote(MultipartIdentifier.Parse(name))}.",
                new Dictionary<string, string> { ["colName"] = ColumnLookup.Quote(MultipartIdentifier.Parse(name)) });
        return match.Column;
    }

    /// <summary>The columns a relation's <c>cols</c> parameter lists (each as <see cref="NamedColumn"/>), or every column when it lists none.</summary>
    internal static IReadOnlyList<PlanColumn> ListedColumns(IReadOnlyList<PlanColumn> columns, IReadOnlyCollection<string> names, string relation) =>
        names.Count == 0 ? columns : names.Select(name => NamedColumn(columns, name, relation)).ToList();
}

using System.Linq.Expressions;
using SortOrder = Spark.Connect.Protocol.Expression.Types.SortOrder;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// <c>Select(x => …)</c> → <c>Project</c>. Every output member becomes an aliased column, named by
/// the member (anonymous types) or by the target type's mapping (classes and records, so the
/// materializer finds them the same way); nested objects become struct columns. A later operator
/// then refers to those columns by name.
/// </summary>
internal static class SelectTranslator
{
    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        var selector = QueryTranslator.Lambda(call.Arguments[1]);
        if (selector.Parameters.Count != 1)
            throw context.NotSupported(call, "the overload of Select with a row index has no Spark equivalent.");
        if (selector.Body == selector.Parameters[0]) return source;

        using var scope = context.Bind(selector.Parameters[0], source.Row);
        // The query's final Select may leave to the client what Spark can't run (ClientEvaluation).
        var projection = ReferenceEquals(call, context.ClientSelect)
            ? ClientEvaluation.FinalSelect.Build(context, selector.Body)
            : Projection.Build(context, selector.Body);
        var input = Joins.ScalarSubqueries.Attach(context, source.Relation);
        // A joined subquery (correlated: a hash join) doesn't keep the rows' order: sort again.
        if (!ReferenceEquals(input, source.Relation) && source.Ordering.Count > 0) input = context.Rel.Sort(input, source.Ordering);
        var relation = context.Rel.Project(input, projection.Columns);
        // The rows keep their order. Sort keys refer to the input's columns; where every key is also
        // projected, it is renamed to its output column so Last and Distinct can still use the ordering.
        return new QueryState(relation, projection.Row) { Ordering = Carried(source.Ordering, projection.Columns), Client = projection.Client };
    }

    public static IReadOnlyList<SortOrder> Carried(IReadOnlyList<SortOrder> ordering, IReadOnlyList<Spark.Connect.Protocol.Expression> columns)
    {
        var carried = new List<SortOrder>(ordering.Count);
        foreach (var key in ordering)
        {
            var column = columns.FirstOrDefault(c => c.Alias is { } alias && alias.Name.Count == 1 && alias.Expr.Equals(key.Child));
            if (column is null) return [];
            carried.Add(new SortOrder(key) { Child = Expr.Col(column.Alias.Name[0]) });
        }
        return carried;
    }
}

/// <summary>The columns a projection outputs and the shape of the rows it produces.</summary>
internal sealed record Projection(IReadOnlyList<Spark.Connect.Protocol.Expression> Columns, ValueShape Row)
{
    /// <summary>The column name for a scalar projection that has no member name of its own.</summary>
    public const string ValueColumn = "value";

    /// <summary>For a final Select partly evaluated on the client: that part, reading <see cref="Columns"/> by position.</summary>
    public ClientEvaluation.ClientRows? Client { get; init; }

    public static Projection Build(TranslationContext context, Expression body)
    {
        var members = ProjectionMembers.TryGet(context, body);
        if (members is not null)
        {
            var columns = new List<Spark.Connect.Protocol.Expression>();
            var shapes = new List<KeyValuePair<string, ValueShape>>();
            foreach (var (memberName, columnName, value) in members)
            {
                var (expression, shape) = MemberValue(context, value, Expr.Col(columnName));
                columns.Add(Expr.Alias(expression, columnName));
                shapes.Add(new(memberName, shape));
            }
            return new Projection(columns, ValueShape.Composite(body.Type, Expr.Star(), shapes));
        }

        // x => x.Address (a struct member) or another whole complex value: its fields become the columns.
        if (ShapeResolver.TryResolve(context, body) is { IsComplex: true } complex)
        {
            var mapping = Mapping.EntityMapping.For(complex.ClrType, context.Naming);
            var columns = mapping.Members.Select(m => Expr.Alias(complex.Member(m.Member)!.Reference, m.ColumnName)).ToList();
            return new Projection(columns, ValueShape.Entity(complex.ClrType, context.Naming, Expr.Star(), Expr.Col));
        }

        var name = body is MemberExpression member ? member.Member.Name : ValueColumn;
        var scalar = ScalarTranslator.Translate(context, body);
        return new Projection([Expr.Alias(scalar.Expression, name)], ValueShape.Scalar(Expr.Col(name), body.Type));
    }

    /// <summary>
    /// The expression for one member's value, and the shape a later operator sees for it: a column for
    /// scalars; for nested objects a struct column whose fields are reached with extract-value.
    /// </summary>
    private static (Spark.Connect.Protocol.Expression Expression, ValueShape Shape) MemberValue(TranslationContext context, Expression value, Spark.Connect.Protocol.Expression column)
    {
        if (ProjectionMembers.TryGet(context, value) is { } nested)
        {
            var arguments = new List<Spark.Connect.Protocol.Expression>();
            var shapes = new List<KeyValuePair<string, ValueShape>>();
            foreach (var (memberName, fieldName, inner) in nested)
            {
                var (expression, shape) = MemberValue(context, inner, Expr.Extract(column, fieldName));
                arguments.Add(Expr.Lit(fieldName));
                arguments.Add(expression);
                shapes.Add(new(memberName, shape));
            }
            return (Expr.Fn("named_struct", arguments.ToArray()), ValueShape.Composite(value.Type, column, shapes));
        }
        if (ShapeResolver.TryResolve(context, value) is { IsComplex: true } complex)
        {
            if (complex.Group is not null)
                throw context.NotSupported(value, "a group itself can't be a column: it is a key plus rows.",
                    "Collect its elements instead: g.ToList(), or g.Select(x => x.Member).ToList().");
            return (Grouping.InlineShape.StructOf(context, complex), ValueShape.Entity(complex.ClrType, context.Naming, column, field => Expr.Extract(column, field)));
        }

        var scalar = ScalarTranslator.Translate(context, value);
        return (scalar.Expression, ValueShape.Scalar(column, value.Type));
    }
}

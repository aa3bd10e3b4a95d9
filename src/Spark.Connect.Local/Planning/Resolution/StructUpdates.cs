using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// <c>col.withField(path, value)</c> and <c>col.dropFields(path)</c> (UpdateFields), written as Spark's optimizer
/// writes them: the struct rebuilt with <c>named_struct</c> from its fields, the named field replaced (or appended when
/// absent) or left out, null when the struct is null. A dotted path updates a nested struct the same way, one level at a
/// time; an intermediate field that is missing or not a struct is an error, and so is dropping every field.
/// </summary>
internal static class StructUpdates
{
    internal static ResolvedExpression Resolve(ExpressionResolver resolver, Expression expression, ResolutionScope scope)
    {
        var update = expression.UpdateFields;
        var structure = update.StructExpression ?? throw new LocalEngineException("INVALID_PLAN", "XX000", "An UpdateFields expression is missing its struct.");
        var type = resolver.Resolve(structure, scope).Type;
        var path = MultipartIdentifier.Parse(update.FieldName);
        var rebuilt = Rebuild(structure, type, path, update.ValueExpression, update.FieldName);
        return resolver.Resolve(rebuilt, scope) with { Source = expression };
    }

    private static Expression Rebuild(Expression structure, DataType type, IReadOnlyList<string> path, Expression? value, string fullPath)
    {
        if (type.KindCase != DataType.KindOneofCase.Struct)
            throw new LocalEngineException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09",
                $"withField/dropFields needs a struct, but the value at '{fullPath}' is {SparkTypes.Name(type)}.");
        var name = path[0];
        var fields = type.Struct.Fields;
        var matches = fields.Where(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        var parts = new List<Expression>();
        foreach (var field in fields)
        {
            var isTarget = matches.Contains(field);
            if (isTarget && path.Count == 1 && value is null)
                continue;
            Expression fieldValue = Field(structure, field.Name);
            if (isTarget)
                fieldValue = path.Count == 1 ? value! : Rebuild(fieldValue, field.DataType, path.Skip(1).ToList(), value, fullPath);
            parts.Add(UnresolvedExpressions.Text(field.Name));
            parts.Add(fieldValue);
        }
        if (matches.Count == 0)
        {
            if (path.Count > 1)
                throw new LocalEngineException("FIELD_NOT_FOUND", "42704", $"No such struct field `{name}` in {string.Join(", ", fields.Select(f => "`" + f.Name + "`"))} (path '{fullPath}').",
                    new Dictionary<string, string> { ["fieldName"] = "`" + name + "`", ["fields"] = string.Join(", ", fields.Select(f => "`" + f.Name + "`")) });
            if (value is not null)
            {
                parts.Add(UnresolvedExpressions.Text(name));
                parts.Add(value);
            }
        }
        if (parts.Count == 0)
            throw new LocalEngineException("DATATYPE_MISMATCH.CANNOT_DROP_ALL_FIELDS", "42K09", $"dropFields('{fullPath}') would drop every field of the struct; a struct needs at least one.");
        return UnresolvedExpressions.Call("if", UnresolvedExpressions.Call("isnull", structure), UnresolvedExpressions.Lit(new Literal { Null = new DataType { Null = new() } }), UnresolvedExpressions.Call("named_struct", [.. parts]));
    }

    private static Expression Field(Expression structure, string name) =>
        new() { UnresolvedExtractValue = new Expression.Types.UnresolvedExtractValue { Child = structure, Extraction = UnresolvedExpressions.Text(name) } };

}

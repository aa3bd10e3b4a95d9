using System.Globalization;
using Spark.Connect.Local.Planning.Functions;
using Kind = Spark.Connect.Protocol.Expression.ExprTypeOneofCase;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// The generators whose columns come from their argument list rather than from one collection: <c>stack</c> and
/// <c>json_tuple</c> (see <see cref="GeneratorResolver"/>).
/// </summary>
internal static class GeneratorArguments
{
    /// <summary>
    /// <c>stack(n, v1, …, vk)</c>: ⌈k/n⌉ rows of n columns <c>col0</c>…, filled row by row, the last padded with nulls.
    /// Column j explodes the list of every n-th value from j. n must be a positive integer literal; a column's values
    /// must share a type (nulls aside), as Spark checks (DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES).
    /// </summary>
    internal static List<(string, Expression)> Stack(RelationResolver resolver, Expression.Types.UnresolvedFunction function, ResolutionScope scope)
    {
        var arguments = function.Arguments;
        if (arguments.Count < 2)
            throw FunctionErrors.WrongNumArgs("stack", "> 1", arguments.Count);
        if (arguments[0].ExprTypeCase != Kind.Literal)
            throw FunctionErrors.NotFoldable("stack", "number of rows");
        if (arguments[0].Literal.LiteralTypeCase != Literal.LiteralTypeOneofCase.Integer)
            throw FunctionErrors.UnexpectedInputType("stack", "first", "an INT literal");
        var columns = arguments[0].Literal.Integer;
        if (columns <= 0)
            throw new LocalEngineException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", "42K09",
                $"Cannot resolve `stack` due to data type mismatch: the number of rows must be a positive integer, but it is {columns.ToString(CultureInfo.InvariantCulture)}.");
        var values = arguments.Skip(1).ToList();
        var rows = (values.Count + columns - 1) / columns;
        var result = new List<(string, Expression)>();
        for (var column = 0; column < columns; column++)
        {
            var cells = Enumerable.Range(0, rows).Select(row => row * columns + column)
                .Select(i => i < values.Count ? values[i] : new Expression { Literal = new Literal { Null = new DataType { Null = new() } } })
                .ToList();
            CheckSameType(resolver, cells, scope, column);
            result.Add(("col" + column.ToString(CultureInfo.InvariantCulture), UnresolvedExpressions.Call("explode", UnresolvedExpressions.Call("array", [.. cells]))));
        }
        return result;
    }

    private static void CheckSameType(RelationResolver resolver, List<Expression> cells, ResolutionScope scope, int column)
    {
        var types = cells.Select(c => resolver.Expressions.Resolve(c, scope).Type).Where(t => !SparkTypes.IsNull(t)).ToList();
        if (types.Count > 1 && types.Skip(1).Any(t => !SparkTypeCoercion.SameType(t, types[0])))
            throw new LocalEngineException("DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES", "42K09",
                $"Cannot resolve `stack` due to data type mismatch: the data type of column ({column.ToString(CultureInfo.InvariantCulture)}) do not have the same type: " +
                string.Join(", ", types.Select(t => $"\"{SparkTypes.Name(t)}\"")) + ".",
                new Dictionary<string, string> { ["columnIndex"] = column.ToString(CultureInfo.InvariantCulture) });
    }

    /// <summary>
    /// <c>json_tuple(json, f1, …)</c>: one row whose columns <c>c0</c>… are the top-level fields' values as text, read as
    /// <c>get_json_object(json, '$['f']')</c> (strings unquoted, objects and arrays as JSON, null when missing or invalid).
    /// A null field name gives a null column; a computed name is read through a path built when the query runs.
    /// </summary>
    internal static List<(string, Expression)> JsonTuple(Expression.Types.UnresolvedFunction function)
    {
        var arguments = function.Arguments;
        if (arguments.Count < 2)
            throw FunctionErrors.WrongNumArgs("json_tuple", "> 1", arguments.Count);
        var result = new List<(string, Expression)>();
        for (var i = 1; i < arguments.Count; i++)
        {
            var field = arguments[i];
            // CAST(NULL AS STRING) names no field, as a bare NULL does: its column is null.
            if (field is { ExprTypeCase: Kind.Cast, Cast.Expr: { ExprTypeCase: Kind.Literal, Literal.LiteralTypeCase: Literal.LiteralTypeOneofCase.Null } })
                field = field.Cast.Expr;
            if (field.ExprTypeCase != Kind.Literal)
            {
                // A computed name is looked up when the query runs: get_json_object with the path $['name'] (null name → null).
                var computed = UnresolvedExpressions.Call("concat", new Expression { Literal = new Literal { String = "$['" } }, field,
                    new Expression { Literal = new Literal { String = "']" } });
                result.Add(("c" + (i - 1).ToString(CultureInfo.InvariantCulture), UnresolvedExpressions.Call("get_json_object", arguments[0], computed)));
                continue;
            }
            Expression path = field.Literal.LiteralTypeCase switch
            {
                Literal.LiteralTypeOneofCase.Null => field,
                Literal.LiteralTypeOneofCase.String when !field.Literal.String.Contains('\'') && !field.Literal.String.Contains('*') =>
                    new Expression { Literal = new Literal { String = $"$['{field.Literal.String}']" } },
                Literal.LiteralTypeOneofCase.String => throw LocalEngineException.Unsupported("json_tuple of a field name holding ' or *", "Read that field with get_json_object."),
                _ => throw FunctionErrors.UnexpectedInputType("json_tuple", "field name", "a string literal"),
            };
            result.Add(("c" + (i - 1).ToString(CultureInfo.InvariantCulture), UnresolvedExpressions.Call("get_json_object", arguments[0], path)));
        }
        return result;
    }
}

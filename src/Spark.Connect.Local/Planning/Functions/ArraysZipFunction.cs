using System.Globalization;
using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>arrays_zip(a1, …, an)</c> (Spark's ArraysZip): an array of structs whose i-th struct holds the i-th element of
/// every array, as long as the longest array (a shorter one gives nulls); null when any array is null. Each field is
/// named after its argument when that is a named expression (a column, an alias), else after its 0-based position.
/// </summary>
internal static class ArraysZipFunction
{
    /// <summary>Adds arrays_zip to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) => registry.Scalar(Render, ResultType, "arrays_zip");

    private static string Render(FunctionCall call)
    {
        if (call.Count == 0)
            throw LocalEngineException.Unsupported("arrays_zip() without arguments (an array of empty structs)", "Pass at least one array.");
        var names = FieldNames(call.Arguments.Select(a => a.Source).ToList());
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw LocalEngineException.Unsupported($"arrays_zip with two arrays named '{duplicate.Key}'",
                "Alias the arguments to distinct names (DuckDB structs need distinct field names).");
        // A NULL argument (void) makes the answer null; DuckDB cannot index into an untyped NULL.
        if (call.Arguments.Any(a => a.Type is { KindCase: DataType.KindOneofCase.Null }))
            return $"CAST(NULL AS {DuckDbTypeNames.FromSpark(ZippedType(names, call.Arguments.Select(a => a.Type!).ToList()))})";
        // The arrays are bound once, as the fields of one struct "__zs", so no argument is evaluated twice.
        var arrays = Enumerable.Range(0, call.Count).Select(i => $"\"__zs\".\"a{i.ToString(CultureInfo.InvariantCulture)}\"").ToList();
        var packed = "struct_pack(" + string.Join(", ", call.Arguments.Select((a, i) => $"\"a{i.ToString(CultureInfo.InvariantCulture)}\" := {a.Sql}")) + ")";
        var longest = arrays.Count == 1 ? $"len({arrays[0]})" : $"greatest({string.Join(", ", arrays.Select(a => $"len({a})"))})";
        var element = "struct_pack(" + string.Join(", ", names.Select((n, i) => $"{SqlIdentifiers.Quote(n)} := {arrays[i]}[\"__zi\" + 1]")) + ")";
        return ArrayFunctions.Let(packed, "\"__zs\"",
            $"CASE WHEN {string.Join(" OR ", arrays.Select(a => $"{a} IS NULL"))} THEN NULL " +
            $"ELSE list_transform(range(0, {longest}), lambda \"__zi\": {element}) END");
    }

    /// <summary>ARRAY&lt;STRUCT&gt; of the element types (every field nullable), never holding a null struct.</summary>
    private static FunctionResult ResultType(TypedCall call)
    {
        call.RequireAll(t => t.KindCase is DataType.KindOneofCase.Array or DataType.KindOneofCase.Null, ResultRules.ArrayType);
        var names = FieldNames(call.Arguments.Select(a => a.Source).ToList());
        return new(ZippedType(names, call.Arguments.Select(a => a.Type).ToList()), call.AnyNullable);
    }

    private static DataType ZippedType(IReadOnlyList<string> names, IReadOnlyList<DataType> arrays)
    {
        var fields = new DataType.Types.Struct();
        for (var i = 0; i < arrays.Count; i++)
        {
            var element = arrays[i].KindCase == DataType.KindOneofCase.Array ? arrays[i].Array.ElementType : SparkTypes.Null;
            fields.Fields.Add(new DataType.Types.StructField { Name = names[i], DataType = element.Clone(), Nullable = true });
        }
        return SparkTypes.ArrayOf(new DataType { Struct = fields }, false);
    }

    /// <summary>Spark's field names: a named expression's name, else the argument's 0-based position.</summary>
    private static List<string> FieldNames(IReadOnlyList<Expression> sources) =>
        sources.Select((source, i) => source.ExprTypeCase switch
        {
            Expression.ExprTypeOneofCase.UnresolvedAttribute => MultipartIdentifier.Parse(source.UnresolvedAttribute.UnparsedIdentifier)[^1],
            Expression.ExprTypeOneofCase.Alias when source.Alias.Name.Count == 1 => source.Alias.Name[0],
            _ => i.ToString(CultureInfo.InvariantCulture),
        }).ToList();
}

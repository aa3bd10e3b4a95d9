using System.Globalization;
using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>struct(x, …)</c> (Spark's <c>CreateStruct</c>): a struct whose fields take the arguments' names — a column's name
/// (the last part of a nested one), an alias — and <c>col1</c>, <c>col2</c>, … by position for anything else.
/// </summary>
internal static class StructFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) => registry.Scalar(Render, ResultType, "struct");

    private static string Render(FunctionCall call)
    {
        var names = FieldNames(call.Arguments.Select(a => a.Source).ToList());
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw LocalEngineException.Unsupported($"struct with two fields named '{duplicate.Key}'",
                "Alias the arguments to distinct names (DuckDB structs need distinct field names).");
        if (call.Count == 0) return "struct_pack()";
        return $"struct_pack({string.Join(", ", names.Select((n, i) => $"{SqlIdentifiers.Quote(n)} := {call[i]}"))})";
    }

    /// <summary>A struct of the arguments' types; never null itself, each field nullable as its value.</summary>
    private static FunctionResult ResultType(TypedCall call)
    {
        var names = FieldNames(call.Arguments.Select(a => a.Source).ToList());
        var fields = new DataType.Types.Struct();
        for (var i = 0; i < call.Count; i++)
            fields.Fields.Add(new DataType.Types.StructField { Name = names[i], DataType = call.Type(i).Clone(), Nullable = call.Nullable(i) });
        return TypedCall.NeverNull(new DataType { Struct = fields });
    }

    /// <summary>Spark's field names: a named expression's name, else <c>col{position}</c>.</summary>
    internal static IReadOnlyList<string> FieldNames(IReadOnlyList<Expression> sources) =>
        sources.Select((source, i) => source.ExprTypeCase switch
        {
            Expression.ExprTypeOneofCase.UnresolvedAttribute => MultipartIdentifier.Parse(source.UnresolvedAttribute.UnparsedIdentifier)[^1],
            Expression.ExprTypeOneofCase.Alias when source.Alias.Name.Count == 1 => source.Alias.Name[0],
            _ => "col" + (i + 1).ToString(CultureInfo.InvariantCulture),
        }).ToList();
}

using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Sorting an array's elements the way Spark orders them. Atomic elements sort with DuckDB's list_sort and an explicit
/// null placement. Structs need more: DuckDB places a null field after every value inside a struct, while Spark's
/// ordering puts it first (ascending), so each element is sorted by a key that carries a not-null flag before every
/// field, and the element is taken back out of the sorted keys.
/// </summary>
internal static class ArraySorting
{
    /// <summary>The array argument sorted ascending or descending, with its null elements first or last.</summary>
    public static string Sort(FunctionCall call, string array, bool descending, bool nullsFirst)
    {
        var element = call.SparkTypeOf(0) is { KindCase: DataType.KindOneofCase.Array } type ? type.Array.ElementType : null;
        var direction = $"'{(descending ? "DESC" : "ASC")}', '{(nullsFirst ? "NULLS FIRST" : "NULLS LAST")}'";
        if (element is null || !SparkTypes.IsComplex(element))
        {
            if (element is { KindCase: DataType.KindOneofCase.Map })
                throw FunctionErrors.InvalidOrderingType(call.Name, element);
            return $"list_sort({array}, {direction})";
        }
        if (element.KindCase != DataType.KindOneofCase.Struct || element.Struct.Fields.Any(f => SparkTypes.IsComplex(f.DataType)))
        {
            if (element.KindCase == DataType.KindOneofCase.Map || element.KindCase == DataType.KindOneofCase.Struct
                && element.Struct.Fields.Any(f => f.DataType.KindCase == DataType.KindOneofCase.Map))
                throw FunctionErrors.InvalidOrderingType(call.Name, element);
            throw LocalEngineException.Unsupported($"{call.Name} of arrays whose elements are arrays, or structs holding arrays or structs",
                "Sort arrays of atomic values or of structs of atomic fields.");
        }
        // Elements are never null after keying, so the element's own null placement becomes a leading flag: false sorts first
        // ascending and last descending. Inside a struct Spark's ascending order puts null first and descending reverses
        // that, so the field flags are 'is not null' either way.
        var elementFlag = nullsFirst != descending ? "\"__e\" IS NOT NULL" : "\"__e\" IS NULL";
        var fields = element.Struct.Fields.Select((f, i) =>
        {
            var value = $"\"__e\".{SqlIdentifiers.Quote(f.Name)}";
            var n = i.ToString(CultureInfo.InvariantCulture);
            return $"'p{n}': {value} IS NOT NULL, 'f{n}': {value}";
        });
        var keyed = $"list_transform({array}, lambda \"__e\": {{'n': {elementFlag}, 'k': {{{string.Join(", ", fields)}}}, 'v': \"__e\"}})";
        return $"list_transform(list_sort({keyed}, {direction}), lambda \"__s\": \"__s\".\"v\")";
    }
}

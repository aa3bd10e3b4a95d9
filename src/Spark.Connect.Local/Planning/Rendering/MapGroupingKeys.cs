namespace Spark.Connect.Local.Planning.Rendering;

/// <summary>
/// Spark groups maps by their entries, whatever their order (its analyzer sorts a map-typed grouping key's entries by
/// key, nested maps too). DuckDB compares maps entry by entry in insertion order, so a grouping key whose type holds a
/// map is rendered with every map's entries sorted by key; the group's key column shows the sorted map, as in Spark.
/// Map keys hold no maps (Spark forbids it), so sorting (key, position) pairs orders the entries.
/// </summary>
internal static class MapGroupingKeys
{
    /// <summary><paramref name="sql"/> of Spark type <paramref name="type"/>, with its maps' entries in key order.</summary>
    internal static string Normalize(string sql, DataType type) => HasMap(type) ? Sorted(sql, type, 0) : sql;

    private static bool HasMap(DataType type) => type.KindCase switch
    {
        DataType.KindOneofCase.Map => true,
        DataType.KindOneofCase.Array => HasMap(type.Array.ElementType),
        DataType.KindOneofCase.Struct => type.Struct.Fields.Any(f => HasMap(f.DataType)),
        _ => false,
    };

    // Lambda variables carry the nesting depth so inner lambdas never shadow outer ones.
    private static string Sorted(string sql, DataType type, int depth)
    {
        if (!HasMap(type))
            return sql;
        var d = depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (type.KindCase)
        {
            case DataType.KindOneofCase.Array:
                return $"list_transform({sql}, lambda a{d}: {Sorted($"a{d}", type.Array.ElementType, depth + 1)})";
            case DataType.KindOneofCase.Struct:
                var fields = type.Struct.Fields.Select(f =>
                    $"{SqlIdentifiers.Quote(f.Name)} := {Sorted($"(s{d}).{SqlIdentifiers.Quote(f.Name)}", f.DataType, depth + 1)}");
                return $"list_transform([{sql}], lambda s{d}: CASE WHEN s{d} IS NULL THEN NULL ELSE struct_pack({string.Join(", ", fields)}) END)[1]";
            default:
                var value = Sorted($"e{d}.value", type.Map.ValueType, depth + 1);
                // Sort (key, position) pairs, then take the entries in that order with their values normalised.
                var order = $"list_sort(list_transform(map_entries(m{d}), lambda k{d}, i{d}: struct_pack(k := k{d}.key, i := i{d})))";
                var entries = $"list_transform({order}, lambda p{d}: list_transform([map_entries(m{d})[p{d}.i]], lambda e{d}: struct_pack(key := e{d}.key, value := {value}))[1])";
                return $"list_transform([{sql}], lambda m{d}: CASE WHEN m{d} IS NULL THEN NULL ELSE map_from_entries({entries}) END)[1]";
        }
    }
}

using Spark.Connect.Local.Planning.Functions;
using Kind = Spark.Connect.Protocol.DataType.KindOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// The column type two sides of a UNION / INTERSECT / EXCEPT meet at (Spark's WidenSetOperationTypes with ANSI rules):
/// numbers widen, a string meeting an integer becomes bigint (a fraction double, another atomic type that type, so
/// <c>'a'</c> then fails to cast at run time as in Spark), a date meets a timestamp; arrays, maps and structs widen
/// element by element, and a nested value may hold null when either side's may.
/// </summary>
internal static class SetOperationTypes
{
    /// <summary>The common type, or null when Spark has none (INCOMPATIBLE_COLUMN_TYPE).</summary>
    internal static DataType? Wider(DataType left, DataType right)
    {
        if (left.KindCase == right.KindCase)
        {
            switch (left.KindCase)
            {
                case Kind.Array:
                    return Wider(left.Array.ElementType, right.Array.ElementType) is { } element
                        ? SparkTypes.ArrayOf(element, left.Array.ContainsNull || right.Array.ContainsNull) : null;
                case Kind.Map:
                    return Wider(left.Map.KeyType, right.Map.KeyType) is { } key && Wider(left.Map.ValueType, right.Map.ValueType) is { } value
                        ? new DataType { Map = new DataType.Types.Map { KeyType = key, ValueType = value, ValueContainsNull = left.Map.ValueContainsNull || right.Map.ValueContainsNull } }
                        : null;
                case Kind.Struct:
                    return Struct(left.Struct, right.Struct);
            }
        }
        return SparkTypeCoercion.SameType(left, right) ? left : SparkTypeCoercion.Wider(left, right);
    }

    /// <summary>Structs with the same field names (case-insensitively) in the same order: each field widened, named as the left's.</summary>
    private static DataType? Struct(DataType.Types.Struct left, DataType.Types.Struct right)
    {
        if (left.Fields.Count != right.Fields.Count)
            return null;
        var result = new DataType.Types.Struct();
        for (var i = 0; i < left.Fields.Count; i++)
        {
            var (l, r) = (left.Fields[i], right.Fields[i]);
            if (!string.Equals(l.Name, r.Name, StringComparison.OrdinalIgnoreCase) || Wider(l.DataType, r.DataType) is not { } type)
                return null;
            result.Fields.Add(new DataType.Types.StructField { Name = l.Name, DataType = type, Nullable = l.Nullable || r.Nullable });
        }
        return new DataType { Struct = result };
    }
}

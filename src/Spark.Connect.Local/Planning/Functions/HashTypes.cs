namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Spark's result types of <c>hash</c>/<c>xxhash64</c> and the digest and base64 functions.</summary>
internal static class HashTypes
{
    /// <summary>
    /// <c>hash</c> INT / <c>xxhash64</c> BIGINT, never null (nulls are skipped). Spark refuses maps anywhere in the
    /// arguments (DATATYPE_MISMATCH.HASH_MAP_TYPE): equal maps can hold their entries in different orders.
    /// </summary>
    public static FunctionResult Hash(TypedCall call, DataType result)
    {
        RejectMaps(call.Name, call.Arguments.Select(a => a.Type));
        return TypedCall.NeverNull(result);
    }

    /// <summary>Spark's DATATYPE_MISMATCH.HASH_MAP_TYPE when a map is anywhere in <paramref name="types"/>.</summary>
    public static void RejectMaps(string name, IEnumerable<DataType?> types)
    {
        if (types.Any(t => t is not null && HoldsMap(t)))
            throw new LocalEngineException("DATATYPE_MISMATCH.HASH_MAP_TYPE", "42K09",
                $"Cannot resolve `{name}` due to data type mismatch: Input to the function `{name}` cannot contain elements of the \"MAP\" type. " +
                "In Spark, same maps may have different hashcode, thus hash expressions are prohibited on \"MAP\" elements. " +
                "To restore previous behavior set \"spark.sql.legacy.allowHashOnMapType\" to \"true\".",
                new Dictionary<string, string> { ["functionName"] = $"`{name}`" });
    }

    /// <summary>Functions over bytes (strings are cast to their UTF-8 bytes, as Spark casts them to binary).</summary>
    public static Func<TypedCall, FunctionResult> OverBytes(DataType result) =>
        c => c.Require(0, AcceptsBytes, "\"BINARY\"").Strict(result);

    /// <summary><c>sha2(bytes, bitLength)</c>: STRING, also null for a bit length Spark does not know.</summary>
    public static FunctionResult Sha2(TypedCall call)
    {
        call.Require(0, AcceptsBytes, "\"BINARY\"").Require(1, t => SparkTypes.IsIntegral(t) || SparkTypes.IsNull(t), "\"INT\"");
        return call.AlwaysNullable(SparkTypes.String);
    }

    /// <summary>A binary value, a string (cast to its bytes) or NULL.</summary>
    public static bool AcceptsBytes(DataType type) =>
        type.KindCase == DataType.KindOneofCase.Binary || SparkTypes.IsString(type) || SparkTypes.IsNull(type);

    private static bool HoldsMap(DataType type) => type.KindCase switch
    {
        DataType.KindOneofCase.Map => true,
        DataType.KindOneofCase.Array => HoldsMap(type.Array.ElementType),
        DataType.KindOneofCase.Struct => type.Struct.Fields.Any(f => HoldsMap(f.DataType)),
        _ => false,
    };
}

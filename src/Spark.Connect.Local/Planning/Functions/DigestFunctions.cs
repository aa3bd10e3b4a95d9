using Spark.Connect.Local.Hashing;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>md5</c>, <c>sha1</c>/<c>sha</c>, <c>sha2</c>, <c>crc32</c>, <c>base64</c>, <c>unbase64</c>: rendered with the
/// engine's C# functions (<see cref="SparkBinaryFunctions"/>) over the argument's bytes; a string argument is
/// <c>encode</c>d to UTF-8, as Spark's implicit cast to binary does.
/// </summary>
internal static class DigestFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => $"{SparkBinaryFunctions.Md5}({Bytes(c.Expect(1), 0)})", HashTypes.OverBytes(SparkTypes.String), "md5");
        registry.Scalar(c => $"{SparkBinaryFunctions.Sha1}({Bytes(c.Expect(1), 0)})", HashTypes.OverBytes(SparkTypes.String), "sha1", "sha");
        registry.Scalar(c => $"{SparkBinaryFunctions.Sha2}({Bytes(c.Expect(2), 0)}, CAST({c[1]} AS INTEGER))", HashTypes.Sha2, "sha2");
        registry.Scalar(c => $"{SparkBinaryFunctions.Crc32}({Bytes(c.Expect(1), 0)})", HashTypes.OverBytes(SparkTypes.Long), "crc32");
        registry.Scalar(c => $"{SparkBinaryFunctions.Base64}({Bytes(c.Expect(1), 0)})", HashTypes.OverBytes(SparkTypes.String), "base64");
        registry.Scalar(c => $"{SparkBinaryFunctions.Unbase64}(CAST({c.Expect(1)[0]} AS VARCHAR))",
            ResultRules.Text(() => SparkTypes.Binary), "unbase64");
    }

    /// <summary>The argument as BLOB: strings as their UTF-8 bytes.</summary>
    internal static string Bytes(FunctionCall call, int index) => call.SparkTypeOf(index)?.KindCase switch
    {
        DataType.KindOneofCase.Binary => call[index],
        DataType.KindOneofCase.String => $"encode({call[index]})",
        _ => call.TypeOf(index).Family == TypeFamily.Binary ? call[index] : $"encode(CAST({call[index]} AS VARCHAR))",
    };
}

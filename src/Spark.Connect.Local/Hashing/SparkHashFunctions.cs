using System.Runtime.InteropServices;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Hashing;

/// <summary>
/// Spark's <c>hash</c> (Murmur3, seed 42) and <c>xxhash64</c> (seed 42) as DuckDB scalar functions, one step at a
/// time: <c>spark_murmur3_&lt;kind&gt;(value, seed)</c> → INTEGER and <c>spark_xxhash64_&lt;kind&gt;(value, seed)</c> →
/// BIGINT hash one value with the running hash as the seed, and give the seed back for a NULL value, as Spark skips
/// nulls. The planner chains them over the arguments (and over array elements, struct fields and map entries) and
/// picks the kind from the Spark type (<see cref="Planning.Functions.HashFunctions"/>). Registered on every database
/// the engine opens.
/// </summary>
internal static unsafe class SparkHashFunctions
{
    /// <summary>The value kinds each hash has a function for, with their DuckDB parameter types.</summary>
    public static readonly IReadOnlyDictionary<string, DuckDbTypeId> Kinds = new Dictionary<string, DuckDbTypeId>
    {
        ["int"] = DuckDbTypeId.Integer,
        ["long"] = DuckDbTypeId.BigInt,
        ["float"] = DuckDbTypeId.Float,
        ["double"] = DuckDbTypeId.Double,
        ["wide"] = DuckDbTypeId.HugeInt,
        ["bytes"] = DuckDbTypeId.Blob,
    };

    /// <summary>The Murmur3 function for <paramref name="kind"/>.</summary>
    public static string Murmur3(string kind) => "spark_murmur3_" + kind;

    /// <summary>The xxHash64 function for <paramref name="kind"/>.</summary>
    public static string XxHash64(string kind) => "spark_xxhash64_" + kind;

    /// <summary>Registers both families in the database of <paramref name="connection"/>.</summary>
    public static void Register(DuckDbConnection connection)
    {
        Add(connection, "int", &MurmurInt, &XxInt);
        Add(connection, "long", &MurmurLong, &XxLong);
        Add(connection, "float", &MurmurFloat, &XxFloat);
        Add(connection, "double", &MurmurDouble, &XxDouble);
        Add(connection, "wide", &MurmurWide, &XxWide);
        Add(connection, "bytes", &MurmurBytes, &XxBytes);
    }

    private static void Add(DuckDbConnection connection, string kind,
        delegate* unmanaged<nint, nint, nint, void> murmur, delegate* unmanaged<nint, nint, nint, void> xx)
    {
        DuckDbScalarFunction.Register(connection, Murmur3(kind), [Kinds[kind], DuckDbTypeId.Integer], DuckDbTypeId.Integer, murmur, handlesNulls: true);
        DuckDbScalarFunction.Register(connection, XxHash64(kind), [Kinds[kind], DuckDbTypeId.BigInt], DuckDbTypeId.BigInt, xx, handlesNulls: true);
    }

    [UnmanagedCallersOnly] private static void MurmurInt(nint i, nint input, nint output) => Fixed<int, int>(i, input, output, &SparkMurmur3.HashInt);
    [UnmanagedCallersOnly] private static void MurmurLong(nint i, nint input, nint output) => Fixed<long, int>(i, input, output, &SparkMurmur3.HashLong);
    [UnmanagedCallersOnly] private static void MurmurFloat(nint i, nint input, nint output) => Fixed<float, int>(i, input, output, &MurmurOfFloat);
    [UnmanagedCallersOnly] private static void MurmurDouble(nint i, nint input, nint output) => Fixed<double, int>(i, input, output, &MurmurOfDouble);
    [UnmanagedCallersOnly] private static void MurmurWide(nint i, nint input, nint output) => Fixed<Int128, int>(i, input, output, &MurmurOfWide);
    [UnmanagedCallersOnly] private static void MurmurBytes(nint i, nint input, nint output) => Bytes<int>(i, input, output, &SparkMurmur3.HashBytes);
    [UnmanagedCallersOnly] private static void XxInt(nint i, nint input, nint output) => Fixed<int, long>(i, input, output, &SparkXxHash64.HashInt);
    [UnmanagedCallersOnly] private static void XxLong(nint i, nint input, nint output) => Fixed<long, long>(i, input, output, &SparkXxHash64.HashLong);
    [UnmanagedCallersOnly] private static void XxFloat(nint i, nint input, nint output) => Fixed<float, long>(i, input, output, &XxOfFloat);
    [UnmanagedCallersOnly] private static void XxDouble(nint i, nint input, nint output) => Fixed<double, long>(i, input, output, &XxOfDouble);
    [UnmanagedCallersOnly] private static void XxWide(nint i, nint input, nint output) => Fixed<Int128, long>(i, input, output, &XxOfWide);
    [UnmanagedCallersOnly] private static void XxBytes(nint i, nint input, nint output) => Bytes<long>(i, input, output, &SparkXxHash64.HashBytes);

    private static int MurmurOfFloat(float value, int seed) => SparkMurmur3.HashInt(HashValues.FloatBits(value), seed);
    private static int MurmurOfDouble(double value, int seed) => SparkMurmur3.HashLong(HashValues.DoubleBits(value), seed);
    private static long XxOfFloat(float value, long seed) => SparkXxHash64.HashInt(HashValues.FloatBits(value), seed);
    private static long XxOfDouble(double value, long seed) => SparkXxHash64.HashLong(HashValues.DoubleBits(value), seed);

    private static int MurmurOfWide(Int128 value, int seed)
    {
        Span<byte> bytes = stackalloc byte[17];
        return SparkMurmur3.HashBytes(bytes[..HashValues.WideDecimalBytes(value, bytes)], seed);
    }

    private static long XxOfWide(Int128 value, long seed)
    {
        Span<byte> bytes = stackalloc byte[17];
        return SparkXxHash64.HashBytes(bytes[..HashValues.WideDecimalBytes(value, bytes)], seed);
    }

    // Runs on DuckDB's threads: nothing may escape to native code, so every failure becomes DuckDB's error.
    private static void Fixed<TValue, THash>(nint info, nint input, nint output, delegate*<TValue, THash, THash> hash)
        where TValue : unmanaged where THash : unmanaged
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var values = call.Values<TValue>(0);
            var valid = call.Validity(0);
            var seeds = call.Values<THash>(1);
            var seeded = call.Validity(1);
            var result = call.Output<THash>();
            for (var row = 0; row < call.RowCount; row++)
            {
                if (!seeded.IsValid(row)) call.SetNull(row);
                else result[row] = valid.IsValid(row) ? hash(values[row], seeds[row]) : seeds[row];
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"hash failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static void Bytes<THash>(nint info, nint input, nint output, delegate*<ReadOnlySpan<byte>, THash, THash> hash)
        where THash : unmanaged
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var values = call.Strings(0);
            var valid = call.Validity(0);
            var seeds = call.Values<THash>(1);
            var seeded = call.Validity(1);
            var result = call.Output<THash>();
            for (var row = 0; row < call.RowCount; row++)
            {
                if (!seeded.IsValid(row)) call.SetNull(row);
                else result[row] = valid.IsValid(row) ? hash(values[row], seeds[row]) : seeds[row];
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"hash failed: {e.GetType().Name}: {e.Message}");
        }
    }
}

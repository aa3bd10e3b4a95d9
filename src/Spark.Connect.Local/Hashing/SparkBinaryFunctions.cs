using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Hashing;

/// <summary>
/// Spark's digests and base64 as DuckDB scalar functions over bytes (the planner passes strings as their UTF-8 bytes,
/// as Spark's implicit cast to binary does): <c>spark_md5</c>, <c>spark_sha1</c>, <c>spark_sha2(bytes, bits)</c>
/// (lower-case hex), <c>spark_crc32</c> (BIGINT), <c>spark_base64</c> (Java's MIME encoding) and
/// <c>spark_unbase64</c> (Java's MIME decoding, VARCHAR → BLOB). NULL stays NULL.
/// </summary>
internal static unsafe class SparkBinaryFunctions
{
    /// <summary>DuckDB names of the functions.</summary>
    public const string Md5 = "spark_md5", Sha1 = "spark_sha1", Sha2 = "spark_sha2", Crc32 = "spark_crc32", Base64 = "spark_base64", Unbase64 = "spark_unbase64";

    /// <summary>Registers the functions in the database of <paramref name="connection"/>.</summary>
    public static void Register(DuckDbConnection connection)
    {
        DuckDbScalarFunction.Register(connection, Md5, [DuckDbTypeId.Blob], DuckDbTypeId.Varchar, &CallMd5);
        DuckDbScalarFunction.Register(connection, Sha1, [DuckDbTypeId.Blob], DuckDbTypeId.Varchar, &CallSha1);
        DuckDbScalarFunction.Register(connection, Sha2, [DuckDbTypeId.Blob, DuckDbTypeId.Integer], DuckDbTypeId.Varchar, &CallSha2);
        DuckDbScalarFunction.Register(connection, Crc32, [DuckDbTypeId.Blob], DuckDbTypeId.BigInt, &CallCrc32);
        DuckDbScalarFunction.Register(connection, Base64, [DuckDbTypeId.Blob], DuckDbTypeId.Varchar, &CallBase64);
        DuckDbScalarFunction.Register(connection, Unbase64, [DuckDbTypeId.Varchar], DuckDbTypeId.Blob, &CallUnbase64);
    }

    [UnmanagedCallersOnly] private static void CallMd5(nint info, nint input, nint output) => Text(info, input, output, Md5, static (b, _) => Hex(MD5.HashData(b)));
    [UnmanagedCallersOnly] private static void CallSha1(nint info, nint input, nint output) => Text(info, input, output, Sha1, static (b, _) => Hex(SHA1.HashData(b)));
    [UnmanagedCallersOnly] private static void CallSha2(nint info, nint input, nint output) => Text(info, input, output, Sha2, Sha2Of);
    [UnmanagedCallersOnly] private static void CallBase64(nint info, nint input, nint output) => Text(info, input, output, Base64, static (b, _) => SparkBase64.Encode(b));

    /// <summary>Spark's sha2: 224, 256 (or 0), 384 and 512 bits; any other length gives NULL. .NET has no SHA-224.</summary>
    private static string? Sha2Of(ReadOnlySpan<byte> bytes, int bits) => bits switch
    {
        0 or 256 => Hex(SHA256.HashData(bytes)),
        384 => Hex(SHA384.HashData(bytes)),
        512 => Hex(SHA512.HashData(bytes)),
        224 => throw new NotSupportedException("sha2 with 224 bits is not supported by the local engine; use 256, 384 or 512."),
        _ => null,
    };

    private static string Hex(byte[] digest) => Convert.ToHexStringLower(digest);

    private delegate string? BytesToText(ReadOnlySpan<byte> bytes, int argument);

    // Runs on DuckDB's threads: nothing may escape to native code, so every failure becomes DuckDB's error.
    private static void Text(nint info, nint input, nint output, string name, BytesToText map)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var values = call.Strings(0);
            var valid = call.Validity(0);
            var hasSecond = name == Sha2;
            var second = hasSecond ? call.Values<int>(1) : default;
            var secondValid = hasSecond ? call.Validity(1) : default;
            for (var row = 0; row < call.RowCount; row++)
            {
                var text = valid.IsValid(row) && (!hasSecond || secondValid.IsValid(row)) ? map(values[row], hasSecond ? second[row] : 0) : null;
                if (text is null) call.SetNull(row);
                else call.SetString(row, Encoding.UTF8.GetBytes(text));
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{name} failed: {e.Message}");
        }
    }

    [UnmanagedCallersOnly]
    private static void CallCrc32(nint info, nint input, nint output)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var values = call.Strings(0);
            var valid = call.Validity(0);
            var result = call.Output<long>();
            for (var row = 0; row < call.RowCount; row++)
            {
                if (valid.IsValid(row)) result[row] = Hashing.Crc32.Of(values[row]);
                else call.SetNull(row);
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{Crc32} failed: {e.Message}");
        }
    }

    [UnmanagedCallersOnly]
    private static void CallUnbase64(nint info, nint input, nint output)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var values = call.Strings(0);
            var valid = call.Validity(0);
            for (var row = 0; row < call.RowCount; row++)
            {
                if (!valid.IsValid(row)) { call.SetNull(row); continue; }
                var bytes = SparkBase64.Decode(values[row], out var error);
                if (bytes is null)
                {
                    call.Fail($"{Unbase64} failed: {error}");
                    return;
                }
                call.SetString(row, bytes);
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{Unbase64} failed: {e.Message}");
        }
    }
}

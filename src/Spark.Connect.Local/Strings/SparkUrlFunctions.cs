using System.Runtime.InteropServices;
using System.Text;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// DuckDB scalar functions for Spark's URL and radix functions (<see cref="SparkUrl"/>, <see cref="SparkRadix"/>),
/// registered on every database the engine opens. Text arguments arrive as VARCHAR, the long ones as BIGINT; NULL in
/// gives NULL out. Failures Spark raises (a malformed URL or escape, conv overflow) fail the query with Spark's class in
/// brackets, which the planner's error translation reads back.
/// </summary>
internal static unsafe class SparkUrlFunctions
{
    /// <summary>DuckDB names of the functions.</summary>
    public const string UrlEncode = "spark_url_encode", UrlDecode = "spark_url_decode", TryUrlDecode = "spark_try_url_decode",
        ParseUrl = "spark_parse_url", TryParseUrl = "spark_try_parse_url", ParseUrlKey = "spark_parse_url_key", TryParseUrlKey = "spark_try_parse_url_key",
        Conv = "spark_conv", Bin = "spark_bin", HexLong = "spark_hex_long", HexBytes = "spark_hex_bytes", Unhex = "spark_unhex";

    private delegate byte[]? TextMap(string?[] arguments);

    /// <summary>Registers the functions in the database of <paramref name="connection"/>.</summary>
    public static void Register(DuckDbConnection connection)
    {
        DuckDbTypeId[] one = [DuckDbTypeId.Varchar], two = [DuckDbTypeId.Varchar, DuckDbTypeId.Varchar], three = [DuckDbTypeId.Varchar, DuckDbTypeId.Varchar, DuckDbTypeId.Varchar];
        DuckDbScalarFunction.Register(connection, UrlEncode, one, DuckDbTypeId.Varchar, &CallUrlEncode);
        DuckDbScalarFunction.Register(connection, UrlDecode, one, DuckDbTypeId.Varchar, &CallUrlDecode);
        DuckDbScalarFunction.Register(connection, TryUrlDecode, one, DuckDbTypeId.Varchar, &CallTryUrlDecode);
        DuckDbScalarFunction.Register(connection, ParseUrl, two, DuckDbTypeId.Varchar, &CallParseUrl);
        DuckDbScalarFunction.Register(connection, TryParseUrl, two, DuckDbTypeId.Varchar, &CallTryParseUrl);
        DuckDbScalarFunction.Register(connection, ParseUrlKey, three, DuckDbTypeId.Varchar, &CallParseUrlKey);
        DuckDbScalarFunction.Register(connection, TryParseUrlKey, three, DuckDbTypeId.Varchar, &CallTryParseUrlKey);
        DuckDbScalarFunction.Register(connection, Conv, three, DuckDbTypeId.Varchar, &CallConv);
        DuckDbScalarFunction.Register(connection, Bin, [DuckDbTypeId.BigInt], DuckDbTypeId.Varchar, &CallBin);
        DuckDbScalarFunction.Register(connection, HexLong, [DuckDbTypeId.BigInt], DuckDbTypeId.Varchar, &CallHexLong);
        DuckDbScalarFunction.Register(connection, HexBytes, [DuckDbTypeId.Blob], DuckDbTypeId.Varchar, &CallHexBytes);
        DuckDbScalarFunction.Register(connection, Unhex, one, DuckDbTypeId.Blob, &CallUnhex);
    }

    [UnmanagedCallersOnly] private static void CallUrlEncode(nint info, nint input, nint output) => Run(info, input, output, UrlEncode, 1, a => Utf8(SparkUrl.Encode(a[0]!)));
    [UnmanagedCallersOnly] private static void CallUrlDecode(nint info, nint input, nint output) => Run(info, input, output, UrlDecode, 1, a => Utf8(Decode(a[0]!, orNull: false)));
    [UnmanagedCallersOnly] private static void CallTryUrlDecode(nint info, nint input, nint output) => Run(info, input, output, TryUrlDecode, 1, a => Utf8(Decode(a[0]!, orNull: true)));
    [UnmanagedCallersOnly] private static void CallParseUrl(nint info, nint input, nint output) => Run(info, input, output, ParseUrl, 2, a => Utf8(Parse(a, orNull: false)));
    [UnmanagedCallersOnly] private static void CallTryParseUrl(nint info, nint input, nint output) => Run(info, input, output, TryParseUrl, 2, a => Utf8(Parse(a, orNull: true)));
    [UnmanagedCallersOnly] private static void CallParseUrlKey(nint info, nint input, nint output) => Run(info, input, output, ParseUrlKey, 3, a => Utf8(Parse(a, orNull: false)));
    [UnmanagedCallersOnly] private static void CallTryParseUrlKey(nint info, nint input, nint output) => Run(info, input, output, TryParseUrlKey, 3, a => Utf8(Parse(a, orNull: true)));
    [UnmanagedCallersOnly] private static void CallConv(nint info, nint input, nint output) => Run(info, input, output, Conv, 3, ConvOf);
    [UnmanagedCallersOnly] private static void CallBin(nint info, nint input, nint output) => Longs(info, input, output, Bin, SparkRadix.Bin);
    [UnmanagedCallersOnly] private static void CallHexLong(nint info, nint input, nint output) => Longs(info, input, output, HexLong, SparkRadix.Hex);

    [UnmanagedCallersOnly]
    private static void CallHexBytes(nint info, nint input, nint output) => Bytes(info, input, output, HexBytes, b => Utf8(SparkRadix.Hex(b)));

    [UnmanagedCallersOnly]
    private static void CallUnhex(nint info, nint input, nint output) => Bytes(info, input, output, Unhex, SparkRadix.Unhex);

    private static byte[]? Utf8(string? text) => text is null ? null : Encoding.UTF8.GetBytes(text);

    private static string? Decode(string text, bool orNull)
    {
        try
        {
            return SparkUrl.Decode(text);
        }
        catch (SparkUrl.MalformedException) when (orNull)
        {
            return null;
        }
        catch (SparkUrl.MalformedException e)
        {
            throw new InvalidOperationException($"[CANNOT_DECODE_URL] The provided URL cannot be decoded: {text}. Please ensure that the URL is properly formatted and try again. ({e.Message})");
        }
    }

    private static string? Parse(string?[] arguments, bool orNull)
    {
        try
        {
            return SparkUrl.Parse(arguments[0]!, arguments[1]!, arguments.Length > 2 ? arguments[2] : null);
        }
        catch (SparkUrl.MalformedException) when (orNull)
        {
            return null;
        }
        catch (SparkUrl.MalformedException e)
        {
            throw new InvalidOperationException($"[INVALID_URL] The url is invalid: {arguments[0]}. Use `try_parse_url` to tolerate invalid URL and return NULL instead. ({e.Message})");
        }
    }

    private static byte[]? ConvOf(string?[] arguments)
    {
        var (from, to) = (int.Parse(arguments[1]!, System.Globalization.CultureInfo.InvariantCulture), int.Parse(arguments[2]!, System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            return Utf8(SparkRadix.Conv(Encoding.UTF8.GetBytes(arguments[0]!), from, to));
        }
        catch (SparkRadix.ConvOverflowException)
        {
            throw new InvalidOperationException("[ARITHMETIC_OVERFLOW] Overflow in function conv().");
        }
    }

    // Runs on DuckDB's threads: nothing may escape to native code, so every failure becomes DuckDB's error (a Spark
    // class in brackets when the failure is one Spark raises).
    private static void Run(nint info, nint input, nint output, string name, int count, TextMap map)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var values = new string?[count];
            for (var row = 0; row < call.RowCount; row++)
            {
                var anyNull = false;
                for (var c = 0; c < count && !anyNull; c++)
                {
                    anyNull = !call.Validity(c).IsValid(row);
                    values[c] = anyNull ? null : Encoding.UTF8.GetString(call.Strings(c)[row]);
                }
                var result = anyNull ? null : map(values);
                if (result is null) call.SetNull(row);
                else call.SetString(row, result);
            }
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith('['))
        {
            DuckDbScalarCall.Fail(info, e.Message);
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{name} failed: {e.Message}");
        }
    }

    private delegate byte[]? BytesMap(ReadOnlySpan<byte> bytes);

    private static void Bytes(nint info, nint input, nint output, string name, BytesMap map)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var values = call.Strings(0);
            var valid = call.Validity(0);
            for (var row = 0; row < call.RowCount; row++)
            {
                var result = valid.IsValid(row) ? map(values[row]) : null;
                if (result is null) call.SetNull(row);
                else call.SetString(row, result);
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{name} failed: {e.Message}");
        }
    }

    private static void Longs(nint info, nint input, nint output, string name, Func<long, string> map)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var values = call.Values<long>(0);
            var valid = call.Validity(0);
            for (var row = 0; row < call.RowCount; row++)
            {
                if (valid.IsValid(row)) call.SetString(row, Encoding.UTF8.GetBytes(map(values[row])));
                else call.SetNull(row);
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{name} failed: {e.Message}");
        }
    }
}

using System.Buffers;
using System.Runtime.InteropServices;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.CaseMapping;

/// <summary>
/// <see cref="SparkCaseMapping"/> as DuckDB scalar functions, VARCHAR → VARCHAR, registered on every database
/// the engine opens (<see cref="DuckDbDatabase.Open"/>): the planner renders Spark's <c>upper</c>/<c>ucase</c>,
/// <c>lower</c>/<c>lcase</c>, <c>initcap</c> and <c>ilike</c> with them, because DuckDB's own <c>upper</c> and
/// <c>lower</c> map one code point at a time (<c>ß</c> → <c>ẞ</c>, no final sigma). A chunk is mapped row by row
/// into one rented buffer (no allocation per row); NULL stays NULL.
/// </summary>
internal static unsafe class SparkCaseFunctions
{
    /// <summary>Spark's <c>upper</c>.</summary>
    public const string Upper = "spark_upper";

    /// <summary>Spark's <c>lower</c>.</summary>
    public const string Lower = "spark_lower";

    /// <summary>Spark's <c>initcap</c>.</summary>
    public const string InitCap = "spark_initcap";

    /// <summary>Registers the three functions in the database of <paramref name="connection"/> (once per database).</summary>
    public static void Register(DuckDbConnection connection)
    {
        DuckDbScalarFunction.Register(connection, Upper, [DuckDbTypeId.Varchar], DuckDbTypeId.Varchar, &CallUpper);
        DuckDbScalarFunction.Register(connection, Lower, [DuckDbTypeId.Varchar], DuckDbTypeId.Varchar, &CallLower);
        DuckDbScalarFunction.Register(connection, InitCap, [DuckDbTypeId.Varchar], DuckDbTypeId.Varchar, &CallInitCap);
    }

    [UnmanagedCallersOnly]
    private static void CallUpper(nint info, nint input, nint output) => Map(info, input, output, &SparkCaseMapping.Upper, Upper);

    [UnmanagedCallersOnly]
    private static void CallLower(nint info, nint input, nint output) => Map(info, input, output, &SparkCaseMapping.Lower, Lower);

    [UnmanagedCallersOnly]
    private static void CallInitCap(nint info, nint input, nint output) => Map(info, input, output, &SparkCaseMapping.InitCap, InitCap);

    // Runs on DuckDB's threads: nothing may escape to native code, so every failure becomes DuckDB's error.
    private static void Map(nint info, nint input, nint output, delegate*<ReadOnlySpan<byte>, Span<byte>, int> mapping, string name)
    {
        byte[]? buffer = null;
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var validity = call.Validity(0);
            var strings = call.Strings(0);
            for (var row = 0; row < call.RowCount; row++)
            {
                if (!validity.IsValid(row))
                {
                    call.SetNull(row);
                    continue;
                }
                var text = strings[row];
                var needed = (long)text.Length * SparkCaseMapping.MaxBytesPerInputByte;
                if (needed > Array.MaxLength)
                {
                    call.Fail($"{name}: a text of {text.Length} bytes is too long to change case (at most {Array.MaxLength / SparkCaseMapping.MaxBytesPerInputByte}).");
                    return;
                }
                if (buffer is null || buffer.Length < needed)
                {
                    if (buffer is not null)
                        ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(needed, 256));
                }
                var length = mapping(text, buffer);
                call.SetString(row, buffer.AsSpan(0, length));
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{name} failed: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            if (buffer is not null)
                ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

using System.Runtime.InteropServices;

namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// Owns one DuckDB C API object. A child (connection, statement, result, appender) holds a reference on
/// its parent handle so the parent is never destroyed first, whatever order callers dispose in.
/// </summary>
internal abstract class DuckDbHandle : SafeHandle
{
    private SafeHandle? _parent;

    protected DuckDbHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Takes ownership of a freshly created native pointer and pins the parent for its lifetime.</summary>
    internal void Adopt(nint native, SafeHandle? parent)
    {
        if (parent is not null)
        {
            var added = false;
            parent.DangerousAddRef(ref added);
            _parent = parent;
        }
        SetHandle(native);
    }

    protected sealed override bool ReleaseHandle()
    {
        var native = handle;
        Destroy(ref native);
        handle = IntPtr.Zero;
        _parent?.DangerousRelease();
        _parent = null;
        return true;
    }

    /// <summary>Calls the matching <c>duckdb_destroy_*</c>/<c>duckdb_close</c>, which take a pointer to the handle.</summary>
    protected abstract void Destroy(ref nint native);
}

internal sealed class DatabaseHandle : DuckDbHandle
{
    protected override void Destroy(ref nint native) => NativeMethods.duckdb_close(ref native);
}

internal sealed class ConnectionHandle : DuckDbHandle
{
    protected override void Destroy(ref nint native) => NativeMethods.duckdb_disconnect(ref native);
}

internal sealed class PreparedStatementHandle : DuckDbHandle
{
    protected override void Destroy(ref nint native) => NativeMethods.duckdb_destroy_prepare(ref native);
}

internal sealed class ExtractedStatementsHandle : DuckDbHandle
{
    protected override void Destroy(ref nint native) => NativeMethods.duckdb_destroy_extracted(ref native);
}

internal sealed class PendingResultHandle : DuckDbHandle
{
    protected override void Destroy(ref nint native) => NativeMethods.duckdb_destroy_pending(ref native);
}

internal sealed class AppenderHandle : DuckDbHandle
{
    protected override void Destroy(ref nint native) => NativeMethods.duckdb_appender_destroy(ref native);
}

internal sealed class DataChunkHandle : DuckDbHandle
{
    protected override void Destroy(ref nint native) => NativeMethods.duckdb_destroy_data_chunk(ref native);
}

internal sealed class LogicalTypeHandle : DuckDbHandle
{
    protected override void Destroy(ref nint native) => NativeMethods.duckdb_destroy_logical_type(ref native);
}

/// <summary>
/// Owns a <c>duckdb_result</c> struct allocated in native memory (the C API fills it in place and keeps
/// internal state behind it); release destroys the result and frees the struct.
/// </summary>
internal sealed unsafe class ResultHandle : DuckDbHandle
{
    public static ResultHandle Allocate(SafeHandle parent)
    {
        var result = new ResultHandle();
        result.Adopt((nint)NativeMemory.AllocZeroed((nuint)sizeof(NativeResult)), parent);
        return result;
    }

    public NativeResult* Pointer => (NativeResult*)handle;

    protected override void Destroy(ref nint native)
    {
        NativeMethods.duckdb_destroy_result((NativeResult*)native);
        NativeMemory.Free((void*)native);
    }
}

using System.Runtime.InteropServices;

namespace Spark.Connect.Local.DuckDb;

/// <summary>DuckDB's logical type ids (<c>duckdb_type</c> in duckdb.h; the numbers are the C API's).</summary>
internal enum DuckDbTypeId
{
    /// <summary>Not a valid type.</summary>
    Invalid = 0,
    /// <summary>BOOLEAN, stored as one byte.</summary>
    Boolean = 1,
    /// <summary>TINYINT (int8).</summary>
    TinyInt = 2,
    /// <summary>SMALLINT (int16).</summary>
    SmallInt = 3,
    /// <summary>INTEGER (int32).</summary>
    Integer = 4,
    /// <summary>BIGINT (int64).</summary>
    BigInt = 5,
    /// <summary>UTINYINT (uint8).</summary>
    UTinyInt = 6,
    /// <summary>USMALLINT (uint16).</summary>
    USmallInt = 7,
    /// <summary>UINTEGER (uint32).</summary>
    UInteger = 8,
    /// <summary>UBIGINT (uint64).</summary>
    UBigInt = 9,
    /// <summary>FLOAT (single precision).</summary>
    Float = 10,
    /// <summary>DOUBLE.</summary>
    Double = 11,
    /// <summary>TIMESTAMP: int64 microseconds since the Unix epoch.</summary>
    Timestamp = 12,
    /// <summary>DATE: int32 days since the Unix epoch.</summary>
    Date = 13,
    /// <summary>TIME: int64 microseconds since midnight.</summary>
    Time = 14,
    /// <summary>INTERVAL: months, days, microseconds.</summary>
    Interval = 15,
    /// <summary>HUGEINT (int128).</summary>
    HugeInt = 16,
    /// <summary>VARCHAR (UTF-8).</summary>
    Varchar = 17,
    /// <summary>BLOB (bytes).</summary>
    Blob = 18,
    /// <summary>DECIMAL(width, scale); storage depends on the width.</summary>
    Decimal = 19,
    /// <summary>TIMESTAMP_S (seconds).</summary>
    TimestampS = 20,
    /// <summary>TIMESTAMP_MS (milliseconds).</summary>
    TimestampMs = 21,
    /// <summary>TIMESTAMP_NS (nanoseconds).</summary>
    TimestampNs = 22,
    /// <summary>ENUM.</summary>
    Enum = 23,
    /// <summary>LIST of one child type.</summary>
    List = 24,
    /// <summary>STRUCT of named children.</summary>
    Struct = 25,
    /// <summary>MAP (physically a LIST of STRUCT(key, value)).</summary>
    Map = 26,
    /// <summary>UUID.</summary>
    Uuid = 27,
    /// <summary>UNION.</summary>
    Union = 28,
    /// <summary>BIT.</summary>
    Bit = 29,
    /// <summary>TIME WITH TIME ZONE.</summary>
    TimeTz = 30,
    /// <summary>TIMESTAMP WITH TIME ZONE (microseconds, UTC).</summary>
    TimestampTz = 31,
    /// <summary>UHUGEINT (uint128).</summary>
    UHugeInt = 32,
    /// <summary>Fixed-size ARRAY.</summary>
    Array = 33,
    /// <summary>ANY (functions only).</summary>
    Any = 34,
    /// <summary>BIGNUM (arbitrary precision integer).</summary>
    BigNum = 35,
    /// <summary>The type of a bare NULL literal.</summary>
    SqlNull = 36,
}

/// <summary>A DuckDB INTERVAL: months, days and microseconds are independent components.</summary>
/// <param name="Months">Whole months.</param>
/// <param name="Days">Whole days.</param>
/// <param name="Micros">Microseconds.</param>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct DuckDbInterval(int Months, int Days, long Micros);

/// <summary><c>duckdb_list_entry</c>: a list row's slice of the child vector.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct DuckDbListEntry
{
    public readonly ulong Offset;
    public readonly ulong Length;
}

/// <summary><c>duckdb_hugeint</c>: two's complement int128 as (lower, upper).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeHugeInt
{
    public ulong Lower;
    public long Upper;

    public static NativeHugeInt From(Int128 value) =>
        new() { Lower = (ulong)(value & ulong.MaxValue), Upper = (long)(value >> 64) };

    public readonly Int128 ToInt128() => new((ulong)Upper, Lower);
}

/// <summary><c>duckdb_decimal</c>: width and scale bytes, then the unscaled value as a hugeint (8-aligned: 24 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeDecimal
{
    public byte Width;
    public byte Scale;
    public NativeHugeInt Value;
}

/// <summary>
/// <c>duckdb_result</c> (48 bytes on 64-bit): four deprecated fields we never read, then the internal
/// pointer. It is kept in native memory so DuckDB can keep pointers into it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeResult
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public nint DeprecatedColumns;
    public nint DeprecatedErrorMessage;
    public nint InternalData;
}

internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}

/// <summary>
/// <c>duckdb_statement_type</c>: what a prepared statement is. DuckDB 1.5.6 passes kinds newer than the C enum
/// through with their internal numbers (observed: 29 for UPDATE EXTENSIONS, 30 for MERGE INTO).
/// </summary>
internal enum DuckDbStatementType
{
    Invalid = 0,
    Select = 1,
    Insert = 2,
    Update = 3,
    Explain = 4,
    Delete = 5,
    Prepare = 6,
    Create = 7,
    Execute = 8,
    Alter = 9,
    Transaction = 10,
    Copy = 11,
    Analyze = 12,
    VariableSet = 13,
    CreateFunction = 14,
    Drop = 15,
    Export = 16,
    Pragma = 17,
    Vacuum = 18,
    Call = 19,
    Set = 20,
    Load = 21,
    Relation = 22,
    Extension = 23,
    LogicalPlan = 24,
    Attach = 25,
    Detach = 26,
    Multi = 27,
    UpdateExtensions = 29,
    MergeInto = 30,
}

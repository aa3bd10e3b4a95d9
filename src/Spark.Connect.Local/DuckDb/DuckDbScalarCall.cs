using System.Text;

namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// One call of a C# scalar function (see <see cref="DuckDbScalarFunction"/>): the input chunk's rows, read
/// as spans over DuckDB's memory, and the output vector, written row by row. Valid only during the call.
/// </summary>
internal readonly unsafe ref struct DuckDbScalarCall
{
    private readonly nint _info;
    private readonly nint _input;
    private readonly nint _output;

    public DuckDbScalarCall(nint info, nint input, nint output)
    {
        _info = info;
        _input = input;
        _output = output;
        RowCount = checked((int)NativeMethods.duckdb_data_chunk_get_size(input));
    }

    /// <summary>Rows in this chunk (at most 2,048).</summary>
    public int RowCount { get; }

    /// <summary>Which rows of argument <paramref name="column"/> hold a value.</summary>
    public DuckDbValidity Validity(int column)
    {
        var mask = NativeMethods.duckdb_vector_get_validity(Argument(column));
        return mask == null ? new DuckDbValidity([], RowCount) : new DuckDbValidity(new ReadOnlySpan<ulong>(mask, (RowCount + 63) >> 6), RowCount);
    }

    /// <summary>The strings of VARCHAR or BLOB argument <paramref name="column"/> (flat: DuckDB flattens inputs first).</summary>
    public DuckDbStrings Strings(int column) =>
        new((byte*)NativeMethods.duckdb_vector_get_data(Argument(column)), Validity(column), RowCount);

    /// <summary>
    /// The values of fixed-width argument <paramref name="column"/> (INTEGER as int, BIGINT as long, DOUBLE as double,
    /// HUGEINT as Int128, …); a NULL row's slot holds no defined value, so check <see cref="Validity"/> first.
    /// </summary>
    public ReadOnlySpan<T> Values<T>(int column) where T : unmanaged =>
        new(NativeMethods.duckdb_vector_get_data(Argument(column)), RowCount);

    /// <summary>The result's slots for a fixed-width return type (INTEGER as int, BIGINT as long, …).</summary>
    public Span<T> Output<T>() where T : unmanaged => new(NativeMethods.duckdb_vector_get_data(_output), RowCount);

    /// <summary>Sets row <paramref name="row"/> of the result to <paramref name="utf8"/> (DuckDB copies it).</summary>
    public void SetString(int row, ReadOnlySpan<byte> utf8)
    {
        CheckRow(row);
        fixed (byte* bytes = utf8)
            NativeMethods.duckdb_vector_assign_string_element_len(_output, (ulong)row, bytes, (ulong)utf8.Length);
    }

    /// <summary>Sets row <paramref name="row"/> of the result to NULL.</summary>
    public void SetNull(int row)
    {
        CheckRow(row);
        NativeMethods.duckdb_vector_ensure_validity_writable(_output);
        var mask = NativeMethods.duckdb_vector_get_validity(_output);
        mask[row >> 6] &= ~(1UL << (row & 63));
    }

    /// <summary>Fails the statement: DuckDB raises an "Invalid Input Error" with <paramref name="message"/> after the call returns.</summary>
    public void Fail(string message) => Fail(_info, message);

    /// <summary>As <see cref="Fail(string)"/>, for a callback that could not even read its chunk.</summary>
    public static void Fail(nint info, string message)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(message) + 1];
        Encoding.UTF8.GetBytes(message, bytes);
        fixed (byte* text = bytes)
            NativeMethods.duckdb_scalar_function_set_error(info, text);
    }

    private nint Argument(int column)
    {
        var vector = NativeMethods.duckdb_data_chunk_get_vector(_input, (ulong)column);
        return vector != 0 ? vector : throw new DuckDbException($"The scalar function call has no argument {column}.");
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)RowCount)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in [0, {RowCount}).");
    }
}

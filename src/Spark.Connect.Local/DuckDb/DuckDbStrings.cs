namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// The values of a VARCHAR or BLOB vector as spans over DuckDB's memory, without copying: each row is a
/// 16-byte <c>duckdb_string_t</c> (a uint32 length, then the bytes inline when the length is at most 12,
/// else a 4-byte prefix and a pointer to the bytes). Valid only until the chunk is disposed.
/// </summary>
internal readonly unsafe ref struct DuckDbStrings
{
    private const int EntrySize = 16;
    private const int InlineLimit = 12;

    private readonly byte* _entries;
    private readonly DuckDbValidity _validity;

    internal DuckDbStrings(byte* entries, DuckDbValidity validity, int count)
    {
        if (entries == null && count > 0)
            throw new DuckDbException($"DuckDB returned no string data for a vector of {count} rows.");
        _entries = entries;
        _validity = validity;
        Count = count;
    }

    public int Count { get; }

    /// <summary>
    /// Row <paramref name="row"/>'s bytes (UTF-8 for VARCHAR). A NULL row's entry is not defined by DuckDB,
    /// so reading one throws rather than following whatever pointer it holds.
    /// </summary>
    public ReadOnlySpan<byte> this[int row]
    {
        get
        {
            // IsValid also checks row against Count, so the entry read below lies inside the vector.
            if (!_validity.IsValid(row))
                throw new InvalidOperationException($"Row {row} is NULL; check the validity mask before reading its bytes.");
            var entry = _entries + (nint)row * EntrySize;
            var length = *(uint*)entry;
            if (length <= InlineLimit)
                return new ReadOnlySpan<byte>(entry + 4, (int)length);
            var bytes = *(byte**)(entry + 8);
            if (length > int.MaxValue || bytes == null)
                throw new DuckDbException($"DuckDB returned a malformed string at row {row} (length {length}).");
            return new ReadOnlySpan<byte>(bytes, (int)length);
        }
    }
}

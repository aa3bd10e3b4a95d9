namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// A vector's validity mask, read in C# without a native call per row: bit <c>row % 64</c> of word
/// <c>row / 64</c> is set when the row holds a value. DuckDB hands out no mask when every row is valid;
/// then <see cref="Words"/> is empty. Like every span over a chunk, it is valid only until the chunk is disposed.
/// </summary>
internal readonly ref struct DuckDbValidity
{
    private readonly ReadOnlySpan<ulong> _words;
    private readonly int _count;

    internal DuckDbValidity(ReadOnlySpan<ulong> words, int count)
    {
        _words = words;
        _count = count;
    }

    /// <summary>The mask's 64-bit words (one per 64 rows), or empty when every row is valid.</summary>
    public ReadOnlySpan<ulong> Words => _words;

    public bool AllValid => _words.IsEmpty;

    public bool IsValid(int row)
    {
        if ((uint)row >= (uint)_count)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in [0, {_count}).");
        return _words.IsEmpty || ((_words[row >> 6] >> (row & 63)) & 1) != 0;
    }
}

namespace Spark.Connect.Local.CaseMapping;

/// <summary>
/// An <c>int</c> per Unicode code point (0 for most), looked up in constant time: the code space is cut into
/// blocks of 64, each block's values are stored once however many blocks share them (most are all zero), and
/// an index maps a block number to its values. About 20 KB of index and a few hundred distinct blocks for a
/// case mapping, where a flat array would take 4.4 MB.
/// </summary>
internal sealed class CodePointTable
{
    private const int BlockBits = 6;
    private const int BlockSize = 1 << BlockBits;
    private const int CodePoints = 0x110000;

    private readonly ushort[] _index;
    private readonly int[] _values;

    private CodePointTable(ushort[] index, int[] values)
    {
        _index = index;
        _values = values;
    }

    /// <summary>The value of <paramref name="codePoint"/> (0 to 0x10FFFF).</summary>
    public int this[int codePoint] => _values[(_index[codePoint >> BlockBits] << BlockBits) | (codePoint & (BlockSize - 1))];

    /// <summary>Builds a table from <c>(code point, value)</c> pairs; code points not given are 0, a later pair wins.</summary>
    public static CodePointTable Build(IEnumerable<(int CodePoint, int Value)> values)
    {
        var blocks = new Dictionary<int, int[]>();
        foreach (var (codePoint, value) in values)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(codePoint);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(codePoint, CodePoints);
            if (!blocks.TryGetValue(codePoint >> BlockBits, out var block))
                blocks.Add(codePoint >> BlockBits, block = new int[BlockSize]);
            block[codePoint & (BlockSize - 1)] = value;
        }

        // Block 0 of the stored values is the shared all-zero block; equal blocks are stored once.
        var stored = new List<int[]> { new int[BlockSize] };
        var byContent = new Dictionary<string, ushort> { [Key(stored[0])] = 0 };
        var index = new ushort[CodePoints >> BlockBits];
        foreach (var (number, block) in blocks)
        {
            var key = Key(block);
            if (!byContent.TryGetValue(key, out var position))
            {
                position = checked((ushort)stored.Count);
                stored.Add(block);
                byContent.Add(key, position);
            }
            index[number] = position;
        }
        return new CodePointTable(index, stored.SelectMany(b => b).ToArray());
    }

    /// <summary>Sets <paramref name="value"/> for every code point of the inclusive <c>[first, last]</c> pairs.</summary>
    public static IEnumerable<(int CodePoint, int Value)> Ranges(int[] firstLastPairs, int value)
    {
        for (var i = 0; i + 1 < firstLastPairs.Length; i += 2)
            for (var codePoint = firstLastPairs[i]; codePoint <= firstLastPairs[i + 1]; codePoint++)
                yield return (codePoint, value);
    }

    /// <summary>The deltas of <c>[first, count, step, delta]</c> runs (see <see cref="UnicodeCaseRuns"/>).</summary>
    public static IEnumerable<(int CodePoint, int Value)> Runs(int[] runs)
    {
        for (var i = 0; i + 3 < runs.Length; i += 4)
            for (var n = 0; n < runs[i + 1]; n++)
                yield return (runs[i] + n * runs[i + 2], runs[i + 3]);
    }

    private static string Key(int[] block) => string.Join(',', block);
}

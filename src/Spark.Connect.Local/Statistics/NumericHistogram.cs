namespace Spark.Connect.Local.Statistics;

/// <summary>
/// Spark's <c>histogram_numeric</c> buffer (Ben-Haim and Tom-Tov's streaming histogram, as Spark adapted it from Hive):
/// at most <c>nb</c> bins of (centre, height), kept sorted by centre. A new value either raises the bin with exactly its
/// centre or becomes a bin of height 1; while there are too many bins the two closest neighbours merge into their
/// height-weighted mean. Ties between equally close pairs are broken by Java's <c>Random</c> seeded 31183, as Spark's
/// buffer does, so one stream of values in one order gives Spark's bins for one partition.
/// </summary>
internal sealed class NumericHistogram(int binCount)
{
    private readonly List<(double X, double Y)> _bins = [];
    private readonly JavaRandom _random = new(31183);

    /// <summary>The bins, sorted by centre.</summary>
    public IReadOnlyList<(double X, double Y)> Bins => _bins;

    /// <summary>Adds one value (Spark skips nulls before this).</summary>
    public void Add(double value)
    {
        var bin = 0;
        for (int low = 0, high = _bins.Count; low < high;)
        {
            bin = (low + high) / 2;
            if (_bins[bin].X > value)
                high = bin;
            else if (_bins[bin].X < value)
                low = ++bin;
            else
                break;
        }
        if (bin < _bins.Count && _bins[bin].X == value)
        {
            _bins[bin] = (value, _bins[bin].Y + 1);
            return;
        }
        _bins.Insert(bin, (value, 1));
        if (_bins.Count > binCount)
            Trim();
    }

    private void Trim()
    {
        while (_bins.Count > binCount)
        {
            var smallest = _bins[1].X - _bins[0].X;
            int at = 0, ties = 1;
            for (var i = 1; i < _bins.Count - 1; i++)
            {
                var difference = _bins[i + 1].X - _bins[i].X;
                if (difference < smallest)
                {
                    smallest = difference;
                    at = i;
                    ties = 1;
                }
                // Each further pair as close replaces the choice with probability 1/ties (reservoir sampling).
                else if (difference == smallest && _random.NextDouble() <= 1.0 / ++ties)
                    at = i;
            }
            var (leftX, leftY) = _bins[at];
            var (rightX, rightY) = _bins[at + 1];
            var height = leftY + rightY;
            // The same operations in the same order as Spark, so the doubles round alike.
            var centre = leftX * (leftY / height);
            centre += rightX / height * rightY;
            _bins[at] = (centre, height);
            _bins.RemoveAt(at + 1);
        }
    }

    /// <summary>java.util.Random's linear congruential generator, for Spark's tie-breaking sequence.</summary>
    private sealed class JavaRandom(long seed)
    {
        private const long Multiplier = 0x5DEECE66DL;
        private const long Mask = (1L << 48) - 1;
        private long _seed = (seed ^ Multiplier) & Mask;

        public double NextDouble() => ((((long)Next(26)) << 27) + Next(27)) * (1.0 / (1L << 53));

        private int Next(int bits)
        {
            _seed = unchecked(_seed * Multiplier + 0xBL) & Mask;
            return (int)((ulong)_seed >> (48 - bits));
        }
    }
}

using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>
    /// Skip/Take (slice), SelectMany (flatten), Zip (zip_with), Aggregate, SequenceEqual, IndexOf over array columns, LINQ
    /// over dictionary entries (map_filter, transform_values, transform_keys, map_entries) and lambdas over captured
    /// collections that read the row, including empty arrays and maps (the data has them) and null ones (local rows).
    /// Answers that are an order are joined into text, as collections inside rows compare as multisets.
    /// </summary>
    private static IEnumerable<DifferentialCase> NestedReshape()
    {
        yield return InOrder("skip and take over arrays", s => s.Baskets.OrderBy(b => b.Id).Select(b => new
        {
            b.Id,
            Skip1 = string.Join(",", b.Counts.Skip(1)),
            Take2 = string.Join(",", b.Items.Take(2)),
            Page = string.Join(",", b.Counts.Skip(1).Take(1)),
            None = b.Counts.Take(0).Count(),
            All = string.Join(",", b.Counts.Skip(-1).Take(int.MaxValue)),
            Beyond = b.Items.Skip(10).Count(),
            ByRow = string.Join(",", b.Counts.Skip(b.Items.Count - 2).Take(b.Counts.Length - 2)),
        }));
        yield return InOrder("take last and skip last", s => s.Baskets.OrderBy(b => b.Id).Select(b => new
        {
            b.Id,
            Last2 = string.Join(",", b.Counts.TakeLast(2)),
            NoLast = string.Join(",", b.Items.SkipLast(1)),
            Nothing = b.Counts.TakeLast(-3).Count(),
            AllOfThem = string.Join(",", b.Counts.SkipLast(0).TakeLast(50)),
            ByRow = string.Join(",", b.Items.TakeLast(b.Counts.Length - 1)) + "|" + string.Join(",", b.Items.SkipLast(b.Counts.Length)),
        }));
        yield return InOrder("select many over nested arrays", s => s.Baskets.OrderBy(b => b.Id).Select(b => new
        {
            b.Id,
            Products = string.Join(",", b.Lines.SelectMany(l => b.Counts, (l, c) => l.Qty * c)),
            Filtered = string.Join(",", b.Items.SelectMany(i => b.Counts.Where(c => c > i.Length - 8))),
            Both = string.Join(",", new List<string?>[] { b.Tags, b.Tags }.SelectMany(x => x)),
        }));
        yield return InOrder("zip stops at the shorter array", s => s.Baskets.OrderBy(b => b.Id).Select(b => new
        {
            b.Id,
            Pairs = string.Join(",", b.Items.Zip(b.Counts, (i, c) => i + ":" + c)),
            Local = string.Join(",", b.Counts.Zip(new[] { 10, 20 }, (c, x) => c * x)),
        }));
        yield return Rows("aggregate over arrays", s => s.Baskets.Select(b => new
        {
            b.Id,
            Sum = b.Counts.Aggregate(0L, (acc, c) => acc + c),
            Text = b.Items.Aggregate("", (acc, i) => acc + i + ";"),
            Doubled = b.Items.Aggregate(0, (acc, i) => acc + i.Length, acc => acc * 2),
            Money = b.Lines.Aggregate(0m, (acc, l) => acc + l.Price * l.Qty),
            Digits = b.Counts.Length > 0 ? b.Counts.Aggregate((x, y) => x * 10 + y) : -1,
        }));
        yield return Rows("sequence equality and index of", s => s.Baskets.Select(b => new
        {
            b.Id,
            Same = b.Items.SequenceEqual(b.Lines.Select(l => l.Sku)),
            Self = b.Tags.SequenceEqual(b.Tags),
            Fixed = b.Counts.SequenceEqual(new[] { 1 }),
            Empty = b.Items.SequenceEqual(new List<string>()),
            Index = b.Items.IndexOf("Books-1"),
            NullTag = b.Tags.IndexOf(null),
            Three = Array.IndexOf(b.Counts, 3),
        }));
        var prefixes = new List<string> { "Bo", "To" };
        var limits = new[] { 0, 2, 4 };
        var none = new List<int>();
        yield return Rows("local collections with lambdas reading the row", s => s.Baskets
            .Where(b => prefixes.Any(p => b.Items.Any(i => i.StartsWith(p))))
            .Select(b => new { b.Id, Above = limits.Where(v => v > b.Counts.Length).Count(), Apart = limits.All(v => v != b.CustomerId), Nothing = none.Any(v => v == b.CustomerId) }));
    }

    /// <summary>Dictionary columns through their entries and back into dictionaries.</summary>
    private static IEnumerable<DifferentialCase> MapEntries()
    {
        yield return Rows("map filter into a dictionary", s => s.Baskets.Select(b => new
        {
            b.Id,
            Big = b.Stock.Where(kv => kv.Value > 5).ToDictionary(kv => kv.Key, kv => kv.Value),
            Pairs = b.Stock.Where(kv => kv.Key.StartsWith("B") || kv.Value < 0).ToDictionary(),
        }));
        yield return Rows("map values and keys transformed", s => s.Baskets.Select(b => new
        {
            b.Id,
            Doubled = b.Stock.ToDictionary(kv => kv.Key, kv => kv.Value * 2 + b.CustomerId),
            Upper = b.Stock.ToDictionary(kv => kv.Key.ToUpperInvariant(), kv => kv.Value),
            Both = b.Stock.Where(kv => kv.Value != 0).ToDictionary(kv => "k" + kv.Key, kv => kv.Value > 0),
        }));
        yield return Rows("predicates and sums over entries", s => s.Baskets.Select(b => new
        {
            b.Id,
            Any = b.Stock.Any(kv => kv.Value > 10 && kv.Key.StartsWith("B")),
            All = b.Stock.All(kv => kv.Value >= 0),
            Count = b.Stock.Count(kv => kv.Value > 5),
            Sum = b.Stock.Sum(kv => kv.Value),
            Has3 = b.Stock.ContainsValue(3),
        }));
        yield return InOrder("entries keep the map's order", s => s.Baskets.OrderBy(b => b.Id)
            .Select(b => new { b.Id, Keys = string.Join(",", b.Stock.Where(kv => kv.Value > 0).Select(kv => kv.Key + "=" + kv.Value)) }));
        var local = new[]
        {
            new Basket { Id = 1, Items = null!, Counts = null!, Stock = null! },
            new Basket { Id = 2, Items = [], Counts = [], Stock = [] },
            new Basket { Id = 3, Items = ["a", "b", "c"], Counts = [4, 5], Stock = new() { ["x"] = 1, ["y"] = -1 } },
        };
        yield return Rows("null and empty arrays and maps", s => s.Local(local).Select(b => new
        {
            b.Id,
            Page = b.Items == null ? "null" : string.Join(",", b.Items.Skip(1).Take(1)),
            Total = b.Counts == null ? -1 : b.Counts.Aggregate(0, (a, c) => a + c),
            Zip = b.Items == null || b.Counts == null ? -1 : b.Items.Zip(b.Counts, (i, c) => c).Count(),
            Positive = b.Stock == null ? -1 : b.Stock.Count(kv => kv.Value > 0),
            Kept = b.Stock == null ? -1 : b.Stock.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value).Count,
        }));
    }
}

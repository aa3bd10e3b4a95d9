using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>
    /// LINQ over array columns inside row expressions: counts, predicates, projections of elements, aggregates,
    /// element access, set operations and ordering. Collections inside rows compare as multisets, so cases whose
    /// answer is an order join the elements into text (string.Join is array_join).
    /// </summary>
    private static IEnumerable<DifferentialCase> Arrays()
    {
        yield return Rows("array sizes", s => s.Baskets.Select(b => new { b.Id, Items = b.Items.Count, Counts = b.Counts.Length, Lines = b.Lines.Count(), Tags = b.Tags.LongCount() }));
        yield return Rows("array any and empty", s => s.Baskets.Where(b => b.Items.Any() && !b.Counts.Any()).Select(b => b.Id));
        yield return Rows("array any with a predicate", s => s.Baskets.Where(b => b.Counts.Any(c => c > 3)).Select(b => b.Id));
        yield return Rows("array all with a predicate", s => s.Baskets.Where(b => b.Counts.All(c => c >= 0)).Select(b => new { b.Id, N = b.Counts.Length }));
        yield return Rows("array count with a predicate", s => s.Baskets.Select(b => new { b.Id, Big = b.Counts.Count(c => c > 2), Heavy = b.Lines.Count(l => l.Weight > 2.5) }));
        yield return Rows("array contains a value", s => s.Baskets.Where(b => b.Items.Contains("Books-1") || b.Counts.Contains(5)).Select(b => b.Id));
        yield return Rows("nullable list contains null", s => s.Baskets.Select(b => new { b.Id, HasNull = b.Tags.Contains(null), HasEmea = b.Tags.Contains("EMEA") }));
        yield return Rows("list contains a row value", s => s.Baskets.Where(b => b.Tags.Contains(b.ShipTo != null ? b.ShipTo.Zip : null)).Select(b => b.Id));
        yield return Rows("any over nullable elements", s => s.Baskets.Select(b => new { b.Id, Any = b.Tags.Any(t => t == "APAC"), All = b.Tags.All(t => t != null) }));
        yield return Rows("filter and project elements", s => s.Baskets.Select(b => new { b.Id, Big = b.Counts.Where(c => c > 1).Select(c => c * 10).ToList() }));
        yield return InOrder("filtered elements keep their order", s => s.Baskets.OrderBy(b => b.Id)
            .Select(b => new { b.Id, Text = string.Join(",", b.Counts.Where(c => c != 0)) }));
        yield return InOrder("select with the element index", s => s.Baskets.OrderBy(b => b.Id)
            .Select(b => new { b.Id, Text = string.Join(";", b.Items.Select((item, i) => item + "#" + i)) }));
        yield return InOrder("where with the element index", s => s.Baskets.OrderBy(b => b.Id)
            .Select(b => new { b.Id, Text = string.Join(";", b.Items.Where((item, i) => i % 2 == 0)) }));
        yield return Rows("sum of array elements", s => s.Baskets.Select(b => new { b.Id, Sum = b.Counts.Sum(), Qty = b.Lines.Sum(l => l.Qty), Amount = b.Lines.Sum(l => l.Price * l.Qty) }));
        yield return Rows("sum and average of nullable elements", s => s.Baskets.Select(b => new { b.Id, Sum = b.Scores.Sum(), Avg = b.Scores.Average(), Weight = b.Lines.Sum(l => l.Weight) }));
        yield return Rows("min and max of nullable elements", s => s.Baskets.Select(b => new { b.Id, Min = b.Scores.Min(), Max = b.Scores.Max(), Last = b.Tags.Max() }));
        yield return Rows("min max average of non-empty arrays", s => s.Baskets.Where(b => b.Counts.Length > 0)
            .Select(b => new { b.Id, Min = b.Counts.Min(), Max = b.Counts.Max(), Avg = b.Counts.Average(), Cheapest = b.Lines.Any() ? b.Lines.Min(l => l.Price) : 0m }));
        yield return Rows("average of a selector", s => s.Baskets.Where(b => b.Lines.Count > 0).Select(b => new { b.Id, Avg = b.Lines.Average(l => l.Qty), AvgPrice = b.Lines.Average(l => l.Price) }));
        yield return Rows("first and last elements", s => s.Baskets.Where(b => b.Items.Count > 0)
            .Select(b => new { b.Id, First = b.Items.First(), Last = b.Items.Last(), Second = b.Items.ElementAtOrDefault(1) }));
        yield return Rows("or default of empty arrays", s => s.Baskets.Select(b => new { b.Id, First = b.Counts.FirstOrDefault(), Last = b.Items.LastOrDefault(), Tag = b.Tags.FirstOrDefault() }));
        yield return Rows("first matching element", s => s.Baskets.Select(b => new { b.Id, Line = b.Lines.FirstOrDefault(l => l.Qty > 2), Count = b.Counts.LastOrDefault(c => c < 2) }));
        yield return Rows("indexers", s => s.Baskets.Where(b => b.Counts.Length > 1 && b.Items.Count > 0).Select(b => new { b.Id, C = b.Counts[1], I = b.Items[0], L = b.Lines.Count > 0 ? b.Lines[b.Lines.Count - 1].Sku : "" }));
        yield return Rows("element at a computed index", s => s.Baskets.Where(b => b.Counts.Length > 0).Select(b => new { b.Id, Middle = b.Counts.ElementAt(b.Counts.Length / 2) }));
        yield return InOrder("distinct elements in first-seen order", s => s.Baskets.OrderBy(b => b.Id).Select(b => new { b.Id, Text = string.Join(",", b.Items.Distinct()) }));
        yield return InOrder("set operations between arrays", s => s.Baskets.OrderBy(b => b.Id).Select(b => new
        {
            b.Id,
            Union = string.Join(",", b.Items.Union(b.Lines.Select(l => l.Sku))),
            Intersect = string.Join(",", b.Items.Intersect(b.Lines.Select(l => l.Sku))),
            Except = string.Join(",", b.Items.Except(b.Lines.Select(l => l.Sku))),
            Concat = string.Join(",", b.Counts.Concat(b.Counts)),
        }));
        yield return InOrder("set operations with a local list", s => s.Baskets.OrderBy(b => b.Id).Select(b => new
        {
            b.Id,
            Union = string.Join(",", b.Items.Union(new[] { "Books-1", "Tools-2" })),
            Except = string.Join(",", b.Items.Except(new List<string> { "Books-1" })),
            None = string.Join(",", b.Items.Intersect(Array.Empty<string>())),
        }));
        yield return InOrder("ordered elements", s => s.Baskets.OrderBy(b => b.Id).Select(b => new
        {
            b.Id,
            Up = string.Join(",", b.Counts.OrderBy(c => c)),
            Down = string.Join(",", b.Counts.OrderByDescending(c => c)),
            Tags = string.Join(",", b.Tags.OrderBy(t => t)),
        }));
        yield return InOrder("elements ordered by a key, stably", s => s.Baskets.OrderBy(b => b.Id).Select(b => new
        {
            b.Id,
            ByQty = string.Join(",", b.Lines.OrderBy(l => l.Qty).Select(l => l.Sku)),
            ByWeight = string.Join(",", b.Lines.OrderByDescending(l => l.Weight).ThenByDescending(l => l.Sku).Select(l => l.Sku)),
            Reversed = string.Join(",", b.Items.AsEnumerable().Reverse()),
        }));
        yield return Rows("array of structs projected into records", s => s.Baskets.Select(b => new { b.Id, Lines = b.Lines.Where(l => l.Qty > 0).ToList() }));
        yield return Rows("array of structs projected into anonymous objects", s => s.Baskets.Select(b => new
        {
            b.Id,
            Lines = b.Lines.Select(l => new { l.Sku, Total = l.Price * l.Qty, Heavy = l.Weight > 2 }).Where(x => x.Total > 10).ToList(),
        }));
        yield return Rows("nested lambdas read outer variables and the row", s => s.Baskets.Select(b => new
        {
            b.Id,
            Matching = b.Lines.Count(l => b.Items.Any(i => i == l.Sku) && l.Qty > b.Counts.Length),
        }));
        yield return Rows("array predicates in where and order", s => s.Baskets.Where(b => b.Lines.Any(l => l.Price > 50m)).OrderBy(b => b.Lines.Count).ThenBy(b => b.Id).Select(b => b.Id));
        yield return Rows("array aggregate grouped", s => s.Baskets.GroupBy(b => b.Items.Count).Select(g => new { Items = g.Key, Baskets = g.Count() }));
        yield return Rows("grouped by a lambda and summing one", s => s.Baskets.GroupBy(b => b.Counts.Count(c => c > 1))
            .Select(g => new { Big = g.Key, Total = g.Sum(b => b.Counts.Sum()), Lines = g.Sum(b => b.Lines.Count(l => l.Qty > 0)) }));
        yield return Rows("array lambdas over a join", s => from b in s.Baskets join c in s.Customers on b.CustomerId equals c.Id
                                                           where b.Items.Any(i => i.StartsWith(c.Name.Substring(0, 1)) || i.Length > c.Id)
                                                           select new { b.Id, c.Name, N = b.Items.Count(i => i.Length > c.Id % 8) });
        yield return Rows("string join of values of the row", s => s.Baskets.Select(b => new { b.Id, Text = string.Join("/", new[] { b.Id.ToString(), b.ShipTo != null ? b.ShipTo.City : null, "x" }) }));
        yield return Rows("explode a filtered array", s => from b in s.Baskets from l in b.Lines.Where(l => l.Qty > 1) select new { b.Id, l.Sku, l.Qty });
    }

    /// <summary>Dictionary members on map columns: lookups, keys, values and counts.</summary>
    private static IEnumerable<DifferentialCase> Maps()
    {
        yield return Rows("map count and key tests", s => s.Baskets.Select(b => new { b.Id, N = b.Stock.Count, Books = b.Stock.ContainsKey("Books"), Any = b.Stock.Any() }));
        yield return Rows("map lookups guarded by a key test", s => s.Baskets.Select(b => new { b.Id, Books = b.Stock.ContainsKey("Books") ? b.Stock["Books"] : -100 }));
        yield return Rows("map lookups with a default", s => s.Baskets.Select(b => new { b.Id, Games = b.Stock.GetValueOrDefault("Games"), Tools = b.Stock.GetValueOrDefault("Tools", -1) }));
        yield return Rows("map keys and values", s => s.Baskets.Select(b => new { b.Id, Keys = b.Stock.Keys.ToList(), Total = b.Stock.Values.Sum(), Positive = b.Stock.Values.Count(v => v > 0) }));
        yield return Rows("map filter on values", s => s.Baskets.Where(b => b.Stock.Values.Any(v => v > 15) || b.Stock.ContainsValue(0)).Select(b => b.Id));
        yield return Rows("whole map columns", s => s.Baskets.Select(b => new { b.Id, b.Stock }));
    }
}

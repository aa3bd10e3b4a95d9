using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>List and struct columns: SelectMany over a list (explode / explode_outer), whole lists, struct members.</summary>
    private static IEnumerable<DifferentialCase> Nested()
    {
        var local = new[]
        {
            new Basket { Id = 1, Items = ["a", "b"], Counts = [1], ShipTo = new Address("Oslo", null) },
            new Basket { Id = 2, Items = [], Counts = [], ShipTo = null },
        };

        yield return Rows("select many over a list column", s => from b in s.Baskets from item in b.Items select new { b.Id, Item = item });
        yield return Rows("select many keeps empty lists with default if empty", s => from b in s.Baskets from item in b.Items.DefaultIfEmpty() select new { b.Id, Item = item });
        yield return Rows("select many over an int array", s => from b in s.Baskets from n in b.Counts where n > 0 select new { b.Id, N = n * 2 });
        yield return Rows("exploded items grouped", s => (from b in s.Baskets from item in b.Items select item).GroupBy(i => i).Select(g => new { Item = g.Key, N = g.Count() }));
        yield return Rows("whole list columns", s => s.Baskets.Select(b => new { b.Id, b.Items, b.Counts }));
        yield return Rows("struct member", s => s.Baskets.Select(b => new { b.Id, City = b.ShipTo != null ? b.ShipTo.City : "none" }));
        yield return Rows("struct null field", s => s.Baskets.Where(b => b.ShipTo != null && b.ShipTo.Zip == null).Select(b => b.Id));
        yield return Rows("whole entity with nested members", s => s.Baskets.Where(b => b.Id % 10 == 0));
        yield return Rows("nested local rows", s => from b in s.Local(local) from item in b.Items select new { b.Id, Item = item });
    }
}

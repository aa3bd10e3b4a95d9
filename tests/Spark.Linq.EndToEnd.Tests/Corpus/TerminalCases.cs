using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>Operators that end a query in one value, including the ones LINQ makes throw.</summary>
    private static IEnumerable<DifferentialCase> Terminals()
    {
        var id = 42L;

        yield return Value("count", s => s.Orders.Count());
        yield return Value("count with predicate", s => s.Orders.Count(o => o.IsGift));
        yield return Value("long count", s => s.Orders.LongCount());
        yield return Value("long count after where", s => s.Orders.Where(o => o.Region == "APAC").LongCount(o => o.Quantity > 3));
        yield return Value("count after distinct", s => s.Orders.Select(o => o.CustomerId).Distinct().Count());
        yield return Value("count after take", s => s.Orders.OrderBy(o => o.Id).Take(10).Count());
        yield return Value("count of nothing", s => s.Orders.Count(o => o.Quantity > 1000));
        yield return Value("any", s => s.Orders.Any());
        yield return Value("any with predicate", s => s.Orders.Any(o => o.Amount > 1500m));
        yield return Value("any matches nothing", s => s.Orders.Any(o => o.Quantity > 1000));
        yield return Value("all true", s => s.Orders.All(o => o.Id > 0));
        yield return Value("all false", s => s.Orders.All(o => o.Quantity > 0));
        yield return Value("all over nothing", s => s.Orders.Where(o => o.Quantity > 1000).All(o => o.Quantity < 0));
        yield return Value("all with nullable", s => s.Orders.All(o => o.Rating > 0));
        yield return Value("contains present", s => s.Orders.Select(o => o.Region).Contains("EMEA"));
        yield return Value("contains missing", s => s.Orders.Select(o => o.Region).Contains("MARS"));
        yield return Value("contains null", s => s.Orders.Select(o => o.Note).Contains(null));
        yield return Value("first ordered entity", s => s.Orders.OrderBy(o => o.Id).First());
        yield return Value("first with predicate", s => s.Orders.OrderBy(o => o.Id).First(o => o.Amount > 1000m));
        yield return Value("first of nothing throws", s => s.Orders.Where(o => o.Quantity > 1000).First());
        yield return Value("first or default of nothing", s => s.Orders.Where(o => o.Quantity > 1000).FirstOrDefault());
        yield return Value("first or default with predicate", s => s.Products.OrderByDescending(p => p.Price).ThenBy(p => p.Id).FirstOrDefault(p => p.Category == "Tools"));
        yield return Value("single by id", s => s.Orders.Single(o => o.Id == id));
        yield return Value("single of many throws", s => s.Orders.Single(o => o.Region == "EMEA"));
        yield return Value("single or default of nothing", s => s.Orders.SingleOrDefault(o => o.Id == -1));
        yield return Value("single or default of many throws", s => s.Orders.SingleOrDefault(o => o.Quantity == 3));
        yield return Value("last ordered", s => s.Orders.OrderBy(o => o.Amount).ThenBy(o => o.Id).Last());
        yield return Value("last or default of nothing", s => s.Orders.OrderBy(o => o.Id).LastOrDefault(o => o.Quantity > 1000));
        yield return Value("element at", s => s.Orders.OrderBy(o => o.Id).ElementAt(17));
        yield return Value("element at or default past the end", s => s.Products.OrderBy(p => p.Id).ElementAtOrDefault(100));
        yield return Value("first scalar", s => s.Orders.OrderByDescending(o => o.Score).ThenBy(o => o.Id).Select(o => o.Score).First());
        yield return Value("first enum", s => s.Orders.OrderBy(o => o.Id).Select(o => o.Status).First());
    }

    private static IEnumerable<DifferentialCase> Aggregates()
    {
        yield return Value("sum int", s => s.Orders.Sum(o => o.Quantity));
        yield return Value("sum long", s => s.Orders.Sum(o => o.Id));
        yield return Value("sum decimal", s => s.Orders.Sum(o => o.Amount));
        yield return Value("sum nullable decimal", s => s.Orders.Sum(o => o.Discount));
        yield return Value("sum double", s => s.Orders.Sum(o => o.Score));
        yield return Value("sum nullable double", s => s.Orders.Sum(o => o.Rating));
        yield return Value("sum of nothing is zero", s => s.Orders.Where(o => o.Quantity > 1000).Sum(o => o.Amount));
        yield return Value("sum of selected", s => s.Orders.Select(o => o.Quantity * 2).Sum());
        yield return Value("min decimal", s => s.Orders.Min(o => o.Amount));
        yield return Value("max datetime", s => s.Orders.Max(o => o.PlacedAt));
        yield return Value("min dateonly", s => s.Orders.Min(o => o.ShipDate));
        yield return Value("max string", s => s.Orders.Max(o => o.Region));
        yield return Value("max nullable", s => s.Orders.Max(o => o.Rating));
        yield return Value("min nullable of nothing is null", s => s.Orders.Where(o => o.Quantity > 1000).Min(o => o.Discount));
        yield return Value("max of nothing throws", s => s.Orders.Where(o => o.Quantity > 1000).Max(o => o.Quantity));
        yield return Value("max of selected", s => s.Orders.Select(o => o.Score).Max());
        yield return Value("average int", s => s.Orders.Average(o => o.Quantity));
        yield return Value("average long", s => s.Orders.Average(o => o.Id));
        yield return Value("average decimal", s => s.Orders.Average(o => o.Amount));
        yield return Value("average double", s => s.Orders.Average(o => o.Score));
        yield return Value("average nullable double", s => s.Orders.Average(o => o.Rating));
        yield return Value("average nullable of nothing is null", s => s.Orders.Where(o => o.Quantity > 1000).Average(o => o.Rating));
        yield return Value("average of nothing throws", s => s.Orders.Where(o => o.Quantity > 1000).Average(o => o.Score));
        yield return Value("sum after filter", s => s.Orders.Where(o => o.Status == OrderStatus.Delivered).Sum(o => o.Amount * o.Quantity));
    }
}

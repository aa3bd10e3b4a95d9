using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public sealed class Target
{
    public string Region { get; set; } = "";
    public decimal Goal { get; set; }
    public int? Weight { get; set; }
}

public static partial class SalesCorpus
{
    private static IEnumerable<DifferentialCase> Conversions()
    {
        yield return Rows("convert to int rounds to even", s => s.Orders.Select(o => new { o.Id, I = Convert.ToInt32(o.Score) }));
        yield return Rows("convert decimal to double", s => s.Orders.Select(o => new { o.Id, D = Convert.ToDouble(o.Amount) }));
        yield return Rows("cast int to long and decimal", s => s.Orders.Select(o => new { o.Id, L = (long)o.Quantity, M = (decimal)o.Quantity }));
        yield return Rows("parse int of text", s => s.Orders.Select(o => new { o.Id, N = int.Parse(o.Quantity.ToString()) }));
        yield return Rows("enum as int", s => s.Orders.Select(o => new { o.Id, N = (int)o.Status }));
        yield return Rows("enum compare as int", s => s.Orders.Where(o => (int)o.Status >= 2));
        yield return Rows("short widening", s => s.Orders.Select(o => new { o.Id, P = o.Priority + 1 }));
        yield return Rows("nullable long compare", s => s.Orders.Where(o => o.CouponCode.HasValue && o.CouponCode.Value % 2 == 0));
    }

    private static IEnumerable<DifferentialCase> LocalData()
    {
        Target[] targets = [new() { Region = "EMEA", Goal = 1000m, Weight = 2 }, new() { Region = "AMER", Goal = 250.25m }, new() { Region = "O'Brien", Goal = -1m, Weight = 0 }];
        int[] numbers = [5, -3, 8, 0, 13];

        yield return Rows("local rows", s => s.Local(targets));
        yield return Rows("local rows filtered", s => s.Local(targets).Where(t => t.Goal > 0m && t.Weight != null));
        yield return InOrder("local scalars ordered", s => s.Local(numbers).Where(n => n != 0).OrderBy(n => n));
        yield return Value("local count", s => s.Local(numbers).Count(n => n > 1));
        yield return Value("local sum", s => s.Local(targets).Sum(t => t.Goal));
    }
}

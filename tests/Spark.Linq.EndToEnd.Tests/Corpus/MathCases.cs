using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>Math members over values where C# and Spark agree (no NaN-producing inputs: those differ by design).</summary>
    private static IEnumerable<DifferentialCase> MathFunctions()
    {
        yield return Rows("abs", s => s.Orders.Select(o => new { o.Id, A = Math.Abs(o.Score), Q = Math.Abs(o.Quantity), M = Math.Abs(o.Amount) }));
        yield return Rows("sqrt and cbrt", s => s.Orders.Select(o => new { o.Id, R = Math.Sqrt(Math.Abs(o.Score)), C = Math.Cbrt(o.Score) }));
        yield return Rows("pow", s => s.Products.Select(p => Math.Pow(p.Weight, 2)));
        yield return Rows("round decimal to even", s => s.Orders.Select(o => new { o.Id, R = Math.Round(o.Amount), R1 = Math.Round(o.Amount, 1) }));
        yield return Rows("round decimal away from zero", s => s.Orders.Select(o => Math.Round(o.Amount, 1, MidpointRounding.AwayFromZero)));
        yield return Rows("round double to integer", s => s.Orders.Select(o => Math.Round(o.Score)));
        yield return Rows("floor and ceiling decimal", s => s.Orders.Select(o => new { o.Id, F = Math.Floor(o.Amount), C = Math.Ceiling(o.Amount) }));
        yield return Rows("floor and ceiling double", s => s.Orders.Select(o => new { o.Id, F = Math.Floor(o.Score), C = Math.Ceiling(o.Score) }));
        yield return Rows("truncate", s => s.Orders.Select(o => new { o.Id, T = Math.Truncate(o.Score), D = Math.Truncate(o.Amount) }));
        yield return Rows("sign", s => s.Orders.Select(o => new { o.Id, S = Math.Sign(o.Score), Q = Math.Sign(o.Quantity) }));
        yield return Rows("max and min of two", s => s.Orders.Select(o => new { o.Id, Hi = Math.Max(o.Quantity, 3), Lo = Math.Min(o.Score, 0.0) }));
        yield return Rows("log and exp", s => s.Products.Select(p => new { p.Id, L = Math.Log(p.Weight + 1), L10 = Math.Log10(p.Weight + 1), L2 = Math.Log(p.Weight + 1, 2), E = Math.Exp(p.Weight / 10) }));
        yield return Rows("trigonometry", s => s.Orders.Select(o => new { o.Id, S = Math.Sin(o.Score), C = Math.Cos(o.Score), T = Math.Atan(o.Score), A2 = Math.Atan2(o.Score, 3.0) }));
        yield return Rows("inverse trigonometry", s => s.Products.Select(p => new { p.Id, S = Math.Asin(p.Weight / 20), C = Math.Acos(p.Weight / 20) }));
        yield return Rows("float math", s => s.Products.Select(p => MathF.Sqrt((float)p.Weight)));
        yield return Rows("math in filter", s => s.Orders.Where(o => Math.Abs(o.Score) < 5.0 && Math.Round(o.Amount) > 10m));
    }
}

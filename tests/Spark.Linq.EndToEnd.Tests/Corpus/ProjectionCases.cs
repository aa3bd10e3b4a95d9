using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public sealed class OrderSummary
{
    public long Id { get; set; }
    public decimal Total { get; set; }
    public string Label { get; set; } = "";
}

public sealed record OrderLine(long OrderId, int Quantity, decimal Amount);

public static partial class SalesCorpus
{
    private static IEnumerable<DifferentialCase> Projections()
    {
        var suffix = "-x";

        yield return Rows("select anonymous", s => s.Orders.Select(o => new { o.Id, o.Region, o.Amount }));
        yield return Rows("select scalar member", s => s.Orders.Select(o => o.Amount));
        yield return Rows("select computed decimal", s => s.Orders.Select(o => o.Amount * o.Quantity));
        yield return Rows("select into class", s => s.Orders.Select(o => new OrderSummary { Id = o.Id, Total = o.Amount - (o.Discount ?? 0m), Label = o.Region }));
        yield return Rows("select into positional record", s => s.Orders.Select(o => new OrderLine(o.Id, o.Quantity, o.Amount)));
        yield return Rows("select nested anonymous", s => s.Orders.Select(o => new { o.Id, Money = new { o.Amount, o.Discount } }));
        yield return Rows("select whole entity", s => s.Products.Select(p => p));
        yield return Rows("select coalesce", s => s.Orders.Select(o => o.Discount ?? 0m));
        yield return Rows("select conditional", s => s.Orders.Select(o => new { o.Id, Size = o.Quantity > 5 ? "bulk" : "single" }));
        yield return Rows("select conditional chain", s => s.Orders.Select(o => new { o.Id, Band = o.Amount < 0m ? "refund" : o.Amount < 100m ? "small" : o.Amount < 1000m ? "medium" : "large" }));
        yield return Rows("select string concat", s => s.Orders.Select(o => o.Region + "-" + o.Id));
        yield return Rows("select concat nullable", s => s.Orders.Select(o => new { o.Id, Text = o.Note + suffix }));
        yield return Rows("select enum", s => s.Orders.Select(o => new { o.Id, o.Status }));
        yield return Rows("select enum to string", s => s.Orders.Select(o => new { o.Id, Name = o.Status.ToString() }));
        yield return Rows("select bool expression", s => s.Orders.Select(o => new { o.Id, Big = o.Amount > 1000m, Gift = !o.IsGift }));
        yield return Rows("select negation", s => s.Orders.Select(o => new { o.Id, Minus = -o.Quantity, MinusAmount = -o.Amount }));
        yield return Rows("select bitwise", s => s.Orders.Select(o => new { o.Id, And = o.Quantity & 3, Or = o.Quantity | 4, Xor = o.Quantity ^ 5, Not = ~o.Quantity }));
        yield return Rows("select int to double division", s => s.Orders.Select(o => (double)o.Quantity / 4));
        yield return Rows("select double to int cast", s => s.Orders.Select(o => new { o.Id, Whole = (int)o.Score }));
        yield return Rows("select long multiplication", s => s.Orders.Select(o => (long)o.Quantity * 1_000_000_000L));
        yield return Rows("select then where", s => s.Orders.Select(o => new { o.Id, Total = o.Amount * o.Quantity }).Where(x => x.Total > 5000m));
        yield return Rows("select dates", s => s.Orders.Select(o => new { o.Id, o.PlacedAt, o.ShipDate, o.DeliveredAt }));
        yield return Rows("select has value", s => s.Orders.Select(o => new { o.Id, Rated = o.Rating.HasValue }));
        yield return Rows("select decimal division", s => s.Orders.Select(o => new { o.Id, Third = o.Amount / 4m }));
        yield return Rows("select int division truncates", s => s.Orders.Select(o => new { o.Id, Q = o.Quantity / 4, R = o.Quantity % 4 }));
        yield return Rows("select double division", s => s.Orders.Select(o => o.Score / 3));
        yield return Rows("select constant column", s => s.Products.Select(p => new { p.Id, One = 1, Text = "x" }));
        yield return Rows("select customer fields", s => s.Customers.Select(c => new { c.Name, c.Since, c.Tier, c.IsActive }));
        yield return Rows("select twice", s => s.Orders.Select(o => new { o.Id, o.Amount, o.Quantity }).Select(x => new { x.Id, Total = x.Amount * x.Quantity }));
    }
}

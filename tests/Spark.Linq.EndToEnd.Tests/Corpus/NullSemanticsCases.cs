using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>C#'s null rules: null equals null, lifted comparisons with null are false, ! of them true.</summary>
    private static IEnumerable<DifferentialCase> NullSemantics()
    {
        double? noRating = null;
        string? noNote = null;
        decimal? five = 5m;

        yield return Rows("nullable HasValue", s => s.Orders.Where(o => o.Discount.HasValue));
        yield return Rows("nullable == null", s => s.Orders.Where(o => o.Discount == null));
        yield return Rows("nullable > constant", s => s.Orders.Where(o => o.Discount > 10m));
        yield return Rows("not (nullable > constant)", s => s.Orders.Where(o => !(o.Discount > 10m)));
        yield return Rows("nullable == captured null", s => s.Orders.Where(o => o.Rating == noRating));
        yield return Rows("nullable == value", s => s.Orders.Where(o => o.Rating == 2.5));
        yield return Rows("nullable != captured value", s => s.Orders.Where(o => o.Discount != five));
        yield return Rows("string != null", s => s.Orders.Where(o => o.Note != null));
        yield return Rows("string == captured null", s => s.Orders.Where(o => o.Note == noNote));
        yield return Rows("nullable vs non-nullable column", s => s.Orders.Where(o => o.Rating > o.Score));
        yield return Rows("not nullable vs column", s => s.Orders.Where(o => !(o.Rating <= o.Score)));
        yield return Rows("nullable column equals itself", s => s.Orders.Where(o => o.Rating == o.Rating));
        yield return Rows("nullable int !=", s => s.Customers.Where(c => c.Tier != 2));
        yield return Rows("null or compare", s => s.Orders.Where(o => o.CouponCode == null || o.CouponCode > 5_000_000_000L));
        yield return Rows("nullable datetime compare", s => s.Orders.Where(o => o.DeliveredAt != null && o.DeliveredAt > o.PlacedAt.AddDays(3)));
        yield return Rows("coalesce in filter", s => s.Orders.Where(o => (o.Discount ?? 0m) < 3m));
        yield return Rows("string null or empty", s => s.Orders.Where(o => string.IsNullOrEmpty(o.Note)));
        yield return Rows("string null or white space", s => s.Orders.Where(o => string.IsNullOrWhiteSpace(o.Note)));
        yield return Rows("email coalesce", s => s.Customers.Select(c => new { c.Id, Email = c.Email ?? "none" }));
        yield return Rows("get value or default", s => s.Orders.Select(o => new { o.Id, A = o.Rating.GetValueOrDefault(), B = o.Rating.GetValueOrDefault(1.5) }));
    }
}

using System.Globalization;
using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

/// <summary>A type whose constructor computes its members (its parameters match none of them, so it can't be bound by name).</summary>
public sealed class OrderBadge
{
    public OrderBadge(long orderId, string area)
    {
        Code = area.ToLowerInvariant() + "-" + orderId.ToString("D6", CultureInfo.InvariantCulture);
        Even = orderId % 2 == 0;
    }

    public string Code { get; }

    public bool Even { get; }
}

public static partial class SalesCorpus
{
    private static string Label(string region, int quantity) => quantity > 5 ? region.ToLowerInvariant() + " bulk" : region;

    private static string Tag(string? text, string prefix) => prefix + (text?.Trim() ?? "(none)");

    private static string Describe(Product product) => $"{product.Name} weighs {product.Weight:F1}";

    private static string NameOrDash(Customer? customer) => customer?.Name ?? "-";

    /// <summary>
    /// Final Selects that call methods Spark can't run (evaluated on the client per row), and the
    /// formatting that now translates: string.Format, interpolation, date formats, DateOnly members.
    /// </summary>
    private static IEnumerable<DifferentialCase> ClientProjections()
    {
        var prefix = "#";
        var invariant = CultureInfo.InvariantCulture;

        yield return Rows("client: helper method in a final select", s => s.Orders.Select(o => new { o.Id, Label = Label(o.Region, o.Quantity) }));
        yield return Rows("client: helper with a captured value", s => s.Orders.Select(o => new { o.Id, T = Tag(o.Note, prefix) }));
        yield return Rows("client: numeric format", s => s.Orders.Select(o => new { o.Id, Money = o.Amount.ToString("N2", invariant), Score = o.Score.ToString("F1", invariant) }));
        yield return Rows("client: nullable to string with a format", s => s.Orders.Select(o => o.Rating.HasValue ? o.Rating.Value.ToString("0.0", invariant) : "n/a"));
        yield return Rows("client: constructor with logic", s => s.Orders.Select(o => new OrderBadge(o.Id, o.Region)));
        yield return Rows("client: whole row to a helper", s => s.Products.Select(p => new { p.Id, Text = Describe(p) }));
        yield return Rows("client: after where and a translated part", s => s.Orders.Where(o => o.IsGift).Select(o => Label(o.Region + "/" + o.Status, o.Quantity)));
        yield return Rows("client: over groups", s => s.Orders.GroupBy(o => o.Region).Select(g => new { g.Key, Total = g.Sum(o => o.Amount).ToString("N2", invariant), Labels = Label(g.Key, g.Count()) }));
        // A join's result selector is not a Select: the method goes in a Select after it.
        yield return Rows("client: missing left join side", s =>
            (from o in s.Orders
             join c in s.Customers on o.CustomerId equals c.Id into matches
             from c in matches.DefaultIfEmpty()
             select new { o, c }).Select(x => new { x.o.Id, Name = NameOrDash(x.c) }));
        yield return Rows("client: list column through LINQ on the client", s => s.Baskets.Select(b => new { b.Id, Items = string.Join("|", b.Items.OrderBy(i => i, StringComparer.Ordinal)) }));
        yield return Rows("client: with a subquery aggregate", s => s.Orders.Select(o => new { o.Id, L = Label(o.Region, o.Amount > s.Orders.Average(x => x.Amount) ? 9 : 0) }));
        yield return InOrder("client: ordered page", s => s.Orders.OrderBy(o => o.Amount).ThenBy(o => o.Id).Select(o => Label(o.Region, o.Quantity)).Skip(10).Take(15));
        yield return Value("client: first", s => s.Orders.OrderBy(o => o.Id).Select(o => Tag(o.Note, prefix)).First());
        yield return Value("client: element at", s => s.Orders.OrderBy(o => o.Id).Select(o => new OrderBadge(o.Id, o.Region)).ElementAt(7).Code);
        yield return Value("client: last", s => s.Orders.OrderBy(o => o.Id).Select(o => new { o.Id, L = Label(o.Region, o.Quantity) }).Last().L);
        yield return Value("client: single of many throws", s => s.Orders.Select(o => Label(o.Region, o.Quantity)).Single());
        yield return Value("client: count counts on Spark", s => s.Orders.Where(o => o.Quantity > 3).Select(o => Label(o.Region, o.Quantity)).Count());
        yield return Value("client: any", s => s.Orders.Where(o => o.Quantity > 100).Select(o => Label(o.Region, o.Quantity)).Any());

        yield return Rows("format: string.Format", s => s.Orders.Select(o => string.Format("{0}-{1} ({2})", o.Id, o.Region, o.Status)));
        yield return Rows("format: interpolation with nulls", s => s.Orders.Select(o => $"{o.Id}: [{o.Note}] {o.CouponCode} {o.IsGift} {{x}}"));
        yield return Rows("format: interpolated date in where", s => s.Orders.Where(o => $"{o.PlacedAt:yyyy-MM}" == "2024-03").Select(o => o.Id));
        yield return Rows("format: date to string in where", s => s.Orders.Where(o => o.PlacedAt.ToString("yyyyMMdd") == "20240615" || o.ShipDate.ToString("yyyy.M.d") == "2025.1.5").Select(o => o.Id));
        yield return Rows("format: date patterns", s => s.Orders.Select(o => new { o.Id, A = o.PlacedAt.ToString("yyyy-MM-dd'T'HH'h'mm"), B = o.PlacedAt.ToString("d.M.yy h-m-s fff"), C = o.ShipDate.ToString("dd MMM yyyy, dddd", invariant) }));
        yield return Rows("format: invariant separators and am/pm", s => s.Orders.Select(o => o.PlacedAt.ToString("MM/dd/yyyy hh:mm:ss tt", invariant)));
        yield return Rows("format: dateonly day number", s => s.Orders.Where(o => o.ShipDate.DayNumber - DateOnly.FromDateTime(o.PlacedAt).DayNumber >= 10).Select(o => new { o.Id, o.ShipDate.DayNumber }));
        yield return Rows("format: dateonly to datetime", s => s.Orders.Where(o => o.ShipDate.ToDateTime(new TimeOnly(12, 0)) < o.PlacedAt).Select(o => new { o.Id, Noon = o.ShipDate.ToDateTime(new TimeOnly(12, 0)), Midnight = o.ShipDate.ToDateTime(TimeOnly.MinValue) }));
        yield return Rows("format: customer since", s => s.Customers.Select(c => $"{c.Name} since {c.Since:MMMM yyyy}" ));
    }
}

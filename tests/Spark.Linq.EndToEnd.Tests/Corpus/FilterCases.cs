using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    private static IEnumerable<DifferentialCase> Filters()
    {
        var minimum = 250.5m;
        var since = new DateTime(2025, 1, 1);
        var shipBefore = new DateOnly(2024, 6, 1);
        var statuses = new List<OrderStatus> { OrderStatus.Shipped, OrderStatus.Cancelled };
        var customerIds = new HashSet<int> { 3, 5, 8, 13, 21, 34, 55 };
        var noIds = Array.Empty<int>();
        var coupons = new long?[] { null, 1234 };

        yield return Rows("where decimal > constant", s => s.Orders.Where(o => o.Amount > 100m));
        yield return Rows("where decimal > captured", s => s.Orders.Where(o => o.Amount > minimum));
        yield return Rows("where int == constant", s => s.Orders.Where(o => o.Quantity == 3));
        yield return Rows("where string != constant", s => s.Orders.Where(o => o.Region != "EMEA"));
        yield return Rows("where and/or", s => s.Orders.Where(o => (o.Region == "EMEA" || o.Region == "APAC") && o.Quantity > 5));
        yield return Rows("where not", s => s.Orders.Where(o => !(o.Quantity > 5)));
        yield return Rows("where bool member", s => s.Orders.Where(o => o.IsGift));
        yield return Rows("where not bool and short", s => s.Orders.Where(o => !o.IsGift && o.Priority > 1));
        yield return Rows("where short >=", s => s.Orders.Where(o => o.Priority >= 2));
        yield return Rows("where long modulo", s => s.Orders.Where(o => o.Id % 7 == 3));
        yield return Rows("where enum ==", s => s.Orders.Where(o => o.Status == OrderStatus.Shipped));
        yield return Rows("where enum list contains", s => s.Orders.Where(o => statuses.Contains(o.Status)));
        yield return Rows("where hash set contains", s => s.Orders.Where(o => customerIds.Contains(o.CustomerId)));
        yield return Rows("where array literal contains", s => s.Orders.Where(o => new[] { "EMEA", "AMER" }.Contains(o.Region)));
        yield return Rows("where empty collection contains", s => s.Orders.Where(o => noIds.Contains(o.CustomerId)));
        yield return Rows("where nullable list with null contains", s => s.Orders.Where(o => coupons.Contains(o.CouponCode)));
        yield return Rows("where datetime >= captured", s => s.Orders.Where(o => o.PlacedAt >= since));
        yield return Rows("where datetime < constructed", s => s.Orders.Where(o => o.PlacedAt < new DateTime(2024, 3, 1, 12, 0, 0)));
        yield return Rows("where dateonly < captured", s => s.Orders.Where(o => o.ShipDate < shipBefore));
        yield return Rows("where chained", s => s.Orders.Where(o => o.Quantity > 0).Where(o => o.Region == "AMER").Where(o => o.Amount < 500m));
        yield return Rows("where double range", s => s.Orders.Where(o => o.Score > -10.5 && o.Score < 10.5));
        yield return Rows("where decimal arithmetic", s => s.Orders.Where(o => o.Amount * o.Quantity > 10000m));
        yield return Rows("where integer division", s => s.Orders.Where(o => o.Quantity / 2 == 2));
        yield return Rows("where negative modulo", s => s.Orders.Where(o => o.Quantity % 3 == -1));
        yield return Rows("where long arithmetic", s => s.Orders.Where(o => o.Id * 3 - 7 > 5000));
        yield return Rows("where customer active in country", s => s.Customers.Where(c => c.IsActive && c.Country == "DE"));
        yield return Rows("where customer since", s => s.Customers.Where(c => c.Since >= new DateOnly(2021, 1, 1)));
        yield return Rows("where product price and weight", s => s.Products.Where(p => p.Price < 100m || p.Weight > 15.0));
        yield return Rows("where matches nothing", s => s.Orders.Where(o => o.Quantity > 1000));
        yield return Rows("where always true", s => s.Products.Where(p => true));
        // Each Where nests the plan two protobuf levels deeper: 200 of them need Spark's 1,024-level request limit.
        yield return Rows("where chained 200 times", s => ChainedWheres(s.Orders, 200));
    }

    /// <summary><paramref name="count"/> chained Where calls, the i-th dropping order id i: every one of them shows in the answer.</summary>
    private static IQueryable<Order> ChainedWheres(IQueryable<Order> orders, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var id = i;
            orders = orders.Where(o => o.Id != id);
        }

        return orders;
    }
}

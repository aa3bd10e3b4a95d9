using System.Linq.Expressions;

namespace Spark.Linq.Tests.Caching;

public class CacheRebindTests : CacheTestBase
{
    private IQueryable<object> Projecting<T>(T value) => Orders.Select(o => new { o.Id, V = value });

    [Test] public void Bool_values_rebind() => AssertRebinds(Projecting, true, false);
    [Test] public void Sbyte_values_rebind() => AssertRebinds(Projecting, (sbyte)1, (sbyte)-128, (sbyte)127);
    [Test] public void Byte_values_rebind() => AssertRebinds(Projecting, (byte)1, (byte)255);
    [Test] public void Short_values_rebind() => AssertRebinds(Projecting, (short)1, short.MinValue);
    [Test] public void Ushort_values_rebind() => AssertRebinds(Projecting, (ushort)1, ushort.MaxValue);
    [Test] public void Int_values_rebind() => AssertRebinds(Projecting, 1, int.MinValue, 0, int.MaxValue);
    [Test] public void Uint_values_rebind() => AssertRebinds(Projecting, 1u, uint.MaxValue);
    [Test] public void Long_values_rebind() => AssertRebinds(Projecting, 1L, long.MaxValue, -5L);
    [Test] public void Ulong_values_rebind_as_decimals_of_their_own_precision() => AssertRebinds(Projecting, 1UL, ulong.MaxValue, 42UL);
    [Test] public void Float_values_rebind() => AssertRebinds(Projecting, 1.5f, float.NaN, -0.0f, float.PositiveInfinity);
    [Test] public void Double_values_rebind() => AssertRebinds(Projecting, 1.5, double.NaN, -0.0, 1e300);
    [Test] public void Decimal_values_rebind_with_their_own_precision_and_scale() => AssertRebinds(Projecting, 1.5m, 1.50m, 12345678.901m, -0.001m, decimal.MaxValue);
    [Test] public void String_values_rebind_including_quotes_and_unicode() => AssertRebinds(Projecting, "a", "O'Brien", "\"; DROP TABLE t; --", "", "日本 🚀");
    [Test] public void Char_values_rebind() => AssertRebinds(Projecting, 'a', '\'', 'é');
    [Test] public void Guid_values_rebind() => AssertRebinds(Projecting, Guid.Empty, Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"));
    [Test] public void Utc_datetimes_rebind() => AssertRebinds(Projecting, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(1969, 7, 20, 20, 17, 0, DateTimeKind.Utc));
    [Test] public void Unspecified_datetimes_rebind() => AssertRebinds(Projecting, new DateTime(2024, 1, 1), new DateTime(2000, 2, 29, 12, 0, 0));
    [Test] public void Datetimeoffsets_rebind() => AssertRebinds(Projecting, DateTimeOffset.UnixEpoch, new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)));
    [Test] public void Dateonly_values_rebind() => AssertRebinds(Projecting, new DateOnly(2024, 1, 1), new DateOnly(1900, 12, 31));
    [Test] public void Timespans_rebind() => AssertRebinds(Projecting, TimeSpan.Zero, TimeSpan.FromDays(-3.5), TimeSpan.MaxValue);
    [Test] public void Byte_arrays_rebind() => AssertRebinds(Projecting, new byte[] { 1 }, [], new byte[] { 0, 255, 7, 9 });
    [Test] public void Enum_values_rebind() => AssertRebinds(Projecting, DayOfWeek.Monday, DayOfWeek.Sunday);
    [Test] public void Nullable_values_rebind() => AssertRebinds(Projecting, (int?)1, (int?)2);

    [Test]
    public void Where_with_several_captured_values_rebinds_each_in_place()
    {
        IQueryable<Order> Query((double min, string region, DateTime since, int? quantity) v) =>
            Orders.Where(o => o.Amount >= v.min && o.Region == v.region && o.PlacedAt > v.since && o.Quantity == v.quantity);
        AssertRebinds(Query,
            (1.0, "EMEA", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), (int?)3),
            (99.5, "it's", new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), (int?)4),
            (-1.0, "", new DateTime(1999, 1, 1, 0, 0, 0, DateTimeKind.Utc), (int?)0));
    }

    [Test]
    public void A_long_chain_with_values_in_every_operator_rebinds()
    {
        IQueryable<object> Query((int customer, string suffix, double big, int take) v) =>
            Orders.Where(o => o.CustomerId != v.customer && o.ShipTo.City != v.suffix)
                .Select(o => new { o.Id, Label = o.Region + v.suffix, Size = o.Amount > v.big ? "big" : v.suffix, Ship = new { o.ShipTo.City } })
                .OrderByDescending(x => x.Size).ThenBy(x => x.Id)
                .Skip(v.take / 2).Take(v.take);
        AssertRebinds(Query, (1, "-a", 10.0, 4), (2, "'b'", -1.5, 9), (3, "", 0.0, 0));
    }

    [Test]
    public void Same_value_used_twice_is_rebound_at_both_places()
    {
        IQueryable<Order> Query(int v) => Orders.Where(o => o.CustomerId > v && o.Quantity < v);
        AssertRebinds(Query, 1, 7, -3);
    }

    [Test]
    public void Take_and_skip_counts_rebind_and_negative_counts_stay_zero()
    {
        IQueryable<Order> Query(int n) => Orders.OrderBy(o => o.Id).Skip(n).Take(n * 2);
        AssertRebinds(Query, 1, 10, 0, -5);
    }

    [Test]
    public void Sql_arguments_rebind_and_stay_literals()
    {
        IQueryable<Order> Query(string region) => Spark.Sql<Order>("SELECT * FROM sales.orders WHERE region = :region AND id > :id", new { region, id = 5L });
        AssertRebinds(Query, "EMEA", "O'Brien'; --", "APAC");
    }

    [Test]
    public void Captured_values_in_terminal_operators_rebind()
    {
        var expected = new[] { 3, 4, 5 }.Select(v => FreshOf(CountQuery(v))).ToList();
        var translations = TranslationsDuring(() =>
        {
            for (var v = 3; v <= 5; v++)
                Assert.That(Provider.Translate(CountQuery(v)).Relation, Is.EqualTo(expected[v - 3]));
        });
        Assert.That(translations, Is.EqualTo(1));
    }

    // Orders.Count(o => o.CustomerId == v), built as the expression a provider receives.
    private Expression CountQuery(int v)
    {
        Expression<Func<int>> count = () => Orders.Count(o => o.CustomerId == v);
        var call = (MethodCallExpression)count.Body;
        return Expression.Call(call.Method, Orders.Expression, call.Arguments[1]);
    }
}

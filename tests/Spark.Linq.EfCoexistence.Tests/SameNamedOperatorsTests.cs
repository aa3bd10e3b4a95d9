using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Spark.Linq;

namespace EfCoexistence;

/// <summary>
/// A file that imports both <c>Microsoft.EntityFrameworkCore</c> and <c>Spark.Linq</c> and calls the async
/// operators both declare (ToListAsync, CountAsync, FirstAsync, …) without qualifying them. That it compiles is
/// the first assertion: when both libraries declared them on <see cref="IQueryable{T}"/> every such call was
/// CS0121 (ambiguous). The tests then check which operator each call bound to and run both sides.
/// </summary>
public sealed class SameNamedOperatorsTests
{
    private ShopContext _db = null!;

    private static SparkSession Spark => LocalSpark.Session;

    [SetUp]
    public void OpenDatabase() => _db = ShopContext.Seeded();

    [TearDown]
    public void CloseDatabase() => _db.Dispose();

    [Test]
    public void Each_call_binds_to_the_operator_of_its_own_provider()
    {
        var none = CancellationToken.None;
        // Expression trees record the method the compiler chose in this file.
        Expression<Func<Task<List<Order>>>> efList = () => _db.Orders.Where(o => o.Amount > 1m).ToListAsync(none);
        Expression<Func<Task<List<Order>>>> sparkList = () => Spark.Table<Order>("orders").Where(o => o.Amount > 1m).ToListAsync(none);
        Expression<Func<Task<int>>> efCount = () => _db.Orders.CountAsync(none);
        Expression<Func<Task<int>>> sparkCount = () => Spark.Table<Order>("orders").CountAsync(none);
        Expression<Func<Task<decimal>>> efSum = () => _db.Orders.SumAsync(o => o.Amount, none);
        Expression<Func<Task<decimal>>> sparkSum = () => Spark.Table<Order>("orders").SumAsync(o => o.Amount, none);
        // (DbSet has an AsAsyncEnumerable method of its own; a query's is the extension.)
        Expression<Func<IAsyncEnumerable<Order>>> efStream = () => _db.Orders.Where(o => o.Amount > 1m).AsAsyncEnumerable();
        Expression<Func<IAsyncEnumerable<Order>>> sparkStream = () => Spark.Table<Order>("orders").Where(o => o.Amount > 1m).AsAsyncEnumerable(null);

        Assert.That(new LambdaExpression[] { efList, efCount, efSum, efStream }.Select(DeclaringType),
            Is.All.EqualTo(typeof(EntityFrameworkQueryableExtensions)));
        Assert.That(new LambdaExpression[] { sparkList, sparkCount, sparkSum, sparkStream }.Select(DeclaringType),
            Is.All.EqualTo(typeof(SparkQueryableAsyncExtensions)));
    }

    [Test]
    public async Task ToListAsync_reads_the_same_rows_from_EF_Core_and_from_Spark()
    {
        var expected = Seed.Orders().Where(o => o.Amount > 100m && o.Region != "AMER").OrderBy(o => o.Id).Select(o => (o.Id, o.Amount)).ToList();

        var fromEf = await _db.Orders.Where(o => o.Amount > 100m && o.Region != "AMER").OrderBy(o => o.Id).ToListAsync();
        var fromSpark = await Spark.Table<Order>("orders").Where(o => o.Amount > 100m && o.Region != "AMER").OrderBy(o => o.Id).ToListAsync();

        Assert.That(expected, Is.Not.Empty);
        Assert.That(fromEf.Select(o => (o.Id, o.Amount)), Is.EqualTo(expected));
        Assert.That(fromSpark.Select(o => (o.Id, o.Amount)), Is.EqualTo(expected));
    }

    [Test]
    public async Task Aggregates_and_element_operators_of_both_providers_agree_with_LINQ_to_Objects()
    {
        var orders = Seed.Orders();
        var spark = Spark.Table<Order>("orders");

        Assert.That(await _db.Orders.CountAsync(o => o.Region == "EMEA"), Is.EqualTo(orders.Count(o => o.Region == "EMEA")));
        Assert.That(await spark.CountAsync(o => o.Region == "EMEA"), Is.EqualTo(orders.Count(o => o.Region == "EMEA")));
        Assert.That(await _db.Orders.LongCountAsync(), Is.EqualTo(orders.LongLength));
        Assert.That(await spark.LongCountAsync(), Is.EqualTo(orders.LongLength));
        Assert.That(await _db.Orders.SumAsync(o => o.Amount), Is.EqualTo(orders.Sum(o => o.Amount)));
        Assert.That(await spark.SumAsync(o => o.Amount), Is.EqualTo(orders.Sum(o => o.Amount)));
        Assert.That(await _db.Orders.MaxAsync(o => o.Amount), Is.EqualTo(orders.Max(o => o.Amount)));
        Assert.That(await spark.MaxAsync(o => o.Amount), Is.EqualTo(orders.Max(o => o.Amount)));
        Assert.That(await _db.Orders.AverageAsync(o => o.Amount), Is.EqualTo(orders.Average(o => o.Amount)));
        Assert.That(await spark.AverageAsync(o => o.Amount), Is.EqualTo(orders.Average(o => o.Amount)));
        Assert.That(await _db.Orders.AnyAsync(o => o.CustomerId == 7), Is.True);
        Assert.That(await spark.AnyAsync(o => o.CustomerId == 7), Is.True);
        Assert.That(await _db.Orders.AllAsync(o => o.Amount > 0m), Is.EqualTo(orders.All(o => o.Amount > 0m)));
        Assert.That(await spark.AllAsync(o => o.Amount > 0m), Is.EqualTo(orders.All(o => o.Amount > 0m)));

        var first = orders.Where(o => o.Region == "APAC").MinBy(o => o.Amount)!;
        Assert.That((await _db.Orders.Where(o => o.Region == "APAC").OrderBy(o => o.Amount).FirstAsync()).Id, Is.EqualTo(first.Id));
        Assert.That((await spark.Where(o => o.Region == "APAC").OrderBy(o => o.Amount).FirstAsync()).Id, Is.EqualTo(first.Id));
        Assert.That(await _db.Orders.SingleOrDefaultAsync(o => o.Id == 1000), Is.Null);
        Assert.That(await spark.SingleOrDefaultAsync(o => o.Id == 1000), Is.Null);
        Assert.That(await _db.Orders.Select(o => o.Region).ContainsAsync("AMER"), Is.True);
        Assert.That(await spark.Select(o => o.Region).ContainsAsync("AMER"), Is.True);
    }

    [Test]
    public async Task Collections_and_streams_of_both_providers_hold_the_same_rows()
    {
        var expected = Seed.Customers().ToDictionary(c => c.Id, c => c.Name);

        Assert.That(await _db.Customers.ToDictionaryAsync(c => c.Id, c => c.Name), Is.EqualTo(expected));
        Assert.That(await Spark.Table<Customer>("customers").ToDictionaryAsync(c => c.Id, c => c.Name), Is.EqualTo(expected));
        Assert.That((await _db.Customers.Select(c => c.Id).ToArrayAsync()).Order(), Is.EqualTo(expected.Keys.Order()));
        Assert.That((await Spark.Table<Customer>("customers").Select(c => c.Id).ToArrayAsync()).Order(), Is.EqualTo(expected.Keys.Order()));

        var streamed = new List<int>();
        await foreach (var customer in _db.Customers.Where(c => c.Vip).AsAsyncEnumerable()) streamed.Add(customer.Id);
        await foreach (var customer in Spark.Table<Customer>("customers").Where(c => c.Vip).AsAsyncEnumerable()) streamed.Add(-customer.Id);
        var vips = Seed.Customers().Where(c => c.Vip).Select(c => c.Id).ToList();
        Assert.That(streamed.Where(id => id > 0).Order(), Is.EqualTo(vips));
        Assert.That(streamed.Where(id => id < 0).Select(id => -id).Order(), Is.EqualTo(vips));
    }

    private static Type? DeclaringType(LambdaExpression call) => ((MethodCallExpression)call.Body).Method.DeclaringType;
}

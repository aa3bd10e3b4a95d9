using System.Linq.Expressions;
using Spark.Connect.Local;
using Spark.Linq;
using Spark.Linq.Testing;

namespace Spark.DeepPlanProbe;

/// <summary>Deep LINQ queries: what a predicate builder, generated arithmetic or a loop of Where calls produce.</summary>
internal static class LinqScenarios
{
    /// <summary><c>x =&gt; x.Id == 0 || x.Id == 2 || …</c> with <paramref name="n"/> comparisons, run on the local engine.</summary>
    public static void OrRows(int n, Action<string> report) => Scenarios.Report(report, $"{n} ors", () =>
    {
        using var server = LocalSparkServer.StartAsync().GetAwaiter().GetResult().AsDisposable();
        server.Value.CreateTable("items", Item.Range(2 * n));
        var spark = SparkSession.Connect(server.Value.ConnectionString);
        try
        {
            var ids = spark.Table<Item>("items").Where(EvenIdsBelow(n)).Select(x => x.Id).ToList();
            var expected = Enumerable.Range(0, n).Select(k => 2L * k);
            return $"{ids.Count} rows, {(ids.Order().SequenceEqual(expected) ? "the expected ids" : "WRONG ids")}";
        }
        finally
        {
            spark.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    });

    /// <summary>The same predicate, translated and printed offline.</summary>
    public static void OrPlan(int n, Action<string> report) => Scenarios.Report(report, $"{n} ors", () =>
    {
        var spark = SparkSession.Connect("sc://localhost");
        var query = spark.Table<Item>("items").Where(EvenIdsBelow(n));
        var plan = query.ToPlan();
        return $"plan of {plan.CalculateSize():N0} bytes, text of {query.ToPlanString().Length:N0} characters, JSON of {query.ToPlanJson().Length:N0} characters";
    });

    /// <summary><c>x.Id + 1 + 1 + …</c> with <paramref name="n"/> additions.</summary>
    public static void Additions(int n, Action<string> report) => Scenarios.Report(report, $"{n} additions", () =>
    {
        var row = Expression.Parameter(typeof(Item), "x");
        Expression sum = Expression.Property(row, nameof(Item.Id));
        for (var i = 0; i < n; i++) sum = Expression.Add(sum, Expression.Constant(1L));
        var spark = SparkSession.Connect("sc://localhost");
        return $"plan of {spark.Table<Item>("items").Select(Expression.Lambda<Func<Item, long>>(sum, row)).ToPlan().CalculateSize():N0} bytes";
    });

    /// <summary><paramref name="n"/> chained Where calls, translated offline.</summary>
    public static void ChainedWheres(int n, Action<string> report) => Scenarios.Report(report, $"{n} chained wheres", () =>
    {
        var spark = SparkSession.Connect("sc://localhost");
        return $"plan of {Chain(spark.Table<Item>("items"), n).ToPlan().CalculateSize():N0} bytes";
    });

    /// <summary><paramref name="n"/> Where calls, each dropping the id 3k+1.</summary>
    public static IQueryable<Item> Chain(IQueryable<Item> items, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var dropped = 3L * i + 1;
            items = items.Where(x => x.Id != dropped);
        }
        return items;
    }

    // Built as predicate builders build it: each comparison adds one || above the previous ones.
    private static Expression<Func<Item, bool>> EvenIdsBelow(int n)
    {
        var row = Expression.Parameter(typeof(Item), "x");
        var id = Expression.Property(row, nameof(Item.Id));
        Expression body = Expression.Equal(id, Expression.Constant(0L));
        for (var k = 1; k < n; k++) body = Expression.OrElse(body, Expression.Equal(id, Expression.Constant(2L * k)));
        return Expression.Lambda<Func<Item, bool>>(body, row);
    }

    private static Disposable<T> AsDisposable<T>(this T value) where T : IAsyncDisposable => new(value);

    private sealed class Disposable<T>(T value) : IDisposable where T : IAsyncDisposable
    {
        public T Value => value;

        public void Dispose() => value.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

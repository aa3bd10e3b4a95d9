using Spark.Connect;
using Spark.Connect.Local;
using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.Testing;

namespace Spark.Linq.EndToEnd.Tests.Session;

/// <summary>
/// Nested data through the real local server where LINQ-to-Objects throws (the differential corpus compares answers):
/// Spark.Linq fails the query with C#'s message rather than answering, and results of nested shapes come back typed.
/// </summary>
public sealed class NestedDataTests
{
    private LocalSparkServer _server = null!;
    private SparkSession _spark = null!;

    private static readonly Basket[] Baskets =
    [
        new() { Id = 1, Items = ["a", "b"], Counts = [3, 1], Lines = [new BasketLine("a", 2, 1.5m, null), new BasketLine("b", 1, 2m, 0.5)], Stock = new() { ["a"] = 1 } },
        new() { Id = 2, Items = [], Counts = [], Lines = [], Stock = [] },
    ];

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await LocalSparkServer.StartAsync();
        _server.CreateTable("baskets", Baskets);
        _spark = SparkSession.Connect(_server.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
    }

    private ISparkQueryable<Basket> Table => _spark.Table<Basket>("baskets");

    private static IEnumerable<TestCaseData> Throwing()
    {
        yield return Case("max of an empty array", q => q.Select(b => b.Counts.Max()), "Sequence contains no elements");
        yield return Case("average of an empty array", q => q.Select(b => b.Counts.Average()), "Sequence contains no elements");
        yield return Case("first of an empty list", q => q.Select(b => b.Items.First()), "Sequence contains no elements");
        yield return Case("single of two elements", q => q.Select(b => b.Items.Single()), "Sequence contains more than one element");
        yield return Case("array index outside the array", q => q.Select(b => b.Counts[1]), "Index was outside the bounds of the array.");
        yield return Case("list index outside the list", q => q.Select(b => b.Items[2]), "Index was out of range.");
        yield return Case("missing dictionary key", q => q.Select(b => b.Stock["a"]), "The given key 'a' was not present in the dictionary.");
    }

    private static TestCaseData Case<T>(string name, Func<IQueryable<Basket>, IQueryable<T>> query, string message) =>
        new TestCaseData(new Func<IQueryable<Basket>, Task>(async q => await query(q).AsSparkQueryable().ToListAsync()), new Action(() => query(Baskets.AsQueryable()).ToList()), message)
            .SetArgDisplayNames(name);

    [TestCaseSource(nameof(Throwing))]
    public async Task Where_linq_to_objects_throws_the_query_fails_with_its_message(Func<IQueryable<Basket>, Task> run, Action objects, string message)
    {
        var expected = Assert.Catch(() => objects())!;
        Assert.That(expected.Message, Does.StartWith(message), "LINQ-to-Objects throws with this message");
        var error = (await Assert.ThrowsAsync<SparkException>(() => run(Table)))!;
        Assert.That(error.ErrorClass, Is.EqualTo("USER_RAISED_EXCEPTION"));
        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public async Task Guarded_forms_answer_instead()
    {
        var rows = await Table.OrderBy(b => b.Id).Select(b => new
        {
            Max = b.Counts.Any() ? b.Counts.Max() : -1,
            First = b.Items.FirstOrDefault(),
            Stock = b.Stock.GetValueOrDefault("a", -1),
            Index = b.Counts.ElementAtOrDefault(5),
        }).ToListAsync();
        Assert.That(rows.Select(r => (r.Max, r.First, r.Stock, r.Index)), Is.EqualTo(new[] { (3, "a", 1, 0), (-1, (string?)null, -1, 0) }));
    }

    [Test]
    public async Task Arrays_of_structs_and_maps_come_back_as_lists_of_records_and_dictionaries()
    {
        var rows = await Table.OrderBy(b => b.Id).Select(b => new
        {
            Lines = b.Lines.Where(l => l.Qty > 1).ToList(),
            Totals = b.Lines.Select(l => new { l.Sku, Total = l.Price * l.Qty }).ToArray(),
            b.Stock,
            Keys = b.Stock.Keys.ToList(),
        }).ToListAsync();
        Assert.That(rows[0].Lines, Is.EqualTo(new[] { new BasketLine("a", 2, 1.5m, null) }));
        Assert.That(rows[0].Totals.Select(t => (t.Sku, t.Total)), Is.EqualTo(new[] { ("a", 3.0m), ("b", 2.0m) }));
        Assert.That(rows[0].Stock, Is.EqualTo(new Dictionary<string, int> { ["a"] = 1 }));
        Assert.That(rows[0].Keys, Is.EqualTo(new[] { "a" }));
        Assert.That(rows[1].Lines, Is.Empty);
        Assert.That(rows[1].Stock, Is.Empty);
    }
}

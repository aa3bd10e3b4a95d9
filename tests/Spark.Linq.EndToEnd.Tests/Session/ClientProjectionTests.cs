using Spark.Connect.Local;
using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.Testing;

namespace Spark.Linq.EndToEnd.Tests.Session;

/// <summary>Final Selects evaluated partly on the client, run against the local server: values per execution, errors, streaming.</summary>
public sealed class ClientProjectionTests
{
    private LocalSparkServer _server = null!;
    private SparkSession _spark = null!;
    private SalesData _data = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _data = new SalesData(orderCount: 10);
        _server = await LocalSparkServer.StartAsync();
        _server.CreateTable("products", _data.Products);
        _spark = SparkSession.Connect(_server.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
    }

    private ISparkQueryable<Product> Products => _spark.Table<Product>("products");

    private static string Tag(string name, string prefix) => prefix + name;

    private static string Fail(string name) => throw new FormatException("cannot label " + name);

    [Test]
    public async Task Each_execution_of_a_cached_query_uses_its_own_captured_value()
    {
        Task<List<string>> Run(string prefix) => Products.OrderBy(p => p.Id).Select(p => Tag(p.Name, prefix)).ToListAsync();

        var first = await Run("a:");
        var second = await Run("b:");

        var names = _data.Products.OrderBy(p => p.Id).Select(p => p.Name).ToList();
        Assert.That(first, Is.EqualTo(names.Select(n => "a:" + n)));
        Assert.That(second, Is.EqualTo(names.Select(n => "b:" + n)));
    }

    [Test]
    public async Task An_exception_of_client_code_reaches_the_caller_as_it_is()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => Products.Select(p => Fail(p.Name)).ToListAsync());
        Assert.That(error!.Message, Does.StartWith("cannot label "));
    }

    [Test]
    public async Task Rows_stream_through_the_client_part_with_the_synchronous_and_async_enumerators()
    {
        var query = Products.Where(p => p.Price > 100m).Select(p => new { p.Id, Text = Tag(p.Category, "=") });
        var expected = _data.Products.Where(p => p.Price > 100m).Select(p => new { p.Id, Text = Tag(p.Category, "=") }).OrderBy(x => x.Id).ToList();

        var streamed = new List<(int, string)>();
        await foreach (var row in query.AsAsyncEnumerable()) streamed.Add((row.Id, row.Text));
        var enumerated = query.AsEnumerable().Select(r => (r.Id, r.Text)).ToList();

        Assert.That(streamed.OrderBy(r => r.Item1), Is.EqualTo(expected.Select(x => (x.Id, x.Text))));
        Assert.That(enumerated.OrderBy(r => r.Item1), Is.EqualTo(expected.Select(x => (x.Id, x.Text))));
    }

    [Test]
    public async Task The_raw_batches_hold_the_columns_fetched_for_the_client_part()
    {
        var batches = new List<Spark.Connect.Arrow.RecordBatch>();
        await foreach (var batch in Products.Select(p => Tag(p.Name, "x")).ToArrowBatchesAsync()) batches.Add(batch);

        Assert.That(batches.Select(b => string.Join(",", b.Schema.Fields.Select(f => f.Name))).Distinct(), Is.EqualTo(new[] { "Name" }));
    }
}

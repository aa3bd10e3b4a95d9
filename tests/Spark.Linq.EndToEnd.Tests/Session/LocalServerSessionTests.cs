using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Connect.Local;
using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.Testing;

namespace Spark.Linq.EndToEnd.Tests.Session;

/// <summary>What a Spark.Linq user meets beyond query results, through the real local server: schema and explain, errors, cancellation, tokens.</summary>
public sealed class LocalServerSessionTests
{
    private LocalSparkServer _server = null!;
    private SparkSession _spark = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await LocalSparkServer.StartAsync();
        _server.CreateTable("products", new SalesData(orderCount: 10).Products);
        _spark = SparkSession.Connect(_server.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Schema_of_a_projection_has_the_projected_names_and_Spark_types()
    {
        var schema = await _spark.Table<Product>("products").Select(p => new { p.Id, p.Name, Total = p.Price * 2 }).SchemaAsync();

        var fields = schema.Struct.Fields;
        Assert.That(fields.Select(f => f.Name), Is.EqualTo(new[] { "Id", "Name", "Total" }));
        Assert.That(fields[0].DataType.KindCase, Is.EqualTo(DataType.KindOneofCase.Integer));
        Assert.That(fields[1].DataType.KindCase, Is.EqualTo(DataType.KindOneofCase.String));
        Assert.That(fields[2].DataType.KindCase, Is.EqualTo(DataType.KindOneofCase.Decimal));
    }

    [Test]
    public async Task A_decimal_sum_keeps_the_scale_of_its_values_as_in_CSharp()
    {
        var prices = _spark.CreateDataFrame(new[] { 1.10m, 2.25m, 0.05m });

        var total = await prices.SumAsync();
        var byGroup = await prices.GroupBy(p => 1).Select(g => g.Sum(p => p)).SingleAsync();

        // Spark sums decimal(p,2) as decimal(p+10,2); nothing widens the scale on the way to C#.
        Assert.That((total, total.Scale), Is.EqualTo((3.40m, 2)));
        Assert.That((byGroup, byGroup.Scale), Is.EqualTo((3.40m, 2)));
    }

    /// <summary>A row whose enum is stored by name and whose price declares its decimal type.</summary>
    public sealed record Shift(
        int Id,
        [property: System.ComponentModel.DataAnnotations.Schema.Column(TypeName = "string")] DayOfWeek Day,
        [property: System.ComponentModel.DataAnnotations.Schema.Column(TypeName = "decimal(6,2)")] decimal Pay);

    [Test]
    public async Task Local_rows_store_an_enum_by_name_when_the_member_says_so_and_queries_compare_names()
    {
        var shifts = new[] { new Shift(1, DayOfWeek.Sunday, 10.5m), new Shift(2, DayOfWeek.Monday, 12m), new Shift(3, DayOfWeek.Sunday, 7.25m) };

        var sundays = await _spark.CreateDataFrame(shifts).Where(s => s.Day == DayOfWeek.Sunday).OrderBy(s => s.Id).ToListAsync();
        var pay = await _spark.CreateDataFrame(shifts).SumAsync(s => s.Pay);

        Assert.That(sundays, Is.EqualTo(shifts.Where(s => s.Day == DayOfWeek.Sunday).ToList()));
        Assert.That((pay, pay.Scale), Is.EqualTo((29.75m, 2)));
    }

    [Test]
    public async Task Explain_returns_the_engine_plan_of_the_query()
    {
        var text = await _spark.Table<Product>("products").Where(p => p.Price > 10m).ExplainAsync();
        Assert.That(text, Does.Contain("products").IgnoreCase);
        Assert.That(text, Does.Contain("FILTER").Or.Contain("Filter").Or.Contain("SCAN"));
    }

    [Test]
    public async Task A_missing_table_fails_with_Sparks_error_class()
    {
        var error = (await Assert.ThrowsAsync<SparkException>(() => _spark.Table<Product>("no_such_table").ToListAsync()))!;
        Assert.That(error.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(error.Message, Does.Contain("no_such_table"));
    }

    [Test]
    public async Task Division_by_zero_fails_as_Spark_does_instead_of_returning_null()
    {
        var zero = 0;
        var error = (await Assert.ThrowsAsync<SparkException>(() => _spark.Table<Product>("products").Select(p => p.Id / zero).ToListAsync()))!;
        Assert.That(error.ErrorClass, Is.EqualTo("DIVIDE_BY_ZERO"));
        Assert.That(await _spark.Table<Product>("products").CountAsync(), Is.EqualTo(25), "the session still works");
    }

    [Test]
    public async Task Cancelling_a_long_stream_stops_it_and_the_session_goes_on()
    {
        using var cancel = new CancellationTokenSource();
        var rows = 0;
        var query = _spark.Sql<Numbered>("SELECT a.id * 1000000 + b.id AS N FROM range(1000000) a, range(1000000) b");
        await Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in query.AsAsyncEnumerable().WithCancellation(cancel.Token))
            {
                if (++rows == 1000) await cancel.CancelAsync();
            }
        });
        Assert.That(rows, Is.EqualTo(1000));
        Assert.That(await _spark.Table<Product>("products").CountAsync(p => p.Price > 0m), Is.EqualTo(25));
    }

    [Test]
    public async Task A_token_protected_server_serves_the_right_token_and_refuses_a_wrong_one()
    {
        await using var guarded = await LocalSparkServer.StartAsync(new LocalSparkServerOptions { Token = "s3cret-token" });
        guarded.CreateTable("products", new SalesData(orderCount: 10).Products);

        await using var right = SparkSession.Connect(new SparkSessionOptions { ConnectionString = guarded.ConnectionString, Client = new() { AllowTokenWithoutTls = true } });
        Assert.That(await right.Table<Product>("products").CountAsync(), Is.EqualTo(25));

        var wrongString = guarded.ConnectionString.Replace("s3cret-token", "wrong-token", StringComparison.Ordinal);
        await using var wrong = SparkSession.Connect(new SparkSessionOptions { ConnectionString = wrongString, Client = new() { AllowTokenWithoutTls = true } });
        var error = (await Assert.CatchAsync(() => wrong.Table<Product>("products").CountAsync()))!;
        Assert.That(error.ToString(), Does.Contain("Unauthenticated").Or.Contain("token"));
        Assert.That(error.ToString(), Does.Not.Contain("s3cret-token").And.Not.Contain("wrong-token"));
    }

    public sealed class Numbered
    {
        public long N { get; set; }
    }
}

using System.ComponentModel.DataAnnotations.Schema;
using Spark.Connect.Protocol;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Testing.Tests;

/// <summary>
/// <c>ToSparkSql()</c> of queries over rows sent with the query, SQL with arguments and pivots, run back through the
/// local engine: the SQL must answer what the query answers. Values keep to what Spark SQL and DuckDB spell alike.
/// </summary>
public class SparkSqlSourcesOnLocalEngineTests
{
    private SparkTestSession _spark = null!;

    [SetUp]
    public async Task StartAsync() => _spark = await SparkTestSession.StartAsync(SparkTestTable.Of("sales", Sales()));

    [TearDown]
    public async Task StopAsync() => await _spark.DisposeAsync();

    [Test]
    public async Task Local_rows_with_typed_values_and_nulls_answer_alike()
    {
        var rows = Enumerable.Range(1, 12).Select(i => new Reading
        {
            Id = i, Sensor = i % 3 == 0 ? null : "s" + (i % 4), Value = i * 1.25m, Big = i * 10_000_000_000L, Ok = i % 2 == 0, Ratio = i / 8.0,
        }).ToList();

        await AssertSameRowsInOrder(_spark.Session.CreateDataFrame(rows).Where(r => r.Value > 3m && r.Ok).OrderByDescending(r => r.Big)
            .Select(r => new { r.Id, r.Sensor, r.Value, r.Big, r.Ratio }));
        await AssertSameRows(_spark.Session.CreateDataFrame(rows).GroupBy(r => r.Sensor).Select(g => new { Sensor = g.Key, Total = g.Sum(r => r.Value), Count = g.Count() }));
    }

    [Test]
    public async Task Local_rows_with_arrays_maps_and_structs_answer_alike()
    {
        var bundles = Enumerable.Range(1, 6).Select(i => new Bundle
        {
            Id = i,
            Tags = Enumerable.Range(0, i % 3).Select(t => $"t{t}'{i}").ToList(),
            Scores = Enumerable.Range(0, i % 2 + 1).ToDictionary(k => $"k{k}", k => k * i),
            Spot = new Point(i, -i),
        }).ToList();

        var (expected, actual) = await BothAsync(_spark.Session.CreateDataFrame(bundles).Where(b => b.Id > 1));

        Assert.That(actual.Select(Describe), Is.EquivalentTo(expected.Select(Describe)));
        static string Describe(Bundle b) =>
            $"{b.Id}|{string.Join(",", b.Tags)}|{string.Join(",", b.Scores.OrderBy(s => s.Key).Select(s => s.Key + "=" + s.Value))}|{b.Spot.X},{b.Spot.Y}";
    }

    [Test]
    public async Task Local_rows_joined_to_a_table_answer_alike()
    {
        var targets = new[] { new Target("eu", 100m), new Target("us", 250m) };

        await AssertSameRows(_spark.Table<Sale>("sales").Join(_spark.Session.CreateDataFrame(targets), s => s.Region, t => t.Region, (s, t) => new { s.Id, s.Amount, t.Goal })
            .Where(x => x.Amount < x.Goal));
    }

    [Test]
    public async Task Sql_with_arguments_answers_alike()
    {
        var query = _spark.Session.Sql<Sale>("SELECT * FROM sales WHERE Amount >= :minimum AND Region <> :region AND Id < :top", new { minimum = 40m, region = "apac", top = 30 });

        await AssertSameRows(query.Select(s => new { s.Id, s.Region }));
    }

    [Test]
    public async Task A_pivot_answers_what_grouping_by_hand_answers()
    {
        var aggregate = new Aggregate
        {
            Input = new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = "sales" } } },
            GroupType = Aggregate.Types.GroupType.Pivot,
            GroupingExpressions = { Column("Region") },
            AggregateExpressions = { new Expression { UnresolvedFunction = new Expression.Types.UnresolvedFunction { FunctionName = "sum", Arguments = { Column("Amount") } } } },
            Pivot = new Aggregate.Types.Pivot { Col = Column("Year"), Values = { new Literal { Integer = 2023 }, new Literal { Integer = 2024 } } },
        };
        var sql = QueryPlan.From(new Relation { Aggregate = aggregate }).ToSparkSql();
        TestContext.Out.WriteLine(sql);

        var rows = await _spark.Session.Sql<YearTotals>(sql).ToListAsync();

        var expected = Sales().GroupBy(s => s.Region).Select(g => new YearTotals
        {
            Region = g.Key,
            Y2023 = SumOrNull(g.Where(s => s.Year == 2023)),
            Y2024 = SumOrNull(g.Where(s => s.Year == 2024)),
        });
        Assert.That(rows.Select(r => (r.Region, r.Y2023, r.Y2024)), Is.EquivalentTo(expected.Select(r => (r.Region, r.Y2023, r.Y2024))));
        Assert.That(rows.Any(r => r.Y2023 is null || r.Y2024 is null), "a region missing a year proves the pivot keeps nulls");
        Assert.That(rows.Any(r => r.Y2023 is not null && r.Y2024 is not null), "a region with both years proves the grouping");
    }

    // SQL's sum over no rows is null, not LINQ's 0.
    private static decimal? SumOrNull(IEnumerable<Sale> sales) => sales.Any() ? sales.Sum(s => s.Amount) : null;

    private static Expression Column(string name) => new() { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = name } };

    private async Task AssertSameRowsInOrder<T>(ISparkQueryable<T> query)
    {
        var (expected, actual) = await BothAsync(query);
        Assert.That(actual, Is.EqualTo(expected));
    }

    private async Task AssertSameRows<T>(ISparkQueryable<T> query)
    {
        var (expected, actual) = await BothAsync(query);
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    private async Task<(List<T> Query, List<T> Sql)> BothAsync<T>(ISparkQueryable<T> query)
    {
        var sql = query.ToSparkSql();
        TestContext.Out.WriteLine(sql);
        var rows = await query.ToListAsync();
        var fromSql = await _spark.Session.Sql<T>(sql).ToListAsync();
        Assert.That(rows, Is.Not.Empty, "a query with no rows would prove nothing");
        return (rows, fromSql);
    }

    private static IEnumerable<Sale> Sales() => Enumerable.Range(1, 40).Select(i => new Sale
    {
        Id = i,
        Region = (i % 4) switch { 0 => "eu", 1 => "us", 2 => "apac", _ => "latam" },
        Year = i % 7 == 0 ? 2022 : 2023 + i / 3 % 2,
        Amount = i * 3.5m,
    }).Where(s => !(s.Region == "latam" && s.Year == 2024));

    public sealed class Sale
    {
        public int Id { get; set; }
        public string Region { get; set; } = "";
        public int Year { get; set; }
        public decimal Amount { get; set; }
    }

    public sealed class Reading
    {
        public int Id { get; set; }
        public string? Sensor { get; set; }
        public decimal Value { get; set; }
        public long Big { get; set; }
        public bool Ok { get; set; }
        public double Ratio { get; set; }
    }

    public sealed record Target(string Region, decimal Goal);

    public sealed class Bundle
    {
        public int Id { get; set; }
        public List<string> Tags { get; set; } = [];
        public Dictionary<string, int> Scores { get; set; } = [];
        public Point Spot { get; set; } = new(0, 0);
    }

    public sealed record Point(int X, int Y);

    public sealed class YearTotals
    {
        public string Region { get; set; } = "";
        [Column("2023")] public decimal? Y2023 { get; set; }
        [Column("2024")] public decimal? Y2024 { get; set; }
    }
}

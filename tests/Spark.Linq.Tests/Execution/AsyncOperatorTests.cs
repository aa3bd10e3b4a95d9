using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Connect.Arrow;
using Spark.Connect.ApacheArrow;

namespace Spark.Linq.Tests.Execution;

/// <summary>The async operators find the right Queryable overload, send its plan and read the answer.</summary>
public class AsyncOperatorTests : ScriptedServerTestBase
{
    public sealed record Sale(long Id, int Units, long? Cents, double Price, float Weight, decimal Total);

    private ISparkQueryable<Sale> Sales => Spark.Table<Sale>("shop.sales");

    private void AnswerScalar<T>(ArrowType type, T value) where T : unmanaged
    {
        var schema = new ArrowSchema([new ArrowField("value", type)]);
        var builder = new RecordBatchBuilder(schema);
        builder.Column<PrimitiveBuilder<T>>(0).Append(value);
        AnswerWith(schema, builder.Build());
    }

    private string SentAggregate() =>
        global::Spark.Linq.Plans.ExpressionPrinter.Print(Server.RequestsOf<ExecutePlanRequest>().Last().Plan.Root.Aggregate.AggregateExpressions.Single());

    [Test]
    public async Task Sum_overloads_for_each_numeric_type()
    {
        AnswerScalar(ArrowType.Int32, 12);
        Assert.That(await Sales.SumAsync(s => s.Units), Is.EqualTo(12));
        Assert.That(SentAggregate(), Is.EqualTo("CAST(coalesce(sum(Units), 0) AS integer) AS sum"));

        AnswerScalar(ArrowType.Int64, 34L);
        Assert.That(await Sales.SumAsync(s => s.Cents), Is.EqualTo(34L));
        Assert.That(await Sales.Select(s => s.Id).SumAsync(), Is.EqualTo(34L));

        AnswerScalar(ArrowType.Float64, 1.5);
        Assert.That(await Sales.SumAsync(s => s.Price), Is.EqualTo(1.5));

        AnswerScalar(ArrowType.Float32, 2.5f);
        Assert.That(await Sales.SumAsync(s => s.Weight), Is.EqualTo(2.5f));
    }

    [Test]
    public async Task Average_overloads_return_the_csharp_result_type()
    {
        AnswerScalar(ArrowType.Float64, 4.25);
        Assert.That(await Sales.AverageAsync(s => s.Units), Is.EqualTo(4.25));
        Assert.That(SentAggregate(), Is.EqualTo("avg(Units) AS average"));
        Assert.That(await Sales.AverageAsync(s => s.Cents), Is.EqualTo(4.25));

        var schema = new ArrowSchema([new ArrowField("value", ArrowType.Decimal128(38, 2))]);
        var builder = new RecordBatchBuilder(schema);
        builder.Column<Decimal128Builder>(0).Append(9.75m);
        AnswerWith(schema, builder.Build());
        Assert.That(await Sales.AverageAsync(s => s.Total), Is.EqualTo(9.75m));
        Assert.That(await Sales.SumAsync(s => s.Total), Is.EqualTo(9.75m));
    }

    [Test]
    public async Task Min_max_any_all_and_contains_run_on_spark()
    {
        AnswerScalar(ArrowType.Int32, 3);
        Assert.That(await Sales.MinAsync(s => s.Units), Is.EqualTo(3));
        Assert.That(await Sales.Select(s => s.Units).MaxAsync(), Is.EqualTo(3));

        var schema = new ArrowSchema([new ArrowField("value", ArrowType.Boolean)]);
        var builder = new RecordBatchBuilder(schema);
        builder.Column<BooleanBuilder>(0).Append(true);
        AnswerWith(schema, builder.Build());
        Assert.That(await Sales.AnyAsync(s => s.Units > 2), Is.True);
        Assert.That(await Sales.AllAsync(s => s.Units > 0), Is.True);
        Assert.That(await Sales.Select(s => s.Id).ContainsAsync(7L), Is.True);
        Assert.That(SentAggregate(), Is.EqualTo("(count(1) > 0) AS contains"));
    }

    [Test]
    public async Task Collections_and_raw_batches()
    {
        var schema = new ArrowSchema([new ArrowField("Id", ArrowType.Int64, nullable: false), new ArrowField("Name", ArrowType.Utf8)]);
        var builder = new RecordBatchBuilder(schema);
        foreach (var (id, name) in new[] { (1L, "a"), (2L, "b") })
        {
            builder.Column<PrimitiveBuilder<long>>(0).Append(id);
            builder.Column<Utf8Builder>(1).Append(name);
        }
        AnswerWith(schema, builder.Build());
        var named = Spark.Table<Person>("crm.people");

        Assert.That(await named.ToArrayAsync(), Is.EqualTo(new[] { new Person(1, "a"), new Person(2, "b") }));
        var byId = await named.ToDictionaryAsync(p => p.Id, p => p.Name);
        Assert.That(byId, Is.EqualTo(new Dictionary<long, string> { [1] = "a", [2] = "b" }));
        var batches = new List<RecordBatch>();
        await foreach (var batch in named.ToArrowBatchesAsync()) batches.Add(batch);
        Assert.That(batches.Sum(b => b.Length), Is.EqualTo(2));
        Assert.That(batches[0].Schema.Fields.Select(f => f.Name), Is.EqualTo(new[] { "Id", "Name" }));
    }

    [Test]
    public async Task Raw_batches_as_apache_arrow_batches()
    {
        var schema = new ArrowSchema([new ArrowField("Id", ArrowType.Int64, nullable: false), new ArrowField("Name", ArrowType.Utf8)]);
        var builder = new RecordBatchBuilder(schema);
        builder.Column<PrimitiveBuilder<long>>(0).Append(7);
        builder.Column<Utf8Builder>(1).Append((string?)null);
        builder.Column<PrimitiveBuilder<long>>(0).Append(8);
        builder.Column<Utf8Builder>(1).Append("h\u00e9");
        AnswerWith(schema, builder.Build());

        var rows = new List<(long?, string?)>();
        await foreach (var batch in Spark.Table<Person>("crm.people").ToArrowBatchesAsync().ToApacheArrow())
        {
            var ids = (Apache.Arrow.Int64Array)batch.Column("Id");
            var names = (Apache.Arrow.StringArray)batch.Column("Name");
            for (var i = 0; i < batch.Length; i++) rows.Add((ids.GetValue(i), names.GetString(i)));
        }
        Assert.That(rows, Is.EqualTo(new (long?, string?)[] { (7, null), (8, "h\u00e9") }));
    }

    public sealed record Person(long Id, string Name);
}

using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Connect.Arrow;
using Spark.Linq.Materialization;
using Spark.Linq.Mapping;

namespace Spark.Linq.Tests.LocalData;

/// <summary>CreateDataFrame offline: the LocalRelation it plans, read back with our Arrow reader.</summary>
public class CreateDataFrameTests : PlanTestBase
{
    private static LocalRelation LocalOf<T>(IQueryable<T> query)
    {
        var relation = query.ToRelation();
        while (relation.RelTypeCase != Relation.RelTypeOneofCase.LocalRelation)
        {
            relation = relation.RelTypeCase switch
            {
                Relation.RelTypeOneofCase.Filter => relation.Filter.Input,
                Relation.RelTypeOneofCase.Project => relation.Project.Input,
                _ => throw new AssertionException($"no LocalRelation under {relation.RelTypeCase}"),
            };
        }
        return relation.LocalRelation;
    }

    private static (ArrowSchema Schema, List<T> Rows) ReadBack<T>(LocalRelation local, ColumnNamingPolicy? naming = null)
    {
        var reader = new ArrowStreamReader(local.Data.Memory);
        var batches = reader.ReadAllBatches();
        return (reader.Schema, ArrowMaterializer<T>.For(reader.Schema, naming).ReadAll(batches));
    }

    [Test]
    public void Every_supported_type_is_written_as_arrow_that_reads_back_to_the_same_values()
    {
        var samples = Everything.Samples();

        var local = LocalOf(Spark.CreateDataFrame(samples));
        var (schema, rows) = ReadBack<Everything>(local);

        Everything.AssertSame(rows, samples);
        Assert.That(local.HasSchema, Is.False, "the Arrow stream carries the schema");
        var types = schema.Fields.ToDictionary(f => f.Name, f => f.Type.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(schema.Fields.Select(f => f.Name), Does.Contain("renamed").And.Not.Contains("Mapped").And.Not.Contains("Ignored"));
            Assert.That(types["Money"], Is.EqualTo(ArrowType.Decimal128(38, 1).ToString()), "scale = the largest scale present");
            Assert.That(types["MaybeMoney"], Is.EqualTo(ArrowType.Decimal128(38, 9).ToString()));
            Assert.That(types["At"], Is.EqualTo(ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC").ToString()));
            Assert.That(types["Wall"], Is.EqualTo(ArrowType.Timestamp(ArrowTimeUnit.Microsecond, null).ToString()), "Unspecified → timestamp_ntz");
            Assert.That(types["Span"], Is.EqualTo(ArrowType.Duration(ArrowTimeUnit.Microsecond).ToString()));
            Assert.That(types["Id"], Is.EqualTo(ArrowType.Utf8.ToString()));
            Assert.That(types["Tint"], Is.EqualTo(ArrowType.Int16.ToString()), "enums are their underlying integer");
            Assert.That(schema.Fields.Single(f => f.Name == "Number").Nullable, Is.False);
            Assert.That(schema.Fields.Single(f => f.Name == "Big").Nullable, Is.True);
        });
    }

    [Test]
    public void Unsigned_integers_widen_to_the_next_signed_type()
    {
        var local = LocalOf(Spark.CreateDataFrame(new[] { new Unsigned(255, 65535, uint.MaxValue, ulong.MaxValue), new Unsigned(0, 0, 0, null) }));

        var (schema, rows) = ReadBack<Widened>(local);

        Assert.That(schema.Fields.Select(f => f.Type.ToString()),
            Is.EqualTo(new[] { ArrowType.Int16, ArrowType.Int32, ArrowType.Int64, ArrowType.Decimal128(20, 0) }.Select(t => t.ToString())));
        Assert.That(rows, Is.EqualTo(new[] { new Widened(255, 65535, uint.MaxValue, ulong.MaxValue), new Widened(0, 0, 0, null) }));
    }

    [Test]
    public void Scalars_become_one_column_named_value()
    {
        var (schema, rows) = ReadBack<string?>(LocalOf(Spark.CreateDataFrame(new[] { "a", null, "c" })));

        Assert.That(schema.Fields.Single().Name, Is.EqualTo("value"));
        Assert.That(rows, Is.EqualTo(new[] { "a", null, "c" }));
        AssertPlan(Spark.CreateDataFrame(new[] { 1, 2, 3 }).Where(x => x > 1), """
            Filter (value > 1)
              LocalRelation [value: int32] (3 rows)
            """);
    }

    [Test]
    public void Where_and_select_translate_on_top_of_the_local_relation()
    {
        var query = Spark.CreateDataFrame(new[] { new Inner(1, "a"), new Inner(2, null) }).Where(e => e.Id > 1).Select(e => new { e.Label, Twice = e.Id * 2 });

        AssertPlan(query, """
            Project [Label AS Label, (Id * 2) AS Twice]
              Filter (Id > 1)
                LocalRelation [Id: int32, Label: utf8] (2 rows)
            """);
        Assert.That(ReadBack<Inner>(LocalOf(query)).Rows, Is.EqualTo(new[] { new Inner(1, "a"), new Inner(2, null) }));
    }

    [Test]
    public async Task Columns_follow_the_naming_policy()
    {
        var options = Options;
        await using var snake = SparkSession.Connect(new SparkSessionOptions
        {
            ConnectionString = options.ConnectionString, Client = options.Client, NamingPolicy = ColumnNamingPolicy.SnakeCase,
        });

        var (schema, rows) = ReadBack<SnakeRow>(LocalOf(snake.CreateDataFrame(new[] { new SnakeRow(1, "Ada") })), ColumnNamingPolicy.SnakeCase);

        Assert.That(schema.Fields.Select(f => f.Name), Is.EqualTo(new[] { "order_id", "customer_name" }));
        Assert.That(rows.Single(), Is.EqualTo(new SnakeRow(1, "Ada")));
    }

    [Test]
    public void The_rows_are_read_when_the_query_is_created()
    {
        var source = new List<Money> { new(1) };
        var query = Spark.CreateDataFrame(source);
        source.Add(new Money(2));

        Assert.That(ReadBack<Money>(LocalOf(query)).Rows, Is.EqualTo(new[] { new Money(1) }));
    }

    [Test]
    public void Unsupported_member_types_are_named_in_the_error()
    {
        var timeOnly = Assert.Throws<NotSupportedException>(() => Spark.CreateDataFrame(new[] { new WithTimeOnly(1, TimeOnly.MinValue) }));
        Assert.That(timeOnly!.Message, Does.Contain("WithTimeOnly.When").And.Contain("TimeOnly"));

        var loop = Assert.Throws<NotSupportedException>(() => Spark.CreateDataFrame(new[] { new Loop() }));
        Assert.That(loop!.Message, Does.Contain("Loop.Next").And.Contain("recursive"));

        var rows = Assert.Throws<NotSupportedException>(() => Spark.CreateDataFrame(new[] { new List<int> { 1 } }));
        Assert.That(rows!.Message, Does.Contain("List<int>"));
    }

    [Test]
    public void Values_that_cannot_be_stored_exactly_are_rejected()
    {
        var wide = Assert.Throws<ArgumentException>(() => Spark.CreateDataFrame(new[] { new Money(decimal.MaxValue), new Money(0.0000000001m) }));
        Assert.That(wide!.Message, Does.Contain("Money.Amount").And.Contain("38"));

        var mixed = Assert.Throws<ArgumentException>(() =>
            Spark.CreateDataFrame(new[] { new Stamp(DateTime.UtcNow), new Stamp(new DateTime(2020, 1, 1)) }));
        Assert.That(mixed!.Message, Does.Contain("Stamp.At").And.Contain("Unspecified"));

        var nullRow = Assert.Throws<ArgumentException>(() => Spark.CreateDataFrame(new Money[] { new(1), null! }));
        Assert.That(nullRow!.Message, Does.Contain("row 1"));
    }

    [Test]
    public void Local_queries_are_never_served_from_the_translation_cache()
    {
        var cache = ((Query.SparkQueryProvider)Orders.Provider).Cache;
        IQueryable<Money> Query(decimal amount) => Spark.CreateDataFrame(new[] { new Money(amount) }).Where(m => m.Amount > 0);

        var before = cache.Translations;
        var first = ReadBack<Money>(LocalOf(Query(1))).Rows;
        var second = ReadBack<Money>(LocalOf(Query(2))).Rows;

        Assert.That(first.Single().Amount, Is.EqualTo(1m));
        Assert.That(second.Single().Amount, Is.EqualTo(2m), "the second query must carry its own rows");
        Assert.That(cache.Translations - before, Is.EqualTo(2));
        Assert.That(cache.Hits, Is.Zero);
        Assert.That(cache.Count, Is.Zero);
    }

    [Test]
    public void Data_dependent_types_look_inside_nested_values()
    {
        var ledgers = new[]
        {
            new Ledger("a", [new Money(1.25m), new Money(-0.001m)], new() { ["x"] = [new DateTime(2020, 1, 1, 8, 0, 0)] }),
            new Ledger("b", null, null),
        };

        var (schema, rows) = ReadBack<Ledger>(LocalOf(Spark.CreateDataFrame(ledgers)));

        Assert.That(schema.Fields[1].ToString(), Does.Contain(ArrowType.Decimal128(38, 3).ToString()));
        Assert.That(schema.Fields[2].ToString(), Does.Contain(ArrowType.Timestamp(ArrowTimeUnit.Microsecond, null).ToString()));
        Assert.That(rows[0].Payments, Is.EqualTo(ledgers[0].Payments));
        Assert.That(rows[0].Times, Is.EqualTo(ledgers[0].Times));
        Assert.That(rows[1], Is.EqualTo(ledgers[1]));
    }

    /// <summary>A row whose members declare their Spark types, as for the local engine's tables.</summary>
    public sealed record Declared(
        [property: System.ComponentModel.DataAnnotations.Schema.Column(TypeName = "decimal(10,2)")] decimal Price,
        [property: System.ComponentModel.DataAnnotations.Schema.Column(TypeName = "string")] DayOfWeek Day,
        DayOfWeek Plain);

    [Test]
    public void Declared_decimal_precision_and_enums_stored_by_name_shape_the_columns()
    {
        var rows = new[] { new Declared(1.5m, DayOfWeek.Monday, DayOfWeek.Friday), new Declared(20m, DayOfWeek.Sunday, DayOfWeek.Sunday) };

        var (schema, _) = ReadBack<Declared>(LocalOf(Spark.CreateDataFrame(rows)));
        var types = schema.Fields.ToDictionary(f => f.Name, f => f.Type.ToString());

        Assert.That(types["Price"], Is.EqualTo(ArrowType.Decimal128(10, 2).ToString()), "the declared decimal(10,2), not the values' scale");
        Assert.That(types["Day"], Is.EqualTo(ArrowType.Utf8.ToString()), "an enum marked TypeName = string holds its name");
        Assert.That(types["Plain"], Is.EqualTo(ArrowType.Int32.ToString()));
        var reader = new ArrowStreamReader(LocalOf(Spark.CreateDataFrame(rows)).Data.Memory);
        var days = (StringColumn)reader.ReadAllBatches().Single().Columns[1];
        Assert.That(new[] { days.GetString(0), days.GetString(1) }, Is.EqualTo(new[] { "Monday", "Sunday" }));
    }

    [TestCase(1.234, "decimal places")]
    [TestCase(123456789.5, "integer digits")]
    public void A_value_that_does_not_fit_its_declared_decimal_is_refused_naming_the_member(double value, string reason)
    {
        var rows = new[] { new Declared((decimal)value, DayOfWeek.Monday, DayOfWeek.Monday) };
        var error = Assert.Throws<ArgumentException>(() => LocalOf(Spark.CreateDataFrame(rows)));
        Assert.That(error!.Message, Does.Contain("Price").And.Contain(reason));
    }
}

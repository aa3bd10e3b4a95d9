using Spark.Connect.Arrow;

namespace Spark.Linq.Tests.Execution;

/// <summary>Results at the edges: nothing but a schema, a million rows, and columns that don't fit the row type.</summary>
public class ResultEdgeTests : ScriptedServerTestBase
{
    private static readonly ArrowSchema Schema = new([
        new ArrowField("Id", ArrowType.Int64, nullable: false),
        new ArrowField("Region", ArrowType.Utf8),
        new ArrowField("Amount", ArrowType.Float64, nullable: false),
    ]);

    public sealed record Row(long Id, string? Region, double Amount);

    private ISparkQueryable<Row> Rows => Spark.Table<Row>("sales.orders");

    [Test]
    public async Task A_schema_only_result_is_an_empty_list_and_first_or_default_is_default()
    {
        AnswerWith(Schema);

        Assert.That(await Rows.ToListAsync(), Is.Empty);
        Assert.That(await Rows.FirstOrDefaultAsync(), Is.Null);
        Assert.That(await Rows.Select(r => r.Id).FirstOrDefaultAsync(), Is.Zero);
        var streamed = 0;
        await foreach (var _ in Rows.AsAsyncEnumerable()) streamed++;
        Assert.That(streamed, Is.Zero);
    }

    [Test]
    public async Task A_million_rows_stream_through_in_a_hundred_batches()
    {
        const int batchRows = 10_000, batches = 100;
        var batch = Batch(Schema, b =>
        {
            for (var i = 0; i < batchRows; i++)
            {
                b.Column<PrimitiveBuilder<long>>(0).Append(i);
                b.Column<Utf8Builder>(1).Append(i % 7 == 0 ? null : "r");
                b.Column<PrimitiveBuilder<double>>(2).Append(0.5);
            }
        });
        ReadOnlyMemory<byte> stream = ArrowStreamWriter.WriteToArray(Schema, [batch]);
        AnswerWithStreams(Enumerable.Repeat(stream, batches));

        long count = 0, idSum = 0, nullRegions = 0;
        double amountSum = 0;
        await foreach (var row in Rows.AsAsyncEnumerable())
        {
            count++;
            idSum += row.Id;
            amountSum += row.Amount;
            if (row.Region is null) nullRegions++;
        }

        Assert.That(count, Is.EqualTo(1_000_000));
        Assert.That(idSum, Is.EqualTo(batches * ((long)batchRows * (batchRows - 1) / 2)));
        Assert.That(amountSum, Is.EqualTo(500_000.0));
        Assert.That(nullRegions, Is.EqualTo(batches * ((batchRows + 6) / 7)));
    }

    [Test]
    public async Task A_column_of_the_wrong_type_names_the_column_and_both_types()
    {
        var wrong = new ArrowSchema([
            new ArrowField("Id", ArrowType.Int64, nullable: false),
            new ArrowField("Region", ArrowType.Utf8),
            new ArrowField("Amount", ArrowType.Utf8),
        ]);
        AnswerWith(wrong, Batch(wrong, b =>
        {
            b.Column<PrimitiveBuilder<long>>(0).Append(1);
            b.Column<Utf8Builder>(1).Append("a");
            b.Column<Utf8Builder>(2).Append("12.5");
        }));

        var error = await Assert.ThrowsAsync<SparkMaterializationException>(() => Rows.ToListAsync());

        Assert.That(error!.Column, Is.EqualTo("Amount"));
        Assert.That(error.Message, Does.Contain("Amount").And.Contain("double").IgnoreCase.And.Contain("utf8"));
    }

    [Test]
    public async Task A_missing_column_names_the_column_and_what_arrived()
    {
        var partial = new ArrowSchema([new ArrowField("Id", ArrowType.Int64, nullable: false), new ArrowField("Amount", ArrowType.Float64, nullable: false)]);
        AnswerWith(partial, Batch(partial, b =>
        {
            b.Column<PrimitiveBuilder<long>>(0).Append(1);
            b.Column<PrimitiveBuilder<double>>(1).Append(2);
        }));

        var error = await Assert.ThrowsAsync<SparkMaterializationException>(async () => { await foreach (var _ in Rows.AsAsyncEnumerable()) { } });

        Assert.That(error!.Message, Does.Contain("Region").And.Contain("Amount"));
    }
}

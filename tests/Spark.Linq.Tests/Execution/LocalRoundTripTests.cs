using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Linq.Tests.LocalData;

namespace Spark.Linq.Tests.Execution;

/// <summary>CreateDataFrame end to end: the server answers with the Arrow bytes of the LocalRelation it was sent.</summary>
public class LocalRoundTripTests : ScriptedServerTestBase
{
    [SetUp]
    public void EchoLocalRelations() =>
        Server.ExecutePlan.Always((request, _) =>
        [
            new ExecutePlanResponse { OperationId = request.OperationId, ResponseId = "data", ArrowBatch = new() { Data = LocalUnder(request.Plan.Root).Data } },
            new ExecutePlanResponse { ResponseId = "end", ResultComplete = new() },
        ]);

    private static LocalRelation LocalUnder(Relation relation) => relation.RelTypeCase switch
    {
        Relation.RelTypeOneofCase.LocalRelation => relation.LocalRelation,
        Relation.RelTypeOneofCase.Filter => LocalUnder(relation.Filter.Input),
        Relation.RelTypeOneofCase.Project => LocalUnder(relation.Project.Input),
        Relation.RelTypeOneofCase.Limit => LocalUnder(relation.Limit.Input),
        _ => throw new InvalidOperationException($"the echo server found no LocalRelation under {relation.RelTypeCase}"),
    };

    [Test]
    public async Task Rows_of_every_supported_type_come_back_equal()
    {
        var samples = Everything.Samples();

        var rows = await Spark.CreateDataFrame(samples).ToListAsync();

        Everything.AssertSame(rows, samples);
    }

    [Test]
    public async Task Unsigned_members_come_back_into_the_same_types()
    {
        var rows = new[] { new Unsigned(255, 65535, uint.MaxValue, ulong.MaxValue), new Unsigned(0, 0, 0, null) };

        var back = await Spark.CreateDataFrame(rows).ToListAsync();

        Assert.That(back, Is.EqualTo(rows));
    }

    [Test]
    public async Task Scalars_come_back_from_the_value_column()
    {
        var values = await Spark.CreateDataFrame(new long?[] { 1, null, long.MinValue }).ToListAsync();

        Assert.That(values, Is.EqualTo(new long?[] { 1, null, long.MinValue }));
    }

    [Test]
    public async Task A_filtered_local_query_sends_the_filter_over_the_same_rows()
    {
        var rows = new[] { new Inner(1, "a"), new Inner(2, "b") };
        var local = Spark.CreateDataFrame(rows);

        await local.Where(r => r.Id > 1).ToListAsync();

        var sent = Server.RequestsOf<ExecutePlanRequest>().Single().Plan.Root;
        Assert.That(sent.RelTypeCase, Is.EqualTo(Relation.RelTypeOneofCase.Filter));
        Assert.That(sent.Filter.Input.LocalRelation.Data, Is.EqualTo(local.ToRelation().LocalRelation.Data));
    }
}

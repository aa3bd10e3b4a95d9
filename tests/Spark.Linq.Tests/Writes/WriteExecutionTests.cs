using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Connect.TestServer;
using Spark.Linq.Tests.Execution;

namespace Spark.Linq.Tests.Writes;

/// <summary>The public write methods on a scripted server: one ExecutePlan carrying the command, and the server's error as a typed exception.</summary>
public sealed class WriteExecutionTests : ScriptedServerTestBase
{
    private static readonly Customer[] Rows = [new(1, "Ann", "NL"), new(2, "Bob", null)];

    [Test]
    public async Task A_write_sends_one_ExecutePlan_whose_plan_is_the_command()
    {
        Server.ExecutePlan.Always((request, _) => [new ExecutePlanResponse { OperationId = request.OperationId, ResponseId = "end", ResultComplete = new() }]);

        await Spark.CreateDataFrame(Rows).Where(c => c.Country != null).WriteToTableAsync("customers", SparkWriteMode.Append);

        var request = Server.RequestsOf<ExecutePlanRequest>().Single();
        Assert.That(request.Plan.OpTypeCase, Is.EqualTo(Plan.OpTypeOneofCase.Command));
        Assert.That(request.Plan.Command.WriteOperation.Table.TableName, Is.EqualTo("customers"));
        Assert.That(request.Plan.Command.WriteOperation.Mode, Is.EqualTo(WriteOperation.Types.SaveMode.Append));
        Assert.That(request.Plan.Command.WriteOperation.Input.RelTypeCase, Is.EqualTo(Relation.RelTypeOneofCase.Filter));
    }

    [Test]
    public async Task A_refused_write_throws_SparkException_with_the_error_class()
    {
        Server.ExecutePlan.FailOnce(ScriptedErrors.SparkError("[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table `customers`.",
            "TABLE_OR_VIEW_ALREADY_EXISTS", "42P07", new Dictionary<string, string> { ["relationName"] = "`customers`" }));

        var error = (await Assert.ThrowsAsync<SparkException>(() => Spark.CreateDataFrame(Rows).WriteToTableAsync("customers")))!;

        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("TABLE_OR_VIEW_ALREADY_EXISTS", "42P07")));
        Assert.That(error.MessageParameters["relationName"], Is.EqualTo("`customers`"));
    }

    [Test]
    public void A_refused_argument_throws_before_anything_is_sent()
    {
        // Thrown by the call itself, not by the returned task: the arguments are checked before any I/O.
        Assert.Throws<ArgumentException>(() => Spark.CreateDataFrame(Rows).CreateTempViewAsync(" "));
        Assert.That(Server.RequestsOf<ExecutePlanRequest>(), Is.Empty);
    }
}

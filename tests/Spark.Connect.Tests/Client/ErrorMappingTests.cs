using NUnit.Framework;
using Spark.Connect.Transport;
using static Spark.Connect.Tests.Client.ClientTestKit;
using ErrorDetails = Spark.Connect.Protocol.FetchErrorDetailsResponse.Types;

namespace Spark.Connect.Tests.Client;

public class ErrorMappingTests
{
    private FakeTransport _transport = null!;

    [SetUp]
    public void SetUp()
    {
        _transport = new FakeTransport();
        _transport.OnUnary(SparkConnectMethods.ReleaseExecute, r => new ReleaseExecuteResponse());
        _transport.OnUnary(SparkConnectMethods.Interrupt, r => new InterruptResponse());
    }

    [Test]
    public async Task An_error_id_fetches_the_full_cause_chain()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([], SparkError("[TABLE_OR_VIEW_NOT_FOUND] trunc…", "TABLE_OR_VIEW_NOT_FOUND", "42P01", "err-1")));
        _transport.OnUnary(SparkConnectMethods.FetchErrorDetails, r => new FetchErrorDetailsResponse
        {
            RootErrorIdx = 0,
            Errors =
            {
                new ErrorDetails.Error
                {
                    Message = "[TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found.",
                    ErrorTypeHierarchy = { "org.apache.spark.sql.AnalysisException" },
                    CauseIdx = 1,
                    SparkThrowable = new ErrorDetails.SparkThrowable { ErrorClass = "TABLE_OR_VIEW_NOT_FOUND", SqlState = "42P01", MessageParameters = { ["relationName"] = "`nope`" } },
                },
                new ErrorDetails.Error { Message = "root cause", ErrorTypeHierarchy = { "java.lang.IllegalStateException" } },
            },
        });
        var client = NewClient(_transport);

        var error = await Assert.ThrowsAsync<SparkException>(async () => await client.ExecutePlanAsync(RangePlan()).ToListAsync());

        Assert.That(error!.Message, Is.EqualTo("[TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found."), "the untruncated message");
        Assert.That(error.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(error.SqlState, Is.EqualTo("42P01"));
        Assert.That(error.MessageParameters["relationName"], Is.EqualTo("`nope`"));
        Assert.That(error.ErrorId, Is.EqualTo("err-1"));
        Assert.That(error.InnerException, Is.TypeOf<SparkException>());
        Assert.That(error.InnerException!.Message, Is.EqualTo("root cause"));
        Assert.That(((SparkException)error.InnerException).ErrorTypeHierarchy, Is.EqualTo(new[] { "java.lang.IllegalStateException" }));
        Assert.That(_transport.Requests<FetchErrorDetailsRequest>("FetchErrorDetails").Single().ErrorId, Is.EqualTo("err-1"));
    }

    [Test]
    public async Task Without_an_error_id_the_error_info_metadata_is_used()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([], SparkError("[DIVIDE_BY_ZERO] Division by zero.", "DIVIDE_BY_ZERO", "22012",
            messageParameters: "{\"config\":\"\\\"spark.sql.ansi.enabled\\\"\"}")));
        var client = NewClient(_transport);

        var error = await Assert.ThrowsAsync<SparkException>(async () => await client.ExecutePlanAsync(RangePlan()).ToListAsync());

        Assert.That(error!.Message, Is.EqualTo("[DIVIDE_BY_ZERO] Division by zero."));
        Assert.That(error.ErrorClass, Is.EqualTo("DIVIDE_BY_ZERO"));
        Assert.That(error.SqlState, Is.EqualTo("22012"));
        Assert.That(error.MessageParameters["config"], Is.EqualTo("\"spark.sql.ansi.enabled\""));
        Assert.That(error.ErrorTypeHierarchy[0], Is.EqualTo("org.apache.spark.sql.AnalysisException"));
        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(_transport.Requests<FetchErrorDetailsRequest>("FetchErrorDetails"), Is.Empty);
    }

    [Test]
    public async Task A_failing_fetch_falls_back_to_the_status_details()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([], SparkError("[X] short", "X_CLASS", "XX000", "err-2")));
        _transport.OnUnary(SparkConnectMethods.FetchErrorDetails, FetchErrorDetailsResponse (r) => throw new GrpcException(GrpcStatusCode.Unimplemented, "old server"));
        var client = NewClient(_transport);

        var error = await Assert.ThrowsAsync<SparkException>(async () => await client.ExecutePlanAsync(RangePlan()).ToListAsync());

        Assert.That(error!.ErrorClass, Is.EqualTo("X_CLASS"));
        Assert.That(error.Message, Is.EqualTo("[X] short"));
    }

    [Test]
    public void A_cyclic_cause_chain_from_the_server_ends()
    {
        var details = new FetchErrorDetailsResponse
        {
            RootErrorIdx = 0,
            Errors = { new ErrorDetails.Error { Message = "a", CauseIdx = 1 }, new ErrorDetails.Error { Message = "b", CauseIdx = 0 } },
        };

        var error = SparkErrorConverter.FromDetails(details, GrpcStatusCode.Internal, "id");

        Assert.That(error!.Message, Is.EqualTo("a"));
        Assert.That(error.InnerException!.Message, Is.EqualTo("b"));
        Assert.That(error.InnerException.InnerException, Is.Null);
    }

    [TestCase(-1)]
    [TestCase(2)]
    public void An_out_of_range_root_index_is_rejected(int root)
    {
        var details = new FetchErrorDetailsResponse { RootErrorIdx = root, Errors = { new ErrorDetails.Error { Message = "a" }, new ErrorDetails.Error { Message = "b" } } };
        Assert.That(SparkErrorConverter.FromDetails(details, GrpcStatusCode.Internal, null), Is.Null);
    }

    [Test]
    public void An_out_of_range_cause_index_ends_the_chain()
    {
        var details = new FetchErrorDetailsResponse { RootErrorIdx = 0, Errors = { new ErrorDetails.Error { Message = "a", CauseIdx = 99 } } };
        var error = SparkErrorConverter.FromDetails(details, GrpcStatusCode.Internal, null);
        Assert.That(error!.InnerException, Is.Null);
    }

    [Test]
    public async Task Malformed_metadata_json_does_not_hide_the_error()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([], SparkError("[E] boom", "E", "XX000", messageParameters: "{not json")));
        var client = NewClient(_transport);

        var error = await Assert.ThrowsAsync<SparkException>(async () => await client.ExecutePlanAsync(RangePlan()).ToListAsync());

        Assert.That(error!.ErrorClass, Is.EqualTo("E"));
        Assert.That(error.MessageParameters, Is.Empty);
    }

    [Test]
    public async Task A_status_without_error_info_stays_a_transport_error()
    {
        _transport.OnUnary(SparkConnectMethods.AnalyzePlan, AnalyzePlanResponse (r) => throw new GrpcException(GrpcStatusCode.PermissionDenied, "no access"));
        var client = NewClient(_transport);

        var error = await Assert.ThrowsAsync<GrpcException>(() => client.SparkVersionAsync());

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.PermissionDenied));
    }

    [Test]
    public async Task Unary_calls_are_retried_on_unavailable()
    {
        var waits = new List<TimeSpan>();
        var calls = 0;
        _transport.OnUnary(SparkConnectMethods.AnalyzePlan, r =>
            ++calls < 3 ? throw Unavailable() : new AnalyzePlanResponse { SparkVersion = new() { Version = "4.0.0" } });
        var client = NewClient(_transport, waits);

        Assert.That(await client.SparkVersionAsync(), Is.EqualTo("4.0.0"));
        Assert.That(calls, Is.EqualTo(3));
        Assert.That(waits, Has.Count.EqualTo(2));
    }
}

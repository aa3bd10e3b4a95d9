using Spark.Connect.Transport;

namespace Spark.Connect;

public sealed partial class SparkConnectClient
{
    /// <summary>The schema <paramref name="plan"/> would produce (a struct <see cref="DataType"/>), without running it.</summary>
    public async Task<DataType> SchemaAsync(Plan plan, CancellationToken cancellationToken = default)
    {
        var response = await AnalyzePlanAsync(new AnalyzePlanRequest { Schema = new() { Plan = plan } }, cancellationToken).ConfigureAwait(false);
        return Expect(response, AnalyzePlanResponse.ResultOneofCase.Schema).Schema.Schema_;
    }

    /// <summary>The server's explanation of how it would run <paramref name="plan"/>.</summary>
    public async Task<string> ExplainAsync(Plan plan, AnalyzePlanRequest.Types.Explain.Types.ExplainMode mode = AnalyzePlanRequest.Types.Explain.Types.ExplainMode.Simple,
        CancellationToken cancellationToken = default)
    {
        var request = new AnalyzePlanRequest { Explain = new() { Plan = plan, ExplainMode = mode } };
        var response = await AnalyzePlanAsync(request, cancellationToken).ConfigureAwait(false);
        return Expect(response, AnalyzePlanResponse.ResultOneofCase.Explain).Explain.ExplainString;
    }

    /// <summary>The schema of <paramref name="plan"/> as a printable tree, down to <paramref name="level"/> if given.</summary>
    public async Task<string> TreeStringAsync(Plan plan, int? level = null, CancellationToken cancellationToken = default)
    {
        var treeString = new AnalyzePlanRequest.Types.TreeString { Plan = plan };
        if (level is { } depth) treeString.Level = depth;
        var response = await AnalyzePlanAsync(new AnalyzePlanRequest { TreeString = treeString }, cancellationToken).ConfigureAwait(false);
        return Expect(response, AnalyzePlanResponse.ResultOneofCase.TreeString).TreeString.TreeString_;
    }

    /// <summary>The server's Spark version string, e.g. <c>4.0.0</c>.</summary>
    public async Task<string> SparkVersionAsync(CancellationToken cancellationToken = default)
    {
        var response = await AnalyzePlanAsync(new AnalyzePlanRequest { SparkVersion = new() }, cancellationToken).ConfigureAwait(false);
        return Expect(response, AnalyzePlanResponse.ResultOneofCase.SparkVersion).SparkVersion.Version;
    }

    /// <summary>
    /// The Spark version, asked once (no retries) with <paramref name="timeout"/> as the call's deadline: what a health
    /// check needs to tell a server that answers now from one that does not.
    /// </summary>
    internal async Task<string> ProbeSparkVersionAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var request = Session.Stamp(new AnalyzePlanRequest { SparkVersion = new() });
        var response = await CallAsync(SparkConnectMethods.AnalyzePlan, request, cancellationToken, timeout, retry: false).ConfigureAwait(false);
        Session.Observe(response.ServerSideSessionId);
        return Expect(response, AnalyzePlanResponse.ResultOneofCase.SparkVersion).SparkVersion.Version;
    }

    /// <summary>A hash of <paramref name="plan"/>'s meaning: equal for plans the server considers the same.</summary>
    public async Task<int> SemanticHashAsync(Plan plan, CancellationToken cancellationToken = default)
    {
        var response = await AnalyzePlanAsync(new AnalyzePlanRequest { SemanticHash = new() { Plan = plan } }, cancellationToken).ConfigureAwait(false);
        return Expect(response, AnalyzePlanResponse.ResultOneofCase.SemanticHash).SemanticHash.Result;
    }

    /// <summary>Whether the server considers two plans to compute the same result.</summary>
    public async Task<bool> SameSemanticsAsync(Plan target, Plan other, CancellationToken cancellationToken = default)
    {
        var request = new AnalyzePlanRequest { SameSemantics = new() { TargetPlan = target, OtherPlan = other } };
        var response = await AnalyzePlanAsync(request, cancellationToken).ConfigureAwait(false);
        return Expect(response, AnalyzePlanResponse.ResultOneofCase.SameSemantics).SameSemantics.Result;
    }

    /// <summary>Parses a DDL string such as <c>id BIGINT, name STRING</c> into a <see cref="DataType"/> on the server.</summary>
    public async Task<DataType> ParseDdlAsync(string ddl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ddl);
        var response = await AnalyzePlanAsync(new AnalyzePlanRequest { DdlParse = new() { DdlString = ddl } }, cancellationToken).ConfigureAwait(false);
        return Expect(response, AnalyzePlanResponse.ResultOneofCase.DdlParse).DdlParse.Parsed;
    }

    // A server that answers a different question than asked is broken; say so instead of returning defaults.
    private static AnalyzePlanResponse Expect(AnalyzePlanResponse response, AnalyzePlanResponse.ResultOneofCase expected) =>
        response.ResultCase == expected
            ? response
            : throw new SparkException(
                $"The server answered an AnalyzePlan {expected} request with {response.ResultCase}; it does not follow the Spark Connect protocol.",
                statusCode: Spark.Connect.Transport.GrpcStatusCode.Internal);
}

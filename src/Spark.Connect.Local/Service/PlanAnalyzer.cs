using System.Security.Cryptography;
using System.Text;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Rendering;
using Spark.Connect.Local.Planning.Resolution;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Service;

/// <summary>Answers AnalyzePlan for one session: schema, explain, tree string, version and plan comparisons.</summary>
internal sealed class PlanAnalyzer(DuckDbArrowConverter converter)
{
    /// <summary>What <c>spark.version</c> reports: Spark's protocol level, marked as this DuckDB-backed engine.</summary>
    internal const string SparkVersion = "4.0.0-local-duckdb";

    internal async Task<AnalyzePlanResponse> AnalyzeAsync(LocalSession session, AnalyzePlanRequest request, CancellationToken cancellationToken)
    {
        var response = new AnalyzePlanResponse();
        switch (request.AnalyzeCase)
        {
            case AnalyzePlanRequest.AnalyzeOneofCase.Schema:
                var schema = await WithConnectionAsync(session, on => SchemaOf(on, request.Schema.Plan), cancellationToken).ConfigureAwait(false);
                response.Schema = new AnalyzePlanResponse.Types.Schema { Schema_ = schema };
                break;
            case AnalyzePlanRequest.AnalyzeOneofCase.TreeString:
                var tree = await WithConnectionAsync(session, on => SchemaOf(on, request.TreeString.Plan), cancellationToken).ConfigureAwait(false);
                response.TreeString = new AnalyzePlanResponse.Types.TreeString
                {
                    TreeString_ = SparkSchema.TreeString(tree, request.TreeString.HasLevel ? request.TreeString.Level : null),
                };
                break;
            case AnalyzePlanRequest.AnalyzeOneofCase.Explain:
                var extended = request.Explain.ExplainMode == AnalyzePlanRequest.Types.Explain.Types.ExplainMode.Extended;
                var explain = await WithConnectionAsync(session, on => Explain(on, request.Explain.Plan, extended), cancellationToken).ConfigureAwait(false);
                response.Explain = new AnalyzePlanResponse.Types.Explain { ExplainString = explain };
                break;
            case AnalyzePlanRequest.AnalyzeOneofCase.SparkVersion:
                response.SparkVersion = new AnalyzePlanResponse.Types.SparkVersion { Version = SparkVersion };
                break;
            case AnalyzePlanRequest.AnalyzeOneofCase.IsLocal:
                response.IsLocal = new AnalyzePlanResponse.Types.IsLocal { IsLocal_ = IsLocal(request.IsLocal.Plan) };
                break;
            case AnalyzePlanRequest.AnalyzeOneofCase.IsStreaming:
                response.IsStreaming = new AnalyzePlanResponse.Types.IsStreaming { IsStreaming_ = false };
                break;
            case AnalyzePlanRequest.AnalyzeOneofCase.SameSemantics:
                var (target, other) = await WithConnectionAsync(session, on => (
                    Fingerprint(on, request.SameSemantics.TargetPlan), Fingerprint(on, request.SameSemantics.OtherPlan)), cancellationToken).ConfigureAwait(false);
                response.SameSemantics = new AnalyzePlanResponse.Types.SameSemantics { Result = target == other };
                break;
            case AnalyzePlanRequest.AnalyzeOneofCase.SemanticHash:
                var fingerprint = await WithConnectionAsync(session, on => Fingerprint(on, request.SemanticHash.Plan), cancellationToken).ConfigureAwait(false);
                response.SemanticHash = new AnalyzePlanResponse.Types.SemanticHash
                {
                    Result = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)), 0),
                };
                break;
            case AnalyzePlanRequest.AnalyzeOneofCase.DdlParse:
                // PySpark parses a DDL schema string here before sending createDataFrame's LocalRelation.
                response.DdlParse = new AnalyzePlanResponse.Types.DDLParse { Parsed = DdlText.Parse(request.DdlParse.DdlString) };
                break;
            case AnalyzePlanRequest.AnalyzeOneofCase.Persist:
            case AnalyzePlanRequest.AnalyzeOneofCase.Unpersist:
            case AnalyzePlanRequest.AnalyzeOneofCase.GetStorageLevel:
                PersistedPlans.Answer(session.Persisted, request, response);
                break;
            default:
                throw SparkErrors.Unsupported($"the AnalyzePlan request '{request.AnalyzeCase}'");
        }
        return response;
    }

    // Like an operation: the session's connection when free, else a side connection for read-only work of a
    // session without temporary state (so analyzing while a result is being read does not wait), else wait.
    private static async Task<T> WithConnectionAsync<T>(LocalSession session, Func<IPlanningSession, T> work, CancellationToken cancellationToken)
    {
        var owner = new object();
        if (!session.TryTakeConnection(owner, out var lease) && session.TryOpenSideConnection() is { } side)
        {
            using (side)
            using (cancellationToken.Register(side.Interrupt))
            {
                try
                {
                    return await Task.Run(() => work(side), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception error) when (NeedsSessionConnectionException.IsIn(error))
                {
                    // Falls through to the session's connection.
                }
            }
        }
        using var held = lease ?? await session.AcquireConnectionAsync(owner, cancellationToken).ConfigureAwait(false);
        using var interrupt = cancellationToken.Register(() => session.InterruptIfRunning(owner));
        return await Task.Run(() =>
        {
            session.ApplyConfig();
            return work(session);
        }, CancellationToken.None).ConfigureAwait(false);
    }

    private static PlannedQuery PlanForAnalysis(IPlanningSession session, Plan plan)
    {
        if (plan.OpTypeCase == Plan.OpTypeOneofCase.Command)
            throw SparkErrors.Unsupported("analyzing a command (commands run only through ExecutePlan)");
        var query = ResultProducer.PlanRoot(session, plan);
        if (!SideConnection.IsReadOnly(query.Sql))
        {
            if (session is SideConnection)
                throw new NeedsSessionConnectionException();
            ((LocalSession)session).MarkTemporaryState();
        }
        return query;
    }

    // The resolver types the plan without running it: analysing an expensive query costs its planning only.
    // A DDL statement's result (a LocalRelation of no columns) has the empty schema Spark reports for it.
    private static DataType SchemaOf(IPlanningSession session, Plan plan) =>
        plan.Root is { RelTypeCase: Relation.RelTypeOneofCase.LocalRelation } root && PlanRunner.HasNoColumns(root.LocalRelation)
            ? new DataType { Struct = new DataType.Types.Struct() }
            : PlanForAnalysis(session, plan).Schema ?? throw new InvalidOperationException("A relation was planned without a schema.");

    /// <summary>
    /// Spark's explain layout: <c>== Physical Plan ==</c> (DuckDB's plan of the statement; EXPLAIN plans, it does not
    /// run); in extended mode first <c>== Analyzed Logical Plan ==</c>, the resolved plan, and last the DuckDB SQL.
    /// </summary>
    private string Explain(IPlanningSession session, Plan plan, bool extended)
    {
        var query = PlanForAnalysis(session, plan);
        using var statement = LocalPlanner.Prepare(session.Connection, query with { Sql = "EXPLAIN " + query.Sql });
        using var result = statement.Execute();
        var text = new StringBuilder();
        if (extended && query.Resolved is { } resolved)
            text.Append("== Analyzed Logical Plan ==\n").Append(PlanText.Schema(resolved)).Append('\n').Append(PlanText.Render(resolved)).Append('\n');
        text.Append("== Physical Plan ==\n");
        foreach (var batch in converter.ReadBatches(result))
        {
            var values = batch.Columns[^1] as StringColumn;
            for (var row = 0; values is not null && row < batch.Length; row++)
                text.Append(values.GetString(row)).Append('\n');
        }
        if (extended)
            text.Append("\n== DuckDB SQL ==\n").Append(query.Sql).Append('\n');
        return text.ToString();
    }

    private static string Fingerprint(IPlanningSession session, Plan plan)
    {
        var query = PlanForAnalysis(session, plan);
        return query.Sql + "\u0000" + string.Join("\u0000", query.Parameters.Select(p => p.ToString()));
    }

    // Spark's Dataset.isLocal: the analyzed plan is local data, or a command's result (SQL that is not a query,
    // such as SHOW TABLES, runs eagerly and its rows are local).
    private static bool IsLocal(Plan plan) =>
        plan.OpTypeCase == Plan.OpTypeOneofCase.Root && plan.Root.RelTypeCase switch
        {
            Relation.RelTypeOneofCase.LocalRelation => true,
            Relation.RelTypeOneofCase.Sql => !SqlStatementKind.IsQuery(plan.Root.Sql.Query),
            _ => false,
        };
}

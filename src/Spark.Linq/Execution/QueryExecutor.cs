using System.Runtime.CompilerServices;
using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Connect.Arrow;
using Spark.Linq.Translation;

namespace Spark.Linq.Execution;

/// <summary>
/// Runs translated queries: sends the plan through the session's client, decodes each Arrow batch as
/// it arrives and hands it to a materializer compiled for the result type and the batch's schema.
/// Memory is bounded by one batch; the first rows are available after the first batch.
/// </summary>
internal sealed class QueryExecutor(SparkSession session)
{
    /// <summary>The decoded record batches of <paramref name="query"/>, in arrival order.</summary>
    public async IAsyncEnumerable<RecordBatch> BatchesAsync(TranslatedQuery query, IProgress<SparkProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var plan = new Plan { Root = query.Relation };
        // Chosen here so the plan logged at Debug carries the id the client's start and end lines and the span carry.
        var execution = new ExecutePlanOptions { OperationId = Guid.NewGuid().ToString() };
        QueryLog.Planned(session, execution.OperationId, query.Relation);
        await foreach (var response in session.Client.ExecutePlanAsync(plan, execution, cancellationToken).ConfigureAwait(false))
        {
            switch (response.ResponseTypeCase)
            {
                case ExecutePlanResponse.ResponseTypeOneofCase.ArrowBatch:
                    var reader = new ArrowStreamReader(response.ArrowBatch.Data.Memory);
                    while (reader.ReadNextBatch() is { } batch) yield return batch;
                    break;
                case ExecutePlanResponse.ResponseTypeOneofCase.ExecutionProgress when progress is not null:
                    progress.Report(SparkProgress.From(response.ExecutionProgress));
                    break;
            }
        }
    }

    /// <summary>The rows of <paramref name="query"/>, batch by batch.</summary>
    public async IAsyncEnumerable<T> RowsAsync<T>(TranslatedQuery query, IProgress<SparkProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new List<T>();
        await foreach (var batch in BatchesAsync(query, progress, cancellationToken).ConfigureAwait(false))
        {
            buffer.Clear();
            Materialization.ResultRows.AppendTo(query, batch, session.QueryOptions.NamingPolicy, buffer);
            foreach (var row in buffer)
            {
                // A batch holds thousands of rows: a caller that cancels mid-batch stops at the next row, not the next batch.
                cancellationToken.ThrowIfCancellationRequested();
                yield return row;
            }
        }
    }

    /// <summary>
    /// Every row of <paramref name="query"/> in one list. Each batch is materialized straight into it, room made once
    /// per batch from its row count, instead of handing rows one by one through <see cref="RowsAsync{T}"/> (an async
    /// step per row); cancellation is seen between batches, a millisecond or so apart.
    /// </summary>
    public async Task<List<T>> ListAsync<T>(TranslatedQuery query, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await foreach (var batch in BatchesAsync(query, null, cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.EnsureCapacity(rows.Count + batch.Length);
            Materialization.ResultRows.AppendTo(query, batch, session.QueryOptions.NamingPolicy, rows);
        }
        return rows;
    }

    /// <summary>Runs a query that ends in a terminal operator and reads its single result as LINQ would.</summary>
    public async Task<TResult> ResultAsync<TResult>(TranslatedQuery query, CancellationToken cancellationToken)
    {
        // Min/Max/Average of nothing arrive as null; read them as T? so the empty case is LINQ's error, not a binding error.
        if (query.ResultKind == QueryResultKind.ScalarNonEmpty)
            return await ((Task<TResult>)NonEmptyScalar.MakeGenericMethod(typeof(TResult)).Invoke(this, [query, cancellationToken])!).ConfigureAwait(false);
        return ResultReader.Read(query.ResultKind, await FirstRowsAsync<TResult>(query, cancellationToken).ConfigureAwait(false));
    }

    private static readonly System.Reflection.MethodInfo NonEmptyScalar =
        typeof(QueryExecutor).GetMethod(nameof(NonEmptyScalarAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    private async Task<T> NonEmptyScalarAsync<T>(TranslatedQuery query, CancellationToken cancellationToken) where T : struct
    {
        var rows = await FirstRowsAsync<T?>(query, cancellationToken).ConfigureAwait(false);
        return rows.Count > 0 && rows[0] is { } value ? value : throw ResultReader.NoElements();
    }

    /// <summary>Up to three rows: enough for every terminal operator to tell none, one and several apart.</summary>
    private async Task<List<T>> FirstRowsAsync<T>(TranslatedQuery query, CancellationToken cancellationToken)
    {
        var rows = new List<T>(3);
        await foreach (var row in RowsAsync<T>(query, null, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
            if (rows.Count > 2) break;
        }
        return rows;
    }
}

using Spark.Connect.Arrow;
using Spark.Linq.Translation;

namespace Spark.Linq.Materialization;

/// <summary>Turns the batches of a translated query into its results: bound by the result type, or by the client part of its final Select.</summary>
internal static class ResultRows
{
    /// <summary>Appends one result per row of <paramref name="batch"/> to <paramref name="results"/>.</summary>
    public static void AppendTo<T>(TranslatedQuery query, RecordBatch batch, ColumnNamingPolicy naming, List<T> results)
    {
        if (query.Client is { } client)
            client.AppendTo(batch, naming, results);
        else
            ArrowMaterializer<T>.For(batch.Schema, naming).AppendTo(batch, results);
    }
}

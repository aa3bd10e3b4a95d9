using Spark.Connect.Protocol;
using Spark.Linq.Query;
using Spark.Linq.Translation;

namespace Spark.Linq.Writes;

/// <summary>
/// The query a write or a view sends as its <c>input</c>: translated as any query (same cache, same naming), and
/// refused when its final Select runs partly on the client, since a command carries only what Spark computes.
/// </summary>
internal sealed record WriteInput(SparkSession Session, TranslatedQuery Query)
{
    public Relation Relation => Query.Relation;

    public static WriteInput Of<T>(ISparkQueryable<T> source, string operation)
    {
        ArgumentNullException.ThrowIfNull(source);
        var provider = source.Provider as SparkQueryProvider
            ?? throw new ArgumentException("This query is not a Spark.Linq query; start it from SparkSession.Table<T>(), Sql<T>() or CreateDataFrame.", nameof(source));
        var translated = provider.Translate(source.Expression);
        if (translated.Client is not null)
            throw new ArgumentException(
                $"{operation} sends the query to Spark, but its final Select runs partly on the client (it calls code Spark can't run), so Spark would " +
                "write other columns than the query returns. Make the Select translatable (only columns and Spark functions), or write the query before that Select.",
                nameof(source));
        return new WriteInput(provider.Session, translated);
    }
}

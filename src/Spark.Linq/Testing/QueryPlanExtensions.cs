using Spark.Linq.Query;

namespace Spark.Linq.Testing;

/// <summary>Plan inspection for unit tests: <c>query.ToQueryPlan()</c>, then assert on it with any test framework.</summary>
public static class QueryPlanExtensions
{
    /// <summary>
    /// Translates the query (without contacting a server) and returns its plan with what the translation knew about
    /// its values: the CLR type of each captured value and constant, and the enum a number was compared with.
    /// </summary>
    /// <exception cref="SparkTranslationException">A part of the query can't be translated.</exception>
    /// <exception cref="ArgumentException">The query is not a Spark.Linq query.</exception>
    public static QueryPlan ToQueryPlan<T>(this IQueryable<T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var provider = query.Provider as SparkQueryProvider
            ?? throw new ArgumentException("This query is not a Spark.Linq query; start it from SparkSession.Table<T>(), Sql<T>() or CreateDataFrame().", nameof(query));
        var translated = provider.Translate(query.Expression);
        return new QueryPlan(translated.Relation, translated.LiteralSources);
    }

    /// <summary>The query as Spark SQL (<see cref="QueryPlan.ToSparkSql"/>): <c>query.ToQueryPlan().ToSparkSql()</c>.</summary>
    /// <exception cref="NotSupportedException">The plan has a part with no Spark SQL form here; the message names it.</exception>
    public static string ToSparkSql<T>(this IQueryable<T> query) => query.ToQueryPlan().ToSparkSql();
}

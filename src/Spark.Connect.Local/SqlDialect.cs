namespace Spark.Connect.Local;

/// <summary>Which SQL a <see cref="LocalSparkServer"/> reads in <c>spark.sql(…)</c> queries and the <c>SQL</c> relation.</summary>
public enum SqlDialect
{
    /// <summary>Spark SQL (the default): parsed by the engine into the same plan the DataFrame API builds, so the code that runs here runs on Spark.</summary>
    Spark,

    /// <summary>
    /// DuckDB's own SQL, passed to DuckDB as written (within the statement allow-list of docs/security.md). For local power
    /// users only: such SQL does not run on Spark, and it reaches every DuckDB function the allow-list does not refuse.
    /// </summary>
    DuckDb,
}

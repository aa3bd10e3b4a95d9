namespace Spark.Linq;

/// <summary>
/// What a write does when its target (a table or a path) already exists: Spark's <c>SaveMode</c>, sent as
/// <c>WriteOperation.mode</c>.
/// </summary>
public enum SparkWriteMode
{
    /// <summary>Fail when the target exists (Spark's default, <c>mode("error")</c>): the server answers with an error class such as <c>TABLE_OR_VIEW_ALREADY_EXISTS</c> or <c>PATH_ALREADY_EXISTS</c>.</summary>
    ErrorIfExists = 0,

    /// <summary>Add the rows to an existing target (creating it when missing).</summary>
    Append,

    /// <summary>Replace an existing target's data (a table is recreated with the query's schema).</summary>
    Overwrite,

    /// <summary>Leave an existing target alone and write nothing.</summary>
    Ignore,
}

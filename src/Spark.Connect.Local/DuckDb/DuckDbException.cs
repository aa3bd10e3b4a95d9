namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// A DuckDB call failed: the message carries DuckDB's own error text (or, when the native library
/// cannot be loaded, how to make it loadable).
/// </summary>
public sealed class DuckDbException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, including DuckDB's error text when there is one.</param>
    public DuckDbException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause, e.g. a <see cref="DllNotFoundException"/>.</param>
    public DuckDbException(string message, Exception innerException) : base(message, innerException) { }
}

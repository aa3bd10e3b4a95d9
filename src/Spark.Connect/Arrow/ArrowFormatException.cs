namespace Spark.Connect.Arrow;

/// <summary>
/// An Arrow IPC stream is malformed, truncated, or uses a feature this reader does not support
/// (unknown types or compression codecs, nested delta dictionaries). The message names what was wrong.
/// </summary>
public sealed class ArrowFormatException : Exception
{
    /// <summary>Creates the exception with a message naming what was wrong.</summary>
    public ArrowFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ArrowFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

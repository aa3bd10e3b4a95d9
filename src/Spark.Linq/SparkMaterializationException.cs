namespace Spark.Linq;

/// <summary>
/// A query result could not be turned into the requested CLR objects: a column is missing, its
/// Arrow type cannot be read as the member's type, a null arrived for a non-nullable value type,
/// or a value does not fit (a decimal beyond <see cref="decimal"/>'s range, an unknown enum name).
/// The message names the column and, for value problems, the row.
/// </summary>
public class SparkMaterializationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="column">The column (dotted path for nested members), if one is concerned.</param>
    /// <param name="row">The row index within the record batch (or within the nested column), if one is concerned.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public SparkMaterializationException(string message, string? column = null, int? row = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Column = column;
        Row = row;
    }

    /// <summary>The column concerned (e.g. <c>ShipTo.zip_code</c> for a struct member), or null.</summary>
    public string? Column { get; }

    /// <summary>The row index within the batch (or the nested column's element index), or null.</summary>
    public int? Row { get; }
}

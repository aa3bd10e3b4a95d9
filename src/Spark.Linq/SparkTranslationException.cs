namespace Spark.Linq;

/// <summary>
/// A part of a LINQ query cannot be translated into a Spark plan. The message names the
/// sub-expression, the operator it sits in, why it can't be translated, and what to do instead
/// (typically: move that part after <c>AsEnumerable()</c> so it runs on the client).
/// </summary>
public class SparkTranslationException : NotSupportedException
{
    /// <summary>Creates the exception for <paramref name="expression"/> inside <paramref name="operatorName"/>.</summary>
    public SparkTranslationException(string expression, string? operatorName, string reason, string? suggestion = null)
        : this(expression, operatorName, reason, suggestion, null)
    {
    }

    /// <summary>As above, caused by <paramref name="innerException"/> (e.g. a translator plug-in that threw).</summary>
    public SparkTranslationException(string expression, string? operatorName, string reason, string? suggestion, Exception? innerException)
        : base(Compose(expression, operatorName, reason, suggestion), innerException)
    {
        Expression = expression;
        OperatorName = operatorName;
        Reason = reason;
        Suggestion = suggestion;
    }

    /// <summary>The sub-expression that could not be translated, as C#-like text.</summary>
    public string Expression { get; }

    /// <summary>The query operator (Where, Select, OrderBy, …) the sub-expression sits in, if any.</summary>
    public string? OperatorName { get; }

    /// <summary>Why it could not be translated.</summary>
    public string Reason { get; }

    /// <summary>What to do instead, as given by the translator (the message adds the way out through the client).</summary>
    internal string? Suggestion { get; }

    /// <summary>
    /// Set for failures no fallback may hide (a translator plug-in that threw): the final Select does
    /// not move such a part to the client.
    /// </summary>
    internal bool IsFinal { get; init; }

    /// <summary>Set once the message says where methods Spark can't run may be used, so it is said once.</summary>
    internal bool Explained { get; init; }

    private static string Compose(string expression, string? operatorName, string reason, string? suggestion)
    {
        var where = operatorName is null ? string.Empty : $" in {operatorName}";
        const string clientSide = "call AsEnumerable() before this part so it runs on the client.";
        // Every message offers the way out that always works: running the rest on the client.
        var fix = suggestion is null ? "Rewrite the query, or " + clientSide
            : suggestion.Contains("AsEnumerable()", StringComparison.Ordinal) ? suggestion
            : suggestion + " Or " + clientSide;
        return $"The expression '{expression}'{where} could not be translated to Spark: {reason} {fix}";
    }
}

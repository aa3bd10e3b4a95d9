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
        : base(Compose(expression, operatorName, reason, suggestion))
    {
        Expression = expression;
        OperatorName = operatorName;
        Reason = reason;
    }

    /// <summary>The sub-expression that could not be translated, as C#-like text.</summary>
    public string Expression { get; }

    /// <summary>The query operator (Where, Select, OrderBy, …) the sub-expression sits in, if any.</summary>
    public string? OperatorName { get; }

    /// <summary>Why it could not be translated.</summary>
    public string Reason { get; }

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

using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Tests.Planning.Sql.Corpus;

/// <summary>
/// The Spark 4 error condition of an error that an older corpus file (Spark 3.3 and before) records without a class,
/// as its exception type and English message only. Each entry is one message Spark later gave a condition, with the
/// exception type it was raised as; an expected error matches only when its type and message fit an entry, and the
/// engine must then raise exactly that condition, naming the entry's subject (the function, window or type the
/// message is about) in its message. The conditions are those Spark's newer <c>window.sql.out</c> records for the
/// same queries (apache/spark forks past 3.4), or, for <c>percentile_cont</c>/<c>percentile_disc</c>, the one
/// CheckAnalysis raises in Spark 4, and for <c>cannot resolve 't.*'</c> Spark 3.4's <c>CANNOT_RESOLVE_STAR_EXPAND</c>. A message not listed here stays an error without a class, which nothing matches.
/// </summary>
internal static partial class LegacyErrorMessages
{
    private const string Analysis = "org.apache.spark.sql.AnalysisException";
    private const string Parse = "org.apache.spark.sql.catalyst.parser.ParseException";

    private sealed record Entry(string ExceptionType, Regex Message, string Condition);

    // A group named "subject" is what the engine's message must name too.
    private static readonly Entry[] Entries =
    [
        new(Analysis, WindowFrameUnacceptedType(), "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE"),
        new(Analysis, RangeFrameInvalidType(), "DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE"),
        new(Analysis, WindowFrameInvalidBound(), "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_INVALID_BOUND"),
        new(Analysis, RangeFrameWithoutOrder(), "DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER"),
        new(Analysis, RangeFrameMultiOrder(), "DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER"),
        new(Analysis, WindowFrameWrongComparison(), "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON"),
        new(Parse, FrameBoundNotLiteral(), "_LEGACY_ERROR_TEMP_0064"),
        new(Analysis, WindowFunctionUnordered(), "_LEGACY_ERROR_TEMP_1037"),
        new(Analysis, WindowAggregateFilter(), "_LEGACY_ERROR_TEMP_1030"),
        new(Parse, RepetitiveWindow(), "INVALID_SQL_SYNTAX.REPETITIVE_WINDOW_DEFINITION"),
        new(Analysis, MissingWindow(), "MISSING_WINDOW_SPECIFICATION"),
        new(Analysis, WindowSpecForOrderedSet(), "INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC"),
        new(Analysis, StarNotExpandable(), "CANNOT_RESOLVE_STAR_EXPAND"),
    ];

    /// <summary>The condition and subject for a classless error (its output's first line, then the message), or null.</summary>
    internal static (string Condition, string? Subject)? Find(string exceptionType, string message)
    {
        foreach (var entry in Entries)
        {
            if (entry.ExceptionType != exceptionType || entry.Message.Match(message) is not { Success: true } match)
                continue;
            var subject = match.Groups["subject"];
            return (entry.Condition, subject.Success ? subject.Value : null);
        }
        return null;
    }

    [GeneratedRegex(@"due to data type mismatch: The data type of the (?:lower|upper) bound '(?<subject>\w+)' does not match the expected data type")]
    private static partial Regex WindowFrameUnacceptedType();

    [GeneratedRegex(@"due to data type mismatch: The data type '(?<subject>\w+)' used in the order specification does not match the data type '[^']+' which is used in the range frame")]
    private static partial Regex RangeFrameInvalidType();

    [GeneratedRegex(@"due to data type mismatch: Window frame upper bound '[^']+' does not follow the lower bound")]
    private static partial Regex WindowFrameInvalidBound();

    [GeneratedRegex(@"due to data type mismatch: A range window frame cannot be used in an unordered window specification")]
    private static partial Regex RangeFrameWithoutOrder();

    [GeneratedRegex(@"due to data type mismatch: A range window frame with value boundaries cannot be used in a window specification with multiple order by expressions")]
    private static partial Regex RangeFrameMultiOrder();

    [GeneratedRegex(@"due to data type mismatch: The lower bound of a window frame must be less than or equal to the upper bound")]
    private static partial Regex WindowFrameWrongComparison();

    [GeneratedRegex(@"^\s*Frame bound value must be a literal\.")]
    private static partial Regex FrameBoundNotLiteral();

    [GeneratedRegex(@"^Window function (?<subject>\w+)\(\) requires window to be ordered")]
    private static partial Regex WindowFunctionUnordered();

    [GeneratedRegex(@"^window aggregate function with filter predicate is not supported yet\.")]
    private static partial Regex WindowAggregateFilter();

    [GeneratedRegex(@"^\s*\[INVALID_SQL_SYNTAX\] Invalid SQL syntax: The definition of window (?<subject>`\w+`) is repetitive\.")]
    private static partial Regex RepetitiveWindow();

    [GeneratedRegex(@"^Window specification (?<subject>\w+) is not defined in the WINDOW clause\.")]
    private static partial Regex MissingWindow();

    [GeneratedRegex(@"^Cannot specify order by or frame for '(?<subject>\w+)'\.")]
    private static partial Regex WindowSpecForOrderedSet();

    [GeneratedRegex(@"^cannot resolve '(?<subject>[\w.]+)\.\*' given input columns")]
    private static partial Regex StarNotExpandable();
}

using System.Globalization;
using LiteralKind = Spark.Connect.Protocol.Expression.Types.Literal.LiteralTypeOneofCase;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// <c>TABLESAMPLE (…) [REPEATABLE (seed)]</c> after a table name, as Spark's parser reads it: <c>n ROWS</c> is a LIMIT of
/// n rows; <c>p PERCENT</c> and <c>BUCKET x OUT OF y</c> are a Sample of that fraction (the engine's sample keeps a row
/// when a hash of the row and the seed falls below it; a seed is drawn unless REPEATABLE gives one). Byte sizes and
/// <c>BUCKET … ON</c> are refused.
/// </summary>
internal sealed partial class SqlParser
{
    private Relation TableSample(Relation table)
    {
        ExpectWord("TABLESAMPLE");
        ExpectSymbol("(");
        Relation sampled;
        if (AcceptWord("BUCKET"))
        {
            var numerator = Fraction(Binary(0));
            ExpectWord("OUT");
            ExpectWord("OF");
            var denominator = Fraction(Binary(0));
            if (IsWord("ON"))
                throw SqlParseErrors.Unsupported("TABLESAMPLE (BUCKET … ON …)", "Sample the whole table: TABLESAMPLE (BUCKET x OUT OF y).");
            sampled = Sample(table, denominator == 0 ? double.NaN : numerator / denominator);
        }
        else
        {
            var size = Binary(0);
            if (AcceptWord("ROWS"))
                sampled = new Relation { Limit = new Limit { Input = table, Limit_ = RowCount(size, "TABLESAMPLE") } };
            else if (AcceptWord("PERCENT"))
                sampled = Sample(table, Fraction(size) / 100);
            else
                throw SqlParseErrors.Unsupported("TABLESAMPLE by byte size", "Sample by ROWS, PERCENT or BUCKET x OUT OF y.");
        }
        ExpectSymbol(")");
        if (AcceptWord("REPEATABLE"))
        {
            ExpectSymbol("(");
            var seed = Binary(0);
            ExpectSymbol(")");
            if (sampled.Sample is { } sample)
                sample.Seed = (long)Fraction(seed);
        }
        return sampled;
    }

    private static Relation Sample(Relation table, double fraction) =>
        new() { Sample = new Sample { Input = table, LowerBound = 0, UpperBound = fraction, WithReplacement = false } };

    /// <summary>A sampling number: an integer, decimal or double literal.</summary>
    private static double Fraction(Expression value) => value.Literal?.LiteralTypeCase switch
    {
        LiteralKind.Integer => value.Literal.Integer,
        LiteralKind.Long => value.Literal.Long,
        LiteralKind.Double => value.Literal.Double,
        LiteralKind.Decimal => double.Parse(value.Literal.Decimal.Value, CultureInfo.InvariantCulture),
        _ => throw SqlParseErrors.Unsupported("a TABLESAMPLE size that is not a number literal", "Write the size as a number."),
    };
}

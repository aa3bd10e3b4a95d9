using System.Globalization;
using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>The kinds of DuckDB type a renderer distinguishes to choose Spark's result type.</summary>
internal enum TypeFamily
{
    /// <summary>Not known (the planner could not tell).</summary>
    Unknown,
    /// <summary>The type of an untyped NULL.</summary>
    Null,
    /// <summary>BOOLEAN.</summary>
    Boolean,
    /// <summary>TINYINT … HUGEINT.</summary>
    Integral,
    /// <summary>DECIMAL(p,s).</summary>
    Decimal,
    /// <summary>FLOAT, DOUBLE.</summary>
    Floating,
    /// <summary>VARCHAR.</summary>
    String,
    /// <summary>BLOB.</summary>
    Binary,
    /// <summary>DATE.</summary>
    Date,
    /// <summary>TIMESTAMP (Spark's timestamp_ntz).</summary>
    Timestamp,
    /// <summary>TIMESTAMP WITH TIME ZONE (Spark's timestamp).</summary>
    TimestampTz,
    /// <summary>INTERVAL.</summary>
    Interval,
    /// <summary>Lists, structs, maps and anything else.</summary>
    Other,
}

/// <summary>A DuckDB type name (as <c>typeof</c> prints it) classified for Spark's typing rules.</summary>
internal readonly partial record struct DuckDbType(TypeFamily Family, string Name, int Precision, int Scale)
{
    /// <summary>True for integral, decimal and floating types.</summary>
    public bool IsNumeric => Family is TypeFamily.Integral or TypeFamily.Decimal or TypeFamily.Floating;

    /// <summary>The decimal type Spark uses for this type in decimal arithmetic (integers widen to decimal(n,0)).</summary>
    public (int P, int S)? AsDecimal => Family switch
    {
        TypeFamily.Decimal => (Precision, Scale),
        TypeFamily.Integral => (Precision, 0),
        _ => null,
    };

    /// <summary>Classifies a DuckDB type name; null or unrecognised names are <see cref="TypeFamily.Unknown"/> or <see cref="TypeFamily.Other"/>.</summary>
    public static DuckDbType Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return new(TypeFamily.Unknown, "", 0, 0);
        var upper = name.Trim().ToUpperInvariant();
        var decimalMatch = DecimalPattern().Match(upper);
        if (decimalMatch.Success)
            return new(TypeFamily.Decimal, upper, int.Parse(decimalMatch.Groups[1].Value, CultureInfo.InvariantCulture),
                decimalMatch.Groups[2].Success ? int.Parse(decimalMatch.Groups[2].Value, CultureInfo.InvariantCulture) : 0);
        return upper switch
        {
            "\"NULL\"" or "NULL" => new(TypeFamily.Null, upper, 0, 0),
            "BOOLEAN" => new(TypeFamily.Boolean, upper, 0, 0),
            // Precision here is the digits Spark's decimal widening gives each integer type.
            "TINYINT" => new(TypeFamily.Integral, upper, 3, 0),
            "SMALLINT" => new(TypeFamily.Integral, upper, 5, 0),
            "INTEGER" => new(TypeFamily.Integral, upper, 10, 0),
            "BIGINT" => new(TypeFamily.Integral, upper, 20, 0),
            "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT" => new(TypeFamily.Integral, upper, 38, 0),
            "FLOAT" or "DOUBLE" => new(TypeFamily.Floating, upper, 0, 0),
            "VARCHAR" => new(TypeFamily.String, upper, 0, 0),
            "BLOB" => new(TypeFamily.Binary, upper, 0, 0),
            "DATE" => new(TypeFamily.Date, upper, 0, 0),
            "TIMESTAMP" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" => new(TypeFamily.Timestamp, upper, 0, 0),
            "TIMESTAMP WITH TIME ZONE" or "TIMESTAMPTZ" => new(TypeFamily.TimestampTz, upper, 0, 0),
            "INTERVAL" => new(TypeFamily.Interval, upper, 0, 0),
            _ => new(TypeFamily.Other, upper, 0, 0),
        };
    }

    [GeneratedRegex(@"^DECIMAL\((\d+)(?:,\s*(\d+))?\)$")]
    private static partial Regex DecimalPattern();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Spark.Linq.LocalData;

/// <summary>The <c>decimal(p,s)</c> (or <c>numeric(p,s)</c>) of a member's <c>[Column(TypeName = …)]</c>.</summary>
internal static partial class DeclaredDecimal
{
    /// <summary>Precision and scale, or null when <paramref name="typeName"/> is not a decimal type name.</summary>
    /// <exception cref="ArgumentException">A decimal type name whose precision or scale Spark can't hold.</exception>
    public static (int Precision, int Scale)? Parse(string? typeName)
    {
        if (typeName is null || DecimalTypeName().Match(typeName) is not { Success: true } match)
            return null;
        var precision = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var scale = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (precision is < 1 or > 38 || scale > precision)
            throw new ArgumentException($"[Column(TypeName = \"{typeName}\")]: Spark's decimals need 1 ≤ precision ≤ 38 and 0 ≤ scale ≤ precision.");
        return (precision, scale);
    }

    [GeneratedRegex(@"^\s*(?:decimal|numeric)\s*\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DecimalTypeName();
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// Spark's character-by-character string functions as DuckDB scalar functions, registered on every database the engine
/// opens. Both walk the text's UTF-16 characters as Java does (a character outside the BMP is two surrogates):
/// <c>spark_mask(s, upper, lower, digit, other)</c> replaces upper-case letters, lower-case letters, decimal digits and
/// everything else by the first character of the matching replacement, or keeps them where it is NULL;
/// <c>spark_luhn_check(s)</c> is Spark's Luhn checksum test (empty text or a non-digit is false).
/// </summary>
internal static unsafe class SparkTextFunctions
{
    /// <summary>DuckDB names of the functions.</summary>
    public const string Mask = "spark_mask", LuhnCheck = "spark_luhn_check";

    /// <summary>Registers the functions in the database of <paramref name="connection"/>.</summary>
    public static void Register(DuckDbConnection connection)
    {
        var v = DuckDbTypeId.Varchar;
        DuckDbScalarFunction.Register(connection, Mask, [v, v, v, v, v], v, &CallMask, handlesNulls: true);
        DuckDbScalarFunction.Register(connection, LuhnCheck, [v], DuckDbTypeId.Boolean, &CallLuhnCheck);
    }

    /// <summary>Spark's mask of one text; a null replacement keeps that class of characters.</summary>
    internal static string MaskText(string text, char? upper, char? lower, char? digit, char? other)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var replacement = char.GetUnicodeCategory(c) switch
            {
                UnicodeCategory.UppercaseLetter => upper,
                UnicodeCategory.LowercaseLetter => lower,
                UnicodeCategory.DecimalDigitNumber => digit,
                _ => other,
            };
            result.Append(replacement ?? c);
        }
        return result.ToString();
    }

    /// <summary>Spark's Luhn test: from the right, every second digit doubled and its digits summed; the total a multiple of 10.</summary>
    internal static bool IsLuhnNumber(string digits)
    {
        if (digits.Length == 0) return false;
        var sum = 0;
        var second = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (!char.IsDigit(digits[i])) return false;
            var digit = (int)char.GetNumericValue(digits[i]);
            var doubled = second ? digit * 2 : digit;
            sum += doubled % 10 + doubled / 10;
            second = !second;
        }
        return sum % 10 == 0;
    }

    [UnmanagedCallersOnly]
    private static void CallMask(nint info, nint input, nint output)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var valid = call.Validity(0);
            for (var row = 0; row < call.RowCount; row++)
            {
                if (!valid.IsValid(row)) { call.SetNull(row); continue; }
                var text = Encoding.UTF8.GetString(call.Strings(0)[row]);
                var masked = MaskText(text, Replacement(call, 1, row), Replacement(call, 2, row), Replacement(call, 3, row), Replacement(call, 4, row));
                call.SetString(row, Encoding.UTF8.GetBytes(masked));
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{Mask} failed: {e.Message}");
        }
    }

    // The replacement's first UTF-16 character, as Java's charAt(0); null keeps the original characters.
    private static char? Replacement(DuckDbScalarCall call, int column, int row)
    {
        if (!call.Validity(column).IsValid(row)) return null;
        var text = Encoding.UTF8.GetString(call.Strings(column)[row]);
        return text.Length == 0 ? null : text[0];
    }

    [UnmanagedCallersOnly]
    private static void CallLuhnCheck(nint info, nint input, nint output)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var valid = call.Validity(0);
            var result = call.Output<bool>();
            for (var row = 0; row < call.RowCount; row++)
            {
                if (valid.IsValid(row)) result[row] = IsLuhnNumber(Encoding.UTF8.GetString(call.Strings(0)[row]));
                else call.SetNull(row);
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{LuhnCheck} failed: {e.Message}");
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Spark.Linq.Tests.Methods;

/// <summary>Shapes with no Spark translation: each error names the method and a way out.</summary>
public class RejectedMethodTests : MethodPlanTestBase
{
    // Distinct after the Select: a final Select would run what Spark can't on the client instead.
    private void AssertRejected<T>(System.Linq.Expressions.Expression<Func<Event, T>> selector, string method, string hint)
    {
        var message = Rejects(Events.Select(selector).Distinct());
        Assert.That(message, Does.Contain(method).And.Contain(hint));
    }

    [Test]
    public void String_Format_with_a_numeric_format_names_the_placeholder() =>
        AssertRejected(x => string.Format("{0:N2}-{1}", x.Score, x.Name), "{0:N2}", "only dates' formats");

    [Test]
    public void String_Format_with_an_alignment_suggests_lpad() =>
        AssertRejected(x => string.Format("{0,5}", x.Name), "alignment", "lpad");

    [Test]
    public void String_Join_suggests_concat_ws() =>
        AssertRejected(x => string.Join(",", new[] { x.Name, x.Tag }, 0, 1), "String.Join", "concat_ws");

    [Test]
    public void String_Split_suggests_split() =>
        AssertRejected(x => x.Name.Split(','), "String.Split", "\"split\"");

    [Test]
    public void PadLeft_suggests_lpad() =>
        AssertRejected(x => x.Name.PadLeft(5), "String.PadLeft", "lpad");

    [Test]
    public void Regex_IsMatch_suggests_RLike() =>
        AssertRejected(x => Regex.IsMatch(x.Name, "a+"), "Regex.IsMatch", "RLike");

    [Test]
    public void Culture_specific_case_conversion_is_rejected() =>
        AssertRejected(x => x.Name.ToUpper(CultureInfo.InvariantCulture), "String.ToUpper", "ToUpperInvariant");

    [Test]
    public void Culture_sensitive_string_comparison_is_rejected() =>
        AssertRejected(x => x.Name.StartsWith("a", StringComparison.CurrentCulture), "String.StartsWith", "CurrentCulture");

    [Test]
    public void Case_insensitive_Compare_is_rejected() =>
        AssertRejected(x => string.Compare(x.Name, "a", StringComparison.OrdinalIgnoreCase), "String.Compare", "ToUpper");

    [Test]
    public void IndexOf_with_a_start_index_is_rejected() =>
        AssertRejected(x => x.Name.IndexOf("a", 2), "String.IndexOf", "supported overloads");

    [Test]
    public void Trim_with_characters_from_the_row_array_is_rejected() =>
        AssertRejected(x => x.Name.Trim(x.Name.ToCharArray()), "String.Trim", "captured char array");

    [Test]
    public void Round_with_digits_from_the_row_is_rejected() =>
        AssertRejected(x => Math.Round(x.Score, x.Count), "Math.Round", "known before the query runs");

    [Test]
    public void Round_toward_zero_with_digits_is_rejected() =>
        AssertRejected(x => Math.Round(x.Score, 2, MidpointRounding.ToZero), "Math.Round", "ToZero");

    [Test]
    public void Unlisted_Math_methods_are_rejected() =>
        AssertRejected(x => Math.Clamp(x.Score, 0, 1), "Math.Clamp", "SparkFunctions.Call");

    [Test]
    public void Formatted_ToString_is_rejected() =>
        AssertRejected(x => x.Count.ToString("N2"), "Int32.ToString", "date_format");

    [Test]
    public void ToString_of_doubles_and_dates_is_rejected() =>
        Assert.Multiple(() =>
        {
            AssertRejected(x => x.Score.ToString(), "Double", "format_number");
            AssertRejected(x => x.At.ToString(), "DateTime", "date_format");
        });

    [Test]
    public void AddTicks_is_rejected() =>
        AssertRejected(x => x.At.AddTicks(5), "DateTime.AddTicks", "supported overloads");

    [Test]
    public void TimeSpan_members_without_a_Spark_equivalent_are_rejected() =>
        AssertRejected(x => x.Took.Nanoseconds, "TimeSpan.Nanoseconds", "Total");

    [Test]
    public void Convert_with_a_base_is_rejected() =>
        AssertRejected(x => Convert.ToInt32(x.Name, 16), "Convert.ToInt32", "one-argument");

    [Test]
    public void Parse_with_a_culture_is_rejected() =>
        AssertRejected(x => double.Parse(x.Name, CultureInfo.InvariantCulture), "Double.Parse", "Double.Parse(string)");

    [Test]
    public void Adding_a_non_finite_amount_of_time_is_rejected()
    {
        var amount = double.NaN;
        AssertRejected(x => x.At.AddHours(amount), "NaN", "finite amount");
    }
}

using System.Globalization;

namespace Spark.Linq.Tests.Methods;

/// <summary>string.Format, interpolation, date formats and DateOnly members that translate, and the formats that are refused.</summary>
public class FormattingMethodTests : MethodPlanTestBase
{
    [Test]
    public void String_Format_becomes_concat_with_each_value_written_as_ToString_writes_it()
    {
        Assert.That(Plan(x => string.Format("{0}-{1}", x.Name, x.Count)), Is.EqualTo("concat(coalesce(Name, ''), '-', CAST(Count AS string))"));
        Assert.That(Plan(x => string.Format("[{0}] {1} {2} {3}", new object?[] { x.Flag, x.Code, x.Tag, x.Maybe })),
            Is.EqualTo("concat('[', when(Flag, 'True', 'False'), '] ', when((Code == 0), 'Pending', (Code == 1), 'Shipped', (Code == 2), 'Cancelled', CAST(Code AS string)), ' ', coalesce(Tag, ''), ' ', coalesce(CAST(Maybe AS string), ''))"));
    }

    [Test]
    public void Interpolated_strings_translate_and_escaped_braces_are_text()
    {
        Assert.That(Plan(x => $"{x.Id}: {{{x.Name}}}"), Is.EqualTo("concat(CAST(Id AS string), ': {', coalesce(Name, ''), '}')"));
        Assert.That(Filter(x => $"{x.At:yyyy-MM}" == "2024-03"), Is.EqualTo("(date_format(At, 'yyyy-MM') == '2024-03')"));
    }

    [Test]
    public void DateTime_ToString_with_a_format_becomes_date_format_with_the_pattern_mapped()
    {
        Assert.That(Plan(x => x.At.ToString("yyyy-MM-dd HH.mm")), Is.EqualTo("date_format(At, 'yyyy-MM-dd HH.mm')"));
        Assert.That(Plan(x => x.At.ToString("d.M.yy h-m-s fff")), Is.EqualTo("date_format(At, 'd.M.yy h-m-s SSS')"));
        Assert.That(Plan(x => x.At.ToString("yyyyMMdd'T'HH\\h")), Is.EqualTo("date_format(At, 'yyyyMMdd''T''HH''h''')"));
        Assert.That(Plan(x => x.Day.ToString("yyyy, MMMM dddd", CultureInfo.InvariantCulture)), Is.EqualTo("date_format(Day, 'yyyy, MMMM EEEE')"));
        Assert.That(Plan(x => x.At.ToString("MM/dd/yyyy hh:mm tt", CultureInfo.InvariantCulture)), Is.EqualTo("date_format(At, 'MM/dd/yyyy hh:mm a')"));
    }

    [Test]
    public void DateOnly_DayNumber_and_ToDateTime_translate()
    {
        Assert.That(Filter(x => x.Day.DayNumber > 739000), Is.EqualTo("(datediff(Day, DATE 0001-01-01) > 739000)"));
        Assert.That(Plan(x => x.Day.ToDateTime(TimeOnly.MinValue)), Is.EqualTo("CAST(Day AS timestampntz)"));
        Assert.That(Plan(x => x.Day.ToDateTime(new TimeOnly(6, 30))), Is.EqualTo("(CAST(Day AS timestampntz) + INTERVAL 06:30:00)"));
    }

    [TestCase("HH:mm", "':' time separator")]
    [TestCase("dd/MM/yyyy", "'/' date separator")]
    [TestCase("MMM yyyy", "month names")]
    [TestCase("hh tt", "AM/PM")]
    [TestCase("yyy", "use yy or yyyy")]
    [TestCase("zzz", "'zzz'")]
    [TestCase("FFF", "'FFF'")]
    [TestCase("d", "standard format")]
    [TestCase("yyyy\\'", "single quote")]
    public void Date_formats_Spark_would_write_differently_are_refused_naming_why(string format, string reason)
    {
        var message = Rejects(Events.Select(x => x.At.ToString(format)).Distinct());
        Assert.That(message, Does.Contain($"'{format}'").And.Contain(reason));
    }

    [Test]
    public void Other_cultures_and_time_specifiers_on_dates_are_refused()
    {
        Assert.That(Rejects(Events.Select(x => x.At.ToString("yyyy", CultureInfo.GetCultureInfo("de-DE"))).Distinct()), Does.Contain("de-DE"));
        Assert.That(Rejects(Events.Select(x => x.Day.ToString("yyyy HH")).Distinct()), Does.Contain("DateOnly can't format"));
        Assert.That(Rejects(Events.Select(x => x.At.ToString(x.Name)).Distinct()), Does.Contain("known before the query runs"));
    }

    [Test]
    public void DateOnly_ToDateTime_needs_a_time_known_before_the_query_runs_and_no_kind() =>
        Assert.Multiple(() =>
        {
            Assert.That(Rejects(Events.Select(x => x.Day.ToDateTime(TimeOnly.FromDateTime(x.At))).Distinct()), Does.Contain("known before the query runs"));
            Assert.That(Rejects(Events.Select(x => x.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).Distinct()), Does.Contain("Unspecified kind"));
        });

    [Test]
    public void String_concatenation_writes_enums_and_bools_as_CSharp_does_and_refuses_culture_formatted_values()
    {
        Assert.That(Plan(x => x.Name + x.Flag + x.Code), Is.EqualTo(
            "concat(coalesce(Name, ''), when(Flag, 'True', 'False'), when((Code == 0), 'Pending', (Code == 1), 'Shipped', (Code == 2), 'Cancelled', CAST(Code AS string)))"));
        Assert.That(Rejects(Events.Where(x => x.Name + x.Score == "a1")), Does.Contain("Double values are formatted by culture"));
    }
}

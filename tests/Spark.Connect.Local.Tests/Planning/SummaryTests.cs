using Spark.Connect;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>df.describe and df.summary: statistics as Spark's strings, one row per statistic.</summary>
public sealed class SummaryTests : RelationKindTestBase
{
    [SetUp]
    public void CreateStats()
    {
        // k and x: {1, 3} (mean 2, sample stddev √2, exact in any algorithm); s: one number among text; big: one row.
        Exec("CREATE TABLE stats (k INTEGER, x DOUBLE, s VARCHAR, big DOUBLE, flag BOOLEAN)");
        Exec("INSERT INTO stats VALUES (1, 1.0, 'a', 1e10, true), (3, 3.0, '5', NULL, false)");
    }

    private Relation Describe(Relation input, params string[] cols)
    {
        var describe = new StatDescribe { Input = input };
        describe.Cols.AddRange(cols);
        return New(r => r.Describe = describe);
    }

    private Relation Summary(Relation input, params string[] statistics)
    {
        var summary = new StatSummary { Input = input };
        summary.Statistics.AddRange(statistics);
        return New(r => r.Summary = summary);
    }

    private static readonly string Root2 = Math.Sqrt(2).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void Describe_gives_count_mean_stddev_min_max_of_numeric_and_string_columns_as_strings()
    {
        var plan = Describe(Table("stats"));
        Assert.That(Lines(plan), Is.EqualTo(new[]
        {
            "count|2|2|2|1",
            $"mean|2.0|2.0|5.0|1.0E10",
            $"stddev|{Root2}|{Root2}|∅|∅",
            "min|1|1.0|5|1.0E10",
            "max|3|3.0|a|1.0E10",
        }));
        Assert.That(Schema(plan), Is.EqualTo(new[] { "summary:string", "k:string?", "x:string?", "s:string?", "big:string?" }));
    }

    [Test]
    public void Describe_of_listed_columns_over_a_filter_sees_only_the_filtered_rows() =>
        Assert.That(Lines(Describe(Filter(Table("stats"), Fn(">", Col("k"), Lit(1))), "x")),
            Is.EqualTo(new[] { "count|1", "mean|3.0", "stddev|∅", "min|3.0", "max|3.0" }));

    [Test]
    public void Describe_of_a_column_listed_twice_summarizes_it_twice() =>
        Assert.That(Lines(Describe(Table("stats"), "k", "k")).Take(2), Is.EqualTo(new[] { "count|2|2", "mean|2.0|2.0" }));

    [Test]
    public void Describe_of_empty_input_counts_zero() =>
        Assert.That(Lines(Describe(Limit(Table("stats"), 0), "k")), Is.EqualTo(new[] { "count|0", "mean|∅", "stddev|∅", "min|∅", "max|∅" }));

    [Test]
    public void Describe_of_only_non_numeric_columns_names_the_statistics() =>
        Assert.That(Lines(Describe(Table("stats"), "flag")), Is.EqualTo(new[] { "count", "mean", "stddev", "min", "max" }));

    [Test]
    public void Summary_gives_the_statistics_asked_for_in_order_keeping_their_spelling() =>
        Assert.That(Lines(Summary(Project(Table("people"), Col("dept")), "MAX", "count_distinct", "approx_count_distinct", "count")),
            Is.EqualTo(new[] { "MAX|20", "count_distinct|2", "approx_count_distinct|2", "count|3" }));

    [Test]
    public void Summary_percentiles_are_the_nearest_rank_as_sparks_percentile_approx()
    {
        // Ten values and a null: rank ceil(p·n) gives 3, 5, 8 (interpolating or floor-based quantiles would not give 8).
        Exec("CREATE TABLE ten (v INTEGER)");
        Exec("INSERT INTO ten SELECT * FROM range(1, 11) UNION ALL SELECT NULL");
        Assert.That(Lines(Summary(Table("ten"), "25%", "50%", "75%", "count")), Is.EqualTo(new[] { "25%|3", "50%|5", "75%|8", "count|10" }));
    }

    [Test]
    public void Summary_without_statistics_gives_Sparks_default_list_with_percentiles() =>
        Assert.That(Lines(Summary(Table("stats"))), Is.EqualTo(new[]
        {
            "count|2|2|2|1",
            "mean|2.0|2.0|5.0|1.0E10",
            $"stddev|{Root2}|{Root2}|∅|∅",
            "min|1|1.0|5|1.0E10",
            "25%|1|1.0|5.0|1.0E10",
            "50%|1|1.0|5.0|1.0E10",
            "75%|3|3.0|5.0|1.0E10",
            "max|3|3.0|a|1.0E10",
        }));

    [Test]
    public void Summary_of_an_unknown_statistic_is_Sparks_error() =>
        Assert.That(PlanError(Summary(Table("stats"), "median")).ErrorClass, Is.EqualTo("_LEGACY_ERROR_TEMP_2114"));

    [Test]
    public void Summary_applies_to_what_a_limit_produced() =>
        Assert.That(Lines(Summary(Limit(Table("people"), 2), "count", "max")), Is.EqualTo(new[] { "count|2|2|2|2", "max|2|Bob|10|200.0" }));
}

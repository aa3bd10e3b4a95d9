namespace Spark.Connect.Local.Tests.Planning;

/// <summary>
/// <c>df.stat.cov</c>, <c>df.stat.corr</c> and <c>df.stat.crosstab</c> over the planner tests' <c>people</c> table
/// (ids 1–4, salaries 100–400, departments 10, 10, 20 and null).
/// </summary>
public sealed class StatRelationTests : PlannerTestBase
{
    [SetUp]
    public void UseRealCatalog() => Functions = null;

    [Test]
    public void Cov_is_the_sample_covariance_in_one_row_and_column()
    {
        var cov = New(r => r.Cov = new StatCov { Input = Table("people"), Col1 = "salary", Col2 = "id" });

        Assert.That(Columns(cov), Is.EqualTo(new[] { "cov" }));
        Assert.That(double.Parse(Lines(cov).Single(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(500.0 / 3).Within(1e-9));
    }

    [Test]
    public void Corr_is_pearson_and_refuses_other_methods_and_non_numeric_columns()
    {
        var corr = New(r => r.Corr = new StatCorr { Input = Table("people"), Col1 = "salary", Col2 = "id" });
        Assert.That(Lines(corr), Is.EqualTo(new[] { "1.0" }));
        Assert.That(Columns(corr), Is.EqualTo(new[] { "corr" }));

        var spearman = New(r => r.Corr = new StatCorr { Input = Table("people"), Col1 = "salary", Col2 = "id", Method = "spearman" });
        Assert.That(PlanError(spearman).ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        var text = New(r => r.Corr = new StatCorr { Input = Table("people"), Col1 = "name", Col2 = "id" });
        Assert.That(PlanError(text).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
    }

    [Test]
    public void Crosstab_counts_each_pair_with_zero_for_missing_ones_and_null_as_text()
    {
        var crosstab = New(r => r.Crosstab = new StatCrosstab { Input = Table("people"), Col1 = "dept", Col2 = "name" });

        Assert.That(Columns(crosstab), Is.EqualTo(new[] { "dept_name", "Ann", "Bob", "Cid", "Dee" }));
        Assert.That(Lines(crosstab).Order(), Is.EqualTo(new[] { "10|1|1|0|0", "20|0|0|1|0", "null|0|0|0|1" }));
    }

    [Test]
    public void Crosstab_removes_backquotes_from_the_values_that_become_column_names()
    {
        Exec("CREATE TABLE ticks (k INTEGER, v VARCHAR)");
        Exec("INSERT INTO ticks VALUES (1, 'a`b'), (1, 'c')");
        var crosstab = New(r => r.Crosstab = new StatCrosstab { Input = Table("ticks"), Col1 = "k", Col2 = "v" });

        Assert.That(Columns(crosstab), Is.EqualTo(new[] { "k_v", "ab", "c" }));
        Assert.That(Lines(crosstab), Is.EqualTo(new[] { "1|1|1" }));
    }
}

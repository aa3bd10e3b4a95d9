using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// <c>covar_*</c>, <c>kurtosis</c>, <c>skewness</c>, <c>regr_*</c>, <c>try_sum</c>, <c>try_avg</c> per group. Expected values
/// are the examples of Spark's <c>ExpressionDescription</c>s (<c>CentralMomentAgg.scala</c>, <c>Covariance.scala</c>,
/// <c>linearRegression.scala</c>, <c>TrySum</c>/<c>TryAverage</c>), each group holding one example's rows.
/// </summary>
public sealed class MomentFunctionTests : LibraryTestBase
{
    [SetUp]
    public void CreateValues()
    {
        Exec("CREATE TABLE v (g INTEGER, y DOUBLE, x DOUBLE)");
        Exec("INSERT INTO v VALUES (1, 1, 1), (1, 2, 2), (1, 3, 3)");                               // covar / slope examples
        Exec("INSERT INTO v VALUES (2, -10, NULL), (2, -20, NULL), (2, 100, NULL), (2, 1000, NULL)"); // kurtosis / skewness
        Exec("INSERT INTO v VALUES (3, 1, 2), (3, 2, 2), (3, 2, 3), (3, 2, 4)");                     // regr_* examples
        Exec("INSERT INTO v VALUES (4, 1, 2), (4, 2, NULL), (4, 2, 3), (4, 2, 4)");                  // regr_count with a null
        Exec("INSERT INTO v VALUES (5, 7, 7)");                                                     // one row: no spread
    }

    private string Of(int group, Expression aggregate) =>
        Lines(Aggregate(Filter(Table("v"), Fn("==", Col("g"), Lit(group))), [], Alias(aggregate, "r"))).Single();

    // Spark folds moments row by row and DuckDB in its own order, so the last bits of a double may differ.
    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void Covariances()
    {
        Assert.That(Of(1, Fn("covar_pop", Col("y"), Col("x"))), Is.EqualTo("0.6666666666666666"));
        Assert.That(Of(1, Fn("covar_samp", Col("y"), Col("x"))), Is.EqualTo("1.0"));
        Assert.That(Of(5, Fn("covar_samp", Col("y"), Col("x"))), Is.EqualTo("∅"), "one row");
    }

    [Test]
    public void Kurtosis_and_skewness_are_the_population_moments()
    {
        Assert.That(Number(Of(2, Fn("kurtosis", Col("y")))), Is.EqualTo(-0.7014368047529627).Within(1e-12));
        Assert.That(Number(Of(2, Fn("skewness", Col("y")))), Is.EqualTo(1.1135657469022011).Within(1e-12));
        Assert.That(Of(5, Fn("kurtosis", Col("y"))), Is.EqualTo("∅"), "no spread: null (Spark's default, not NaN)");
        Assert.That(Of(5, Fn("skewness", Col("y"))), Is.EqualTo("∅"));
        Assert.That(Of(1, Fn("skewness", Col("y"))), Is.EqualTo("0.0"), "symmetric values");
    }

    [Test]
    public void Regressions_use_rows_where_both_values_are_present()
    {
        Assert.That(Of(3, Fn("regr_count", Col("y"), Col("x"))), Is.EqualTo("4"));
        Assert.That(Of(4, Fn("regr_count", Col("y"), Col("x"))), Is.EqualTo("3"));
        Assert.That(Of(3, Fn("regr_avgx", Col("y"), Col("x"))), Is.EqualTo("2.75"));
        Assert.That(Of(3, Fn("regr_avgy", Col("y"), Col("x"))), Is.EqualTo("1.75"));
        Assert.That(Of(1, Fn("regr_slope", Col("y"), Col("x"))), Is.EqualTo("1.0"));
        Assert.That(Of(1, Fn("regr_intercept", Col("y"), Col("x"))), Is.EqualTo("0.0"));
        Assert.That(Number(Of(3, Fn("regr_r2", Col("y"), Col("x")))), Is.EqualTo(0.2727272727272727).Within(1e-12));
        Assert.That(Number(Of(3, Fn("regr_sxx", Col("y"), Col("x")))), Is.EqualTo(2.75).Within(1e-12));
        Assert.That(Number(Of(3, Fn("regr_sxy", Col("y"), Col("x")))), Is.EqualTo(0.75).Within(1e-12));
        Assert.That(Number(Of(3, Fn("regr_syy", Col("y"), Col("x")))), Is.EqualTo(0.75).Within(1e-12));
        var field = Plan(Aggregate(Table("v"), [], Fn("regr_count", Col("y"), Col("x")))).Schema!.Struct.Fields.Single();
        Assert.That((field.Name, field.DataType, field.Nullable), Is.EqualTo(("regr_count(y, x)", SparkTypes.Long, false)));
    }

    [Test]
    public void Try_sum_is_null_on_overflow_and_try_avg_averages()
    {
        Exec("CREATE TABLE big (x BIGINT)");
        Exec("INSERT INTO big VALUES (9223372036854775807), (1)");
        Assert.That(Lines(Aggregate(Table("big"), [], Fn("try_sum", Col("x")))).Single(), Is.EqualTo("∅"));
        Assert.That(Of(1, Fn("try_sum", Col("y"))), Is.EqualTo("6.0"));
        Assert.That(Of(1, Fn("try_avg", Col("y"))), Is.EqualTo("2.0"));
        Assert.That(Plan(Aggregate(Table("big"), [], Fn("try_sum", Col("x")))).Schema!.Struct.Fields.Single().DataType, Is.EqualTo(SparkTypes.Long));
    }
}

using Spark.Connect.Local.Statistics;

namespace Spark.Connect.Local.Tests.Statistics;

/// <summary>Spark's streaming histogram: exact bins while they suffice, closest-pair merging and Java-seeded tie breaks beyond.</summary>
public sealed class NumericHistogramTests
{
    [Test]
    public void EveryDistinctValueKeepsItsBinWhileThereAreEnough()
    {
        Assert.That(SparkHistogramFunction.Histogram("3.0,1.0,2.0,1.0", 3), Is.EqualTo("1:2;2:1;3:1"));
        Assert.That(SparkHistogramFunction.Histogram("", 3), Is.EqualTo(""));
        Assert.That(SparkHistogramFunction.Histogram("inf,-inf", 5), Is.EqualTo("-Infinity:1;Infinity:1"));
    }

    [Test]
    public void TheClosestBinsMergeIntoTheirWeightedMean()
    {
        // 1, 2, 10 in two bins: 1 and 2 are closest and merge to 1.5 of height 2.
        Assert.That(SparkHistogramFunction.Histogram("1,2,10", 2), Is.EqualTo("1.5:2;10:1"));
    }

    [Test]
    public void TiesBreakAsSparksSeededRandomDoes()
    {
        // All gaps equal: Java's Random(31183) picks the middle pair, as Spark's buffer does.
        Assert.That(SparkHistogramFunction.Histogram("1,2,3,4", 3), Is.EqualTo("1:1;2.5:2;4:1"));
        var values = string.Join(",", Enumerable.Range(1, 35).Append(3).Concat(Enumerable.Range(37, 14)));
        Assert.That(SparkHistogramFunction.Histogram(values, 2), Is.EqualTo("17.58333333333333:36;43.5:14"));
    }
}

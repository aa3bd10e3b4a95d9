using Spark.Connect.Local.Service.Show;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>Floating point as Java's Double.toString / Float.toString writes it (what show() prints).</summary>
public sealed class JavaNumberTextTests
{
    [TestCase(1.0, "1.0")]
    [TestCase(100.0, "100.0")]
    [TestCase(-2.5, "-2.5")]
    [TestCase(0.0, "0.0")]
    [TestCase(-0.0, "-0.0")]
    [TestCase(0.001, "0.001")]
    [TestCase(0.0001, "1.0E-4")]
    [TestCase(0.00012345, "1.2345E-4")]
    [TestCase(9999999.0, "9999999.0")]
    [TestCase(10000000.0, "1.0E7")]
    [TestCase(123456789.123, "1.23456789123E8")]
    [TestCase(0.1 + 0.2, "0.30000000000000004")]
    [TestCase(1e20, "1.0E20")]
    [TestCase(double.MaxValue, "1.7976931348623157E308")]
    [TestCase(double.NaN, "NaN")]
    [TestCase(double.PositiveInfinity, "Infinity")]
    [TestCase(double.NegativeInfinity, "-Infinity")]
    public void Doubles(double value, string expected) => Assert.That(JavaNumberText.Double(value), Is.EqualTo(expected));

    [TestCase(1.1f, "1.1")]
    [TestCase(0.1f, "0.1")]
    [TestCase(3.4028235e38f, "3.4028235E38")]
    [TestCase(1e-5f, "1.0E-5")]
    public void Floats(float value, string expected) => Assert.That(JavaNumberText.Float(value), Is.EqualTo(expected));
}

using System.Linq.Expressions;
using Spark.Linq.Query;

namespace Spark.Linq.Tests.Untranslatable;

/// <summary>
/// Each test states a query Spark.Linq can't translate and checks the error a developer sees: a
/// <see cref="SparkTranslationException"/> (a NotSupportedException) naming the offending
/// sub-expression without compiler noise, the operator it sits in, and a way out.
/// </summary>
public abstract class UntranslatableTestBase : PlanTestBase
{
    /// <summary>Asserts that translating <paramref name="query"/> fails as described.</summary>
    protected static SparkTranslationException Rejects<T>(IQueryable<T> query, string expression, string? operatorName, string fix = "AsEnumerable()") =>
        Check(Assert.Throws<SparkTranslationException>(() => query.ToRelation())!, expression, operatorName, fix);

    /// <summary>Asserts that a query ending in a terminal operator (<c>() =&gt; Orders.Last()</c>) fails as described.</summary>
    protected SparkTranslationException RejectsTerminal<T>(Expression<Func<T>> query, string expression, string? operatorName, string fix = "AsEnumerable()")
    {
        var provider = (SparkQueryProvider)Orders.Provider;
        return Check(Assert.Throws<SparkTranslationException>(() => provider.Translate(query.Body))!, expression, operatorName, fix);
    }

    private static SparkTranslationException Check(SparkTranslationException error, string expression, string? operatorName, string fix)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<NotSupportedException>());
            Assert.That(error.Expression, Does.Contain(expression), "the offending sub-expression");
            Assert.That(error.OperatorName, Is.EqualTo(operatorName), "the operator it sits in");
            Assert.That(error.Message, Does.Contain(fix), "a way out");
            Assert.That(error.Message, Does.Not.Contain("DisplayClass").And.Not.Contain("value("), "compiler noise");
            if (operatorName is not null) Assert.That(error.Message, Does.Contain($" in {operatorName} "));
        });
        return error;
    }
}

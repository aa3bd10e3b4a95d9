namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Named function arguments (<c>name => value</c>): rearranged by Spark's signatures, with Spark's errors.</summary>
public sealed class SparkSqlNamedArgumentTests : SparkSqlTestBase
{
    [Test]
    public void MaskTakesItsReplacementsByName()
    {
        Assert.That(Query("SELECT mask('AbCD123-@$#', lowerChar => 'q', otherChar => 'o'), mask(str => 'Ab1', digitChar => 'd', upperChar => 'U')"),
            Is.EqualTo(new[] { "XqXXnnnoooo|Uxd" }));
        Assert.That(Schema("SELECT mask('Ab1', lowerChar => 'q')"), Is.EqualTo(new[] { "mask(Ab1, X, q, n, NULL):string" }));
    }

    [TestCase("SELECT upper(str => 'a')", "NAMED_PARAMETERS_NOT_SUPPORTED")]
    [TestCase("SELECT mask(lowerChar => 'q', 'Ab1')", "UNEXPECTED_POSITIONAL_ARGUMENT")]
    [TestCase("SELECT mask('Ab1', lowerchr => 'q')", "UNRECOGNIZED_PARAMETER_NAME")]
    [TestCase("SELECT mask('Ab1', lowerChar => 'q', lowerChar => 'r')", "DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.DOUBLE_NAMED_ARGUMENT_REFERENCE")]
    [TestCase("SELECT mask('Ab1', str => 'q')", "DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.BOTH_POSITIONAL_AND_NAMED")]
    [TestCase("SELECT mask(lowerChar => 'q')", "REQUIRED_PARAMETER_NOT_FOUND")]
    public void MisusedNamesAreSparksErrors(string query, string errorClass) =>
        Assert.That(QueryError(query).ErrorClass, Is.EqualTo(errorClass));
}

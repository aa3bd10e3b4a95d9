using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Service;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>Real DuckDB errors map to Spark's error classes (the one table in SparkErrors).</summary>
public sealed class ErrorMappingTests
{
    [TestCase("SELECT nope FROM range(1)", "UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703")]
    [TestCase("SELECT * FROM no_such_table", "TABLE_OR_VIEW_NOT_FOUND", "42P01")]
    [TestCase("SELECT 'abc'::INTEGER", "CAST_INVALID_INPUT", "22018")]
    [TestCase("SELECT 2147483647::INTEGER + 1::INTEGER", "ARITHMETIC_OVERFLOW", "22003")]
    [TestCase("SELEC 1", "PARSE_SYNTAX_ERROR", "42601")]
    [TestCase("SELECT no_such_function(1)", "UNRESOLVED_ROUTINE", "42883")]
    [TestCase("SELECT 1 UNION SELECT 1, 2", "LOCAL_ENGINE_ANALYSIS_ERROR", "42000")]
    public void DuckDb_error_kinds_get_spark_classes(string sql, string errorClass, string sqlState)
    {
        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();
        var error = Assert.Throws<DuckDbException>(() =>
        {
            using var result = connection.Query(sql);
            while (result.FetchChunk() is { } chunk)
                chunk.Dispose();
        });

        var mapped = SparkErrors.Classify(error!);

        Assert.That((mapped.ErrorClass, mapped.SqlState), Is.EqualTo((errorClass, sqlState)), error!.Message);
        Assert.That(mapped.InnerException, Is.SameAs(error));
    }

    [Test]
    public void Errors_the_function_catalog_raises_on_purpose_keep_their_Spark_class()
    {
        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();
        var sql = $"SELECT CASE WHEN id = 0 THEN {Spark.Connect.Local.Planning.Functions.SparkRuntimeErrors.DivideByZero} ELSE 1 END FROM range(1)";
        var error = Assert.Throws<DuckDbException>(() => connection.Query(sql).Dispose());

        var mapped = SparkErrors.Classify(error!);

        Assert.That((mapped.ErrorClass, mapped.SqlState), Is.EqualTo(("DIVIDE_BY_ZERO", "22012")), error!.Message);
    }

    [TestCase("SELECT nope FROM range(1)", "objectName", "nope")]
    [TestCase("SELECT * FROM no_such_table", "relationName", "no_such_table")]
    public void The_missing_name_is_a_message_parameter(string sql, string parameter, string value)
    {
        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();
        var error = Assert.Throws<DuckDbException>(() => connection.Query(sql).Dispose());

        Assert.That(SparkErrors.Classify(error!).MessageParameters[parameter], Is.EqualTo(value));
    }

    [Test]
    public void A_function_duckdb_lacks_is_unresolved_only_when_spark_lacks_it_too()
    {
        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();
        var unknown = SparkErrors.Classify(Assert.Throws<DuckDbException>(() => connection.Query("SELECT no_such_function(1)").Dispose())!);
        Assert.That(unknown.ErrorClass, Is.EqualTo("UNRESOLVED_ROUTINE"));
        Assert.That(unknown.MessageParameters["routineName"], Is.EqualTo("`no_such_function`"));
        Assert.That(unknown.MessageParameters["searchPath"], Is.EqualTo("[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]"));

        // luhn_check is a Spark function (FunctionRegistry, string functions) DuckDB does not have.
        var sparkOnly = SparkErrors.Classify(Assert.Throws<DuckDbException>(() => connection.Query("SELECT luhn_check('79927398713')").Dispose())!);
        Assert.That((sparkOnly.ErrorClass, sparkOnly.SqlState), Is.EqualTo(("UNSUPPORTED_FEATURE.LOCAL_ENGINE", "0A000")));
        Assert.That(sparkOnly.Message, Does.Contain("luhn_check"));
        Assert.That(sparkOnly.InnerException, Is.InstanceOf<DuckDbException>());
    }

    [Test]
    public void Other_duckdb_errors_keep_duckdb_text_under_a_generic_class()
    {
        var mapped = SparkErrors.Classify(new DuckDbException("Invalid Input Error: something unusual"));
        Assert.That((mapped.ErrorClass, mapped.SqlState), Is.EqualTo(("LOCAL_ENGINE_ERROR", "XX000")));
        Assert.That(mapped.Message, Does.Contain("something unusual"));
    }

    [Test]
    public void Other_exceptions_keep_their_message_under_a_generic_class()
    {
        var mapped = SparkErrors.Classify(new InvalidOperationException("boom"));
        Assert.That(mapped.ErrorClass, Is.EqualTo("INTERNAL_ERROR"));
        Assert.That(mapped.Message, Does.Contain("boom"));
    }

    [Test]
    public void Fetch_error_details_lists_the_error_then_its_causes()
    {
        var mapped = SparkErrors.Classify(new DuckDbException("Catalog Error: Table with name x does not exist!"));

        var details = ErrorReporting.ToDetails(mapped);

        Assert.That(details.RootErrorIdx, Is.Zero);
        Assert.That(details.Errors, Has.Count.EqualTo(2));
        Assert.That(details.Errors[0].SparkThrowable.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(details.Errors[0].CauseIdx, Is.EqualTo(1));
        Assert.That(details.Errors[1].ErrorTypeHierarchy[0], Is.EqualTo(typeof(DuckDbException).FullName));
    }
}

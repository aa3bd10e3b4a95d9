namespace Spark.Connect.Local.Tests.Server;

/// <summary>DESCRIBE FUNCTION in Spark SQL: Spark's function_desc rows where the engine holds Spark's text, Spark's errors elsewhere.</summary>
public sealed class SqlStatementDescribeFunctionTests : SqlStatementTestBase
{
    [Test]
    public async Task A_cast_alias_is_described_with_sparks_generated_usage()
    {
        var client = NewClient();

        var (schema, rows) = await ResultAsync(client, "DESC FUNCTION Int");

        Assert.That(schema.Fields.Select(f => (f.Name, f.Nullable)), Is.EqualTo(new[] { ("function_desc", false) }));
        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[]
        {
            "Function: int", "Class: org.apache.spark.sql.catalyst.expressions.Cast",
            "Usage: int(expr) - Casts the value `expr` to the target data type `int`.",
        }));
    }

    [Test]
    public async Task Extended_adds_the_extended_usage_row()
    {
        var rows = await RunAsync(NewClient(), "DESCRIBE FUNCTION EXTENDED boolean");

        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[]
        {
            "Function: boolean", "Class: org.apache.spark.sql.catalyst.expressions.Cast",
            "Usage: boolean(expr) - Casts the value `expr` to the target data type `boolean`.",
            "Extended Usage:\n    No example/argument for boolean.\n\n    Since: 2.0.1\n",
        }));
    }

    [Test]
    public async Task Operators_without_a_function_class_get_sparks_fixed_rows()
    {
        var client = NewClient();

        Assert.That((await RunAsync(client, "DESC FUNCTION <>")).Select(r => r[0]), Is.EqualTo(new[]
        {
            "Function: <>", "Usage: expr1 <> expr2 - Returns true if `expr1` is not equal to `expr2`.",
        }));
        Assert.That((await RunAsync(client, "DESCRIBE FUNCTION `||`")).Select(r => r[0]), Is.EqualTo(new[]
        {
            "Function: ||", "Usage: expr1 || expr2 - Returns the concatenation of `expr1` and `expr2`.",
        }));
        Assert.That((await RunAsync(client, "DESCRIBE FUNCTION EXTENDED !=")).Select(r => r[0]), Is.EqualTo(new[]
        {
            "Function: !=", "Usage: expr1 != expr2 - Returns true if `expr1` is not equal to `expr2`.", "Extended Usage:\n    No example/argument for !=.\n",
        }));
        Assert.That((await RunAsync(client, "DESCRIBE FUNCTION case"))[0][0], Is.EqualTo("Function: case"));
    }

    [Test]
    public async Task An_unknown_name_is_unresolved_routine_and_a_function_without_usage_text_is_unsupported()
    {
        var client = NewClient();

        Assert.That(await ErrorClassAsync(client, "DESCRIBE FUNCTION abcadf"), Is.EqualTo("UNRESOLVED_ROUTINE"));
        Assert.That(await ErrorClassAsync(client, "DESCRIBE FUNCTION EXTENDED upper"), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(await ErrorClassAsync(client, "DESCRIBE FUNCTION between"), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(await ErrorClassAsync(client, "DESCRIBE FUNCTION default.boolean"), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }
}

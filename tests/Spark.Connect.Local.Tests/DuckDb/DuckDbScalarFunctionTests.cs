using System.Runtime.InteropServices;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Tests.DuckDb;

/// <summary>Scalar functions written in C# (DuckDbScalarFunction, DuckDbScalarCall), with test functions of their own.</summary>
public sealed unsafe class DuckDbScalarFunctionTests : DuckDbTestBase
{
    [Test]
    public void A_function_registered_on_one_connection_is_seen_by_every_connection()
    {
        DuckDbScalarFunction.Register(Connection, "test_length_or_null", [DuckDbTypeId.Varchar], DuckDbTypeId.Varchar, &LengthOrNull);
        using var other = Database.Connect();

        using var result = other.Query("SELECT test_length_or_null(t) FROM (VALUES ('abc'), (NULL), (''), ('ü')) v(t)");
        var values = ReadAll(result, (chunk, row) => chunk.GetVector(0).IsValid(row) ? chunk.GetVector(0).GetString(row) : null);

        // NULL in, NULL out; the empty text is NULL by this function's own rule; 'ü' is two bytes.
        Assert.That(values, Is.EqualTo(new[] { "3", null, null, "2" }));
    }

    [Test]
    public void Registering_a_name_again_replaces_the_function()
    {
        DuckDbScalarFunction.Register(Connection, "test_twice", [DuckDbTypeId.Varchar], DuckDbTypeId.Varchar, &LengthOrNull);
        DuckDbScalarFunction.Register(Connection, "test_twice", [DuckDbTypeId.Varchar], DuckDbTypeId.Varchar, &Refuse);
        var error = Assert.Throws<DuckDbException>(() => Connection.Query("SELECT test_twice(v) FROM (VALUES ('abc')) t(v)").Dispose())!;
        Assert.That(error.Message, Does.Contain("refused"), "the second registration is the one called");
    }

    [Test]
    public void A_failing_call_fails_the_statement_with_its_message()
    {
        DuckDbScalarFunction.Register(Connection, "test_refuse", [DuckDbTypeId.Varchar], DuckDbTypeId.Varchar, &Refuse);
        Connection.ExecuteNonQuery("CREATE TABLE t AS SELECT 'x' AS v");

        var error = Assert.Throws<DuckDbException>(() =>
        {
            using var result = Connection.Query("SELECT test_refuse(v) FROM t");
            ReadAll(result, (chunk, row) => row);
        })!;

        Assert.That(error.Message, Does.Contain("Invalid Input Error").And.Contain("refused: ünïcode kept"));
        // The connection is still usable.
        using var after = Connection.Query("SELECT 1");
        Assert.That(ReadAll(after, (chunk, row) => chunk.GetVector(0).GetData<int>()[row]), Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void The_engine_functions_are_in_every_database_opened()
    {
        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();
        using var result = connection.Query("SELECT spark_upper('ß'), spark_lower('İ'), spark_initcap('ǆ')");
        var row = ReadAll(result, (chunk, r) => Enumerable.Range(0, 3).Select(c => chunk.GetVector(c).GetString(r)).ToArray()).Single();
        Assert.That(row, Is.EqualTo(new[] { "SS", "i\u0307", "ǅ" }));
    }

    // Byte length of the text as text; NULL for NULL and for the empty text.
    [UnmanagedCallersOnly]
    private static void LengthOrNull(nint info, nint input, nint output)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var validity = call.Validity(0);
            var strings = call.Strings(0);
            for (var row = 0; row < call.RowCount; row++)
            {
                if (!validity.IsValid(row) || strings[row].IsEmpty)
                    call.SetNull(row);
                else
                    call.SetString(row, System.Text.Encoding.UTF8.GetBytes(strings[row].Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, e.Message);
        }
    }

    [UnmanagedCallersOnly]
    private static void Refuse(nint info, nint input, nint output) => DuckDbScalarCall.Fail(info, "refused: ünïcode kept");
}

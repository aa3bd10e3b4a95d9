using Spark.Connect;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

public sealed class LiteralTests : PlannerTestBase
{
    private static DataType Int => new() { Integer = new DataType.Types.Integer() };
    private static DataType Str => new() { String = new DataType.Types.String() };

    private static IEnumerable<TestCaseData> Literals()
    {
        yield return Case(new Literal { Null = Int }, null, "INTEGER");
        yield return Case(new Literal { Null = new DataType { Null = new DataType.Types.NULL() } }, null, "\"NULL\"");
        yield return Case(new Literal { Binary = Google.Protobuf.ByteString.CopyFrom(0, 39, 255) }, "\\x00\\x27\\xFF", "BLOB");
        yield return Case(new Literal { Boolean = true }, "true", "BOOLEAN");
        yield return Case(new Literal { Byte = -128 }, "-128", "TINYINT");
        yield return Case(new Literal { Short = 32767 }, "32767", "SMALLINT");
        yield return Case(new Literal { Integer = int.MinValue }, "-2147483648", "INTEGER");
        yield return Case(new Literal { Long = long.MaxValue }, "9223372036854775807", "BIGINT");
        yield return Case(new Literal { Float = 1.5f }, "1.5", "FLOAT");
        yield return Case(new Literal { Double = -2.25 }, "-2.25", "DOUBLE");
        yield return Case(new Literal { Decimal = new() { Value = "-12.340" } }, "-12.340", "DECIMAL(5,3)");
        yield return Case(new Literal { Decimal = new() { Value = "1.5", Precision = 20, Scale = 4 } }, "1.5000", "DECIMAL(20,4)");
        yield return Case(new Literal { Decimal = new() { Value = "12345678901234567890123456789012345678" } }, "12345678901234567890123456789012345678", "DECIMAL(38,0)");
        yield return Case(new Literal { String = "héllo 🌍" }, "héllo 🌍", "VARCHAR");
        yield return Case(new Literal { Date = 19358 }, "2023-01-01", "DATE");
        yield return Case(new Literal { Timestamp = 1_672_531_200_000_001 }, "2023-01-01 00:00:00.000001+00", "TIMESTAMP WITH TIME ZONE");
        yield return Case(new Literal { TimestampNtz = 1_672_531_200_000_000 }, "2023-01-01 00:00:00", "TIMESTAMP");
        yield return Case(new Literal { DayTimeInterval = 90_061_000_001 }, "25:01:01.000001", "INTERVAL");
        yield return Case(new Literal { YearMonthInterval = 14 }, "1 year 2 months", "INTERVAL");
        yield return Case(new Literal { CalendarInterval = new() { Months = 1, Days = 2, Microseconds = 3_000_000 } }, "1 month 2 days 00:00:03", "INTERVAL");
        yield return Case(new Literal { Array = new() { ElementType = Int, Elements = { new Literal { Integer = 1 }, new Literal { Null = Int } } } }, "[1, NULL]", "INTEGER[]");
        yield return Case(new Literal { Array = new() { ElementType = Str } }, "[]", "VARCHAR[]");
        yield return Case(new Literal { SpecializedArray = new() { Longs = new() { Values = { 5, 6 } } } }, "[5, 6]", "BIGINT[]");
        yield return Case(new Literal { Map = new() { KeyType = Str, ValueType = Int, Keys = { new Literal { String = "k" } }, Values = { new Literal { Integer = 9 } } } },
            "{k=9}", "MAP(VARCHAR, INTEGER)");
        var structType = new DataType { Struct = new DataType.Types.Struct { Fields = { new DataType.Types.StructField { Name = "a b", DataType = Int }, new DataType.Types.StructField { Name = "c", DataType = Str } } } };
        yield return Case(new Literal { Struct = new() { StructType = structType, Elements = { new Literal { Integer = 1 }, new Literal { String = "x" } } } },
            "{'a b': 1, 'c': x}", "STRUCT(\"a b\" INTEGER, c VARCHAR)");
    }

    private static TestCaseData Case(Literal literal, string? text, string type) =>
        new TestCaseData(literal, text, type).SetArgDisplayNames(literal.LiteralTypeCase + ":" + (text ?? "null"));

    [TestCaseSource(nameof(Literals))]
    public void LiteralRoundTripsWithItsType(Literal literal, string? expected, string duckDbType)
    {
        var plan = Project(Table("depts"), Alias(Lit(literal), "v"), Alias(Fn("typeof", Lit(literal)), "t"));
        Connection.ExecuteNonQuery("SET TimeZone = 'UTC'");
        var rows = Rows(New(r => r.Limit = new Limit { Input = plan, Limit_ = 1 }));
        Assert.That(rows[0][0], Is.EqualTo(expected));
        Assert.That(rows[0][1], Is.EqualTo(duckDbType));
    }

    [Test]
    public void InvalidLiteralsFailClearly()
    {
        var tooWide = Project(Table("depts"), Lit(new Literal { Decimal = new() { Value = "123456789012345678901234567890123456789" } }));
        Assert.That(PlanError(tooWide).ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE"));
        var notNumber = Project(Table("depts"), Lit(new Literal { Decimal = new() { Value = "1.2.3" } }));
        Assert.That(PlanError(notNumber).Message, Does.Contain("1.2.3"));
        Assert.That(PlanError(Project(Table("depts"), Lit(new Literal { Byte = 200 }))).Message, Does.Contain("200"));
        Assert.That(PlanError(Project(Table("depts"), Lit(new Literal { Short = -40000 }))).Message, Does.Contain("-40000"));
        var untypedEmpty = Project(Table("depts"), Lit(new Literal { Array = new() }));
        Assert.That(PlanError(untypedEmpty).ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE"));
    }
}

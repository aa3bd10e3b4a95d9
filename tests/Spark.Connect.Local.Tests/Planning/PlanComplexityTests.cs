using Google.Protobuf;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Resolution;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>
/// The planner's depth budget: plans up to the server's decoding limit (1,024 protobuf levels) are planned,
/// deeper ones, views read through views past 1,000 levels, DDL types past 1,000 levels and SQL deeper than
/// DuckDB binds all fail as Spark fails a statement too complex to parse. (Cases that would overflow the stack
/// if this regressed run in a child process: <see cref="DeepPlanProcessTests"/>.)
/// </summary>
public sealed class PlanComplexityTests : PlannerTestBase
{
    [Test]
    public void A_plan_nested_to_the_decoding_limit_is_planned_and_one_level_more_is_refused()
    {
        var atTheLimit = Aliases(DeepestWithin(1024, Aliases));
        Assert.That(DecodingDepth(atTheLimit), Is.EqualTo(1024));
        Assert.That(Rows(atTheLimit), Has.Count.EqualTo(4));

        var error = PlanError(Aliases(DeepestWithin(1024, Aliases) + 1));

        Assert.That(error.ErrorClass, Is.EqualTo("FAILED_TO_PARSE_TOO_COMPLEX"));
        Assert.That(error.SqlState, Is.EqualTo("54001"));
        Assert.That(error.Message, Does.Contain("1,026 protobuf levels deep, more than the 1,024"), "one alias adds two levels");
        Assert.That(error.MessageParameters["limit"], Is.EqualTo("1,024"));
    }

    [Test]
    public void Relations_and_expressions_far_deeper_than_the_limit_are_refused()
    {
        var filters = Table("people");
        for (var i = 0; i < 5000; i++)
            filters = new Relation { Filter = new Filter { Input = filters, Condition = Lit(new Expression.Types.Literal { Boolean = true }) } };
        Assert.That(PlanError(filters).ErrorClass, Is.EqualTo("FAILED_TO_PARSE_TOO_COMPLEX"));
        Assert.That(PlanError(Aliases(5000)).ErrorClass, Is.EqualTo("FAILED_TO_PARSE_TOO_COMPLEX"));
    }

    [Test]
    public void A_moderately_deep_plan_runs()
    {
        var filters = Table("people");
        for (var i = 0; i < 50; i++)
            filters = Filter(filters, Fn(">", Col("id"), Lit(0)));
        Assert.That(Rows(filters), Has.Count.EqualTo(4));
    }

    [Test]
    public void Views_read_through_views_are_refused_past_the_nesting_budget()
    {
        // Each view is well within the decoding limit; read through one another they nest 1,200 relations.
        Session.Views["v1"] = Filters(Table("people"), 400);
        Session.Views["v2"] = Filters(Table("v1"), 400);

        var error = PlanError(Filters(Table("v2"), 400));

        Assert.That(error.ErrorClass, Is.EqualTo("FAILED_TO_PARSE_TOO_COMPLEX"));
        Assert.That(error.Message, Does.Contain("more than 1,000 levels deep"));
        Assert.That(Plan(Table("v2")).Sql, Does.Contain("WHERE"), "800 relations through one view are within the budget");
    }

    [Test]
    public void Sql_nested_deeper_than_duckdb_binds_is_refused_as_too_complex()
    {
        // DuckDB's own SQL, passed through (the Spark SQL parser has its own budget: SparkSqlParseErrorTests).
        Session.SqlDialect = SqlDialect.DuckDb;
        var subqueries = string.Concat(Enumerable.Repeat("SELECT * FROM (", 1500)) + "SELECT 1 AS x" + string.Concat(Enumerable.Repeat(") AS t", 1500));
        var parentheses = "SELECT " + new string('(', 100_000) + "1" + new string(')', 100_000);

        foreach (var text in new[] { subqueries, parentheses })
        {
            var error = PlanError(New(r => r.Sql = new SQL { Query = text }));
            Assert.That(error.ErrorClass, Is.EqualTo("FAILED_TO_PARSE_TOO_COMPLEX"));
            Assert.That(error.InnerException, Is.TypeOf<Spark.Connect.Local.DuckDb.DuckDbException>(), "DuckDB's own message stays the cause");
        }
    }

    [Test]
    public void Spark_sql_nested_past_the_parser_budget_is_refused_before_duckdb()
    {
        var subqueries = string.Concat(Enumerable.Repeat("SELECT * FROM (", 1500)) + "SELECT 1 AS x" + string.Concat(Enumerable.Repeat(") AS t", 1500));
        var parentheses = "SELECT " + new string('(', 100_000) + "1" + new string(')', 100_000);
        foreach (var text in new[] { subqueries, parentheses })
        {
            var error = PlanError(New(r => r.Sql = new SQL { Query = text }));
            Assert.That(error.ErrorClass, Is.EqualTo("FAILED_TO_PARSE_TOO_COMPLEX"));
            Assert.That(error.InnerException, Is.Null, "refused by the parser, before anything reaches DuckDB");
        }
    }

    [Test]
    public void Planned_sql_deeper_than_duckdb_binds_is_refused_as_too_complex()
    {
        Functions = null;
        // 505 filters are within the decoding limit; as SQL they nest a derived table per filter, past DuckDB's depth.
        var error = PlanError(Filters(Table("people"), 505));

        Assert.That(error.ErrorClass, Is.EqualTo("FAILED_TO_PARSE_TOO_COMPLEX"));
        Assert.That(error.Message, Does.Contain("DuckDB"));
    }

    [TestCase(1000, true)]
    [TestCase(1001, false)]
    public void Ddl_types_nest_up_to_the_budget(int arrays, bool parses)
    {
        var text = string.Concat(Enumerable.Repeat("array<", arrays)) + "int" + new string('>', arrays);

        if (parses)
        {
            var type = DdlSchema.Parse(text);
            var depth = 0;
            for (; type.KindCase == DataType.KindOneofCase.Array; type = type.Array.ElementType) depth++;
            Assert.That(depth, Is.EqualTo(arrays));
        }
        else
        {
            var error = Assert.Throws<LocalEngineException>(() => DdlSchema.Parse(text))!;
            Assert.That(error.ErrorClass, Is.EqualTo("FAILED_TO_PARSE_TOO_COMPLEX"));
            Assert.That(error.Message, Does.Contain("more than 1,000 levels deep"));
        }
    }

    private Relation Filters(Relation input, int count)
    {
        for (var i = 0; i < count; i++) input = Filter(input, Fn(">", Col("id"), Lit(0)));
        return input;
    }

    /// <summary>
    /// <c>SELECT 1.5 AS x AS x …</c>: an expression nested <paramref name="count"/> aliases deep. (A decimal literal
    /// is one message deeper than a column, which makes an even number of levels, so 1,024 itself can be reached.)
    /// </summary>
    private Relation Aliases(int count)
    {
        var expression = Lit(new Expression.Types.Literal { Decimal = new Expression.Types.Literal.Types.Decimal { Value = "1.5", Precision = 2, Scale = 1 } });
        for (var i = 0; i < count; i++) expression = Alias(expression, "x");
        return Project(Table("people"), expression);
    }

    /// <summary>The largest n for which <paramref name="build"/>(n) nests at most <paramref name="limit"/> levels.</summary>
    private static int DeepestWithin(int limit, Func<int, Relation> build)
    {
        var (low, high) = (0, 1);
        while (DecodingDepth(build(high)) <= limit) (low, high) = (high, high * 2);
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (DecodingDepth(build(middle)) <= limit) low = middle;
            else high = middle;
        }
        return low;
    }

    /// <summary>The smallest recursion limit protobuf's parser reads <paramref name="relation"/> with: its nesting as Spark's server counts it.</summary>
    private static int DecodingDepth(Relation relation)
    {
        var bytes = relation.ToByteArray();
        var (low, high) = (0, 1);
        while (!Decodes(bytes, high)) (low, high) = (high, high * 2);
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (Decodes(bytes, middle)) high = middle;
            else low = middle;
        }
        return high;
    }

    private static bool Decodes(byte[] bytes, int limit)
    {
        try
        {
            Relation.Parser.ParseFrom(CodedInputStream.CreateWithLimits(new MemoryStream(bytes), int.MaxValue, limit));
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }
}

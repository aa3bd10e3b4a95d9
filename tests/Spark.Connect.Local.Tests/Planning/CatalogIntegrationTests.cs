using Spark.Connect;
using Spark.Connect.Local.Planning;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>The planner with the real function catalog: windows and casts, where the two meet.</summary>
public sealed class CatalogIntegrationTests : PlannerTestBase
{
    [SetUp]
    public void UseCatalog() => Functions = null;

    [Test]
    public void Ranking_window_functions_get_the_over_clause_inside_the_cast_to_Sparks_integer()
    {
        var people = Table("people");
        var rank = Over(Fn("row_number"), partitionBy: Col("dept"), orderBy: Col("salary"), descending: true);
        var query = SortBy(Project(people, Col("id"), Alias(rank, "rn")), "id");

        Assert.That(Lines(query), Is.EqualTo(new[] { "1|2", "2|1", "3|1", "4|1" }));
        Assert.That(OutputTypes(query), Is.EqualTo(new[] { "INTEGER", "INTEGER" }));
    }

    [Test]
    public void Aggregates_run_as_window_functions_over_a_partition()
    {
        var people = Table("people");
        var total = Over(Fn("sum", Col("salary")), partitionBy: Col("dept"), orderBy: null, descending: false);
        Assert.That(Lines(SortBy(Project(people, Col("id"), Alias(total, "t")), "id")), Is.EqualTo(new[] { "1|300.0", "2|300.0", "3|300.0", "4|400.0" }));
    }

    [Test]
    public void A_scalar_function_under_over_is_refused_by_name()
    {
        var query = Project(Table("people"), Over(Fn("upper", Col("name")), Col("dept"), null, false));
        var error = PlanError(query);
        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.Message, Does.Contain("'upper' as a window function"));
    }

    [TestCase(-47.6, "-47")]
    [TestCase(2.5, "2")]
    [TestCase(-0.5, "0")]
    [TestCase(99.99, "99")]
    public void Casting_a_double_to_int_truncates_toward_zero_as_Spark_does(double value, string expected)
    {
        var query = Project(Table("depts"), Alias(CastTo(Lit(new Literal { Double = value }), new DataType { Integer = new() }), "v"));
        Assert.That(Lines(Limit1(query)), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Casting_a_decimal_to_bigint_truncates_and_a_string_still_parses()
    {
        var decimalValue = Lit(new Literal { Decimal = new Literal.Types.Decimal { Value = "-1.50", Precision = 3, Scale = 2 } });
        var query = Project(Table("depts"),
            Alias(CastTo(decimalValue, new DataType { Long = new() }), "d"),
            Alias(CastTo(Lit("42"), new DataType { Integer = new() }), "s"));
        Assert.That(Lines(Limit1(query)), Is.EqualTo(new[] { "-1|42" }));
    }

    private Relation Limit1(Relation input) => New(r => r.Limit = new Limit { Input = input, Limit_ = 1 });

    private static Expression CastTo(Expression expression, DataType type) =>
        new() { Cast = new Expression.Types.Cast { Expr = expression, Type = type } };

    private static Expression Over(Expression function, Expression partitionBy, Expression? orderBy, bool descending)
    {
        var window = new Expression.Types.Window { WindowFunction = function, PartitionSpec = { partitionBy } };
        if (orderBy is not null)
            window.OrderSpec.Add(new Expression.Types.SortOrder
            {
                Child = orderBy,
                Direction = descending ? Expression.Types.SortOrder.Types.SortDirection.Descending : Expression.Types.SortOrder.Types.SortDirection.Ascending,
            });
        return new Expression { Window = window };
    }
}

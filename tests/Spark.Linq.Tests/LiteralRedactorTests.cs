using Spark.Linq.Plans;

namespace Spark.Linq.Tests;

/// <summary>The plan text logged by default: every literal value gone, names and shape kept, the query itself untouched.</summary>
public class LiteralRedactorTests : PlanTestBase
{
    private static string Redacted<T>(IQueryable<T> query) => PlanPrinter.Print(LiteralRedactor.Redact(query.ToRelation()));

    [Test]
    public void Captured_values_constants_and_collections_print_as_placeholders_while_names_stay()
    {
        var region = "EMEA-secret";
        var ids = new long[] { 4711, 4712 };
        var query = Orders.Where(o => o.Region == region && o.Amount > 99.5 && ids.Contains(o.Id) && o.Note != null).Take(3);

        var text = Redacted(query);

        Assert.That(text, Does.Not.Contain("EMEA-secret").And.Not.Contain("99.5").And.Not.Contain("4711"));
        Assert.That(text, Does.Contain("Region").And.Contain("Amount").And.Contain("Read sales.orders").And.Contain("?"));
        Assert.That(query.ToPlanString(), Does.Contain("EMEA-secret"), "the query's own plan keeps its values");
    }

    [Test]
    public void SQL_text_written_in_code_stays_and_its_arguments_go()
    {
        var query = Spark.Sql<Order>("SELECT * FROM sales.orders WHERE Region = :region", new { region = "APAC-secret" });

        var text = Redacted(query);

        Assert.That(text, Does.Contain("WHERE Region = :region").And.Contain("region = ?"));
        Assert.That(text, Does.Not.Contain("APAC-secret"));
    }
}

using System.ComponentModel.DataAnnotations.Schema;
using Spark.DeepPlanProbe;
using Spark.Linq.Testing;

namespace Spark.Linq.Tests.Testing;

/// <summary>
/// <see cref="QueryPlan.ToSparkSql"/>: a query as Spark SQL to paste into a notebook, values inlined safely, a header
/// naming the values the query captured, and a clear refusal for what has no SQL form. (Running the SQL on the local
/// engine and comparing answers is in Spark.Linq.Testing.Tests.)
/// </summary>
public class SparkSqlTests : PlanTestBase
{
    [Test]
    public void The_representative_query_is_one_statement_with_its_captured_values_named_in_a_header()
    {
        var sql = PlanSnapshotScenario.Representative(Spark).ToSparkSql();

        Assert.That(sql, Is.EqualTo("""
            -- Values the query captured, written in as they were when it was translated:
            --   minimum = 2.50m
            --   status = ParcelStatus.Shipped
            --   since = new DateTime(2024, 1, 31, 12, 30, 0, DateTimeKind.Utc)
            SELECT p.Id AS Id, r.Name AS Name, (p.Weight > CAST(20 AS DECIMAL(2,0))) AS Heavy
            FROM (
              SELECT *
              FROM parcels
              WHERE ((((Weight > CAST(2.50 AS DECIMAL(3,2))) AND (NOT (Status = 3))) AND (SentAt >= TIMESTAMP '2024-01-31 12:30:00+00:00')) AND (Carrier IS NOT DISTINCT FROM 'O\'Hare "Express"'))
            ) AS p
            JOIN recipients AS r ON (p.recipient_id = r.Id)
            ORDER BY p.Weight DESC NULLS LAST
            LIMIT 10
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void A_query_without_captured_values_has_no_header()
    {
        var sql = Orders.Where(o => o.Amount > 10).Select(o => o.Id).ToSparkSql();

        Assert.That(sql, Is.EqualTo("SELECT Id AS Id\nFROM sales.orders\nWHERE (Amount > CAST('10' AS DOUBLE))"));
    }

    [Test]
    public void Computed_values_are_named_by_the_CSharp_they_came_from()
    {
        var filter = new { Minimum = 5.0 };
        var sql = Orders.Where(o => o.Amount > filter.Minimum && o.PlacedAt < new DateTime(2024, 2, 1).AddDays(1)).ToSparkSql();

        Assert.That(sql.Split('\n').TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "-- Values the query captured, written in as they were when it was translated:",
            "--   filter.Minimum = 5d",
            "--   new DateTime(2024, 2, 1).AddDays(1) = new DateTime(2024, 2, 2, 0, 0, 0)",
        }));
    }

    [Test]
    public void Strings_are_escaped_so_no_value_can_end_the_literal_or_be_substituted()
    {
        var sql = Orders.Where(o => o.Region == "a'b\\c ${x}\n--").ToSparkSql();

        Assert.That(sql, Does.EndWith(@"WHERE (Region IS NOT DISTINCT FROM 'a\'b\\c \u0024{x}\n--')"));
    }

    [Test]
    public void Names_that_are_keywords_or_not_plain_are_back_quoted()
    {
        var sql = Spark.Table<OddNames>("odd names").Select(o => new { Order = o.Select, o.Spaced, o.Ticked }).ToSparkSql();

        Assert.That(sql, Is.EqualTo("SELECT `select` AS `Order`, `has space` AS Spaced, `back``tick` AS Ticked\nFROM `odd names`"));
    }

    [Test]
    public void Operators_combine_in_the_order_sql_applies_its_clauses()
    {
        var sql = Orders.OrderBy(o => o.Id).Skip(5).Take(3).Where(o => o.Shipped).Select(o => new { o.Id }).Distinct().ToSparkSql();

        Assert.That(sql, Is.EqualTo("""
            SELECT DISTINCT Id AS Id
            FROM (
              SELECT *
              FROM sales.orders
              ORDER BY Id ASC NULLS FIRST
              LIMIT 3
              OFFSET 5
            ) AS orders
            WHERE Shipped
            ORDER BY Id ASC NULLS FIRST
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void A_projection_that_reuses_a_sort_columns_name_for_another_value_keeps_the_sort_below_it()
    {
        // In one SELECT, ORDER BY Amount would sort by the alias (the Id), not by the amount the query sorted on.
        var renamed = Orders.OrderBy(o => o.Amount).Select(o => new { Amount = o.Id }).ToSparkSql();
        var kept = Orders.OrderBy(o => o.Amount).Select(o => new { o.Amount, o.Id }).ToSparkSql();

        Assert.That(renamed, Is.EqualTo("SELECT Id AS Amount\nFROM (\n  SELECT *\n  FROM sales.orders\n  ORDER BY Amount ASC NULLS FIRST\n) AS orders"));
        Assert.That(kept, Is.EqualTo("SELECT Amount AS Amount, Id AS Id\nFROM sales.orders\nORDER BY Amount ASC NULLS FIRST"));
    }

    [Test]
    public void Semi_joins_and_conditionals_use_Sparks_syntax()
    {
        var customers = Spark.Table<Customer>("crm.customers");
        var sql = Orders.Where(o => customers.Any(c => c.Id == o.CustomerId)).Select(o => new { o.Id, Size = o.Amount > 100 ? "big" : "small", Qty = o.Quantity ?? 0 }).ToSparkSql();

        Assert.That(sql, Is.EqualTo("""
            SELECT o.Id AS Id, CASE WHEN (o.Amount > CAST('100' AS DOUBLE)) THEN 'big' ELSE 'small' END AS Size, coalesce(o.Quantity, 0) AS Qty
            FROM sales.orders AS o
            LEFT SEMI JOIN crm.customers AS c ON (c.Id = o.customer_id)
            """.ReplaceLineEndings("\n")));
    }

    public sealed class OddNames
    {
        [Column("select")] public int Select { get; set; }
        [Column("has space")] public string Spaced { get; set; } = "";
        [Column("back`tick")] public string Ticked { get; set; } = "";
    }
}

using System.ComponentModel.DataAnnotations.Schema;
using Spark.Connect.Protocol;
using Spark.Linq.Testing;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Tests.Testing;

/// <summary>
/// <see cref="QueryPlan.ToSparkSql"/> for the sources and operators beyond tables: rows sent with the query as an inline
/// VALUES table typed like the query's columns, SQL arguments written into the text, file reads as Spark's path
/// relations, and pivots as Spark's PIVOT clause; and a refusal naming what Spark SQL can't say.
/// </summary>
public class SparkSqlSourcesTests : PlanTestBase
{
    [Test]
    public void Local_rows_become_an_inline_table_whose_values_carry_the_column_types()
    {
        var rows = new[]
        {
            new Parcel { Id = 1, Label = "O'Hare $x", Weight = 2.5m, Express = true, Sent = new DateOnly(2024, 1, 31), Tags = ["a", "b"], Size = new(3, 4) },
            new Parcel { Id = 2, Label = null, Weight = 10m, Express = false, Sent = null, Tags = [], Size = null },
        };

        var sql = Spark.CreateDataFrame(rows).Where(p => p.Weight > 1m).Select(p => new { p.Id, p.Label }).ToSparkSql();

        Assert.That(sql, Is.EqualTo("""
            SELECT Id AS Id, parcel_label AS Label
            FROM (
              VALUES
                (1, 'O\'Hare \u0024x', CAST(2.5 AS DECIMAL(38,1)), TRUE, DATE '2024-01-31', CAST(array('a', 'b') AS ARRAY<STRING>), named_struct('Width', 3, 'Height', CAST(4 AS BIGINT))),
                (2, CAST(NULL AS STRING), CAST(10.0 AS DECIMAL(38,1)), FALSE, CAST(NULL AS DATE), CAST(array() AS ARRAY<STRING>), CAST(NULL AS STRUCT<Width: INT, Height: BIGINT>))
            ) AS _1(Id, parcel_label, Weight, Express, Sent, Tags, Size)
            WHERE (Weight > CAST(1 AS DECIMAL(1,0)))
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void No_local_rows_are_a_typed_row_of_nulls_limited_to_none()
    {
        var sql = Spark.CreateDataFrame(Array.Empty<Customer>()).ToSparkSql();

        Assert.That(sql, Is.EqualTo("""
            SELECT *
            FROM (
              SELECT CAST(NULL AS INT) AS Id, CAST(NULL AS STRING) AS Name, CAST(NULL AS STRING) AS Country
              LIMIT 0
            ) AS _1
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Sql_arguments_are_written_in_as_literals_outside_strings_comments_and_casts()
    {
        var query = Spark.Sql<Customer>("SELECT * FROM customers /* :id */ WHERE Id = :id AND Name <> ':name' AND Country = :country -- :id\nAND Id::string <> :name",
            new { id = 7, country = "it's", name = "x" });

        Assert.That(query.ToSparkSql(), Is.EqualTo("""
            -- Values the query captured, written in as they were when it was translated:
            --   :id = 7
            --   :country = "it's"
            --   :name = "x"
            SELECT *
            FROM (
              SELECT * FROM customers /* :id */ WHERE Id = 7 AND Name <> ':name' AND Country = 'it\'s' -- :id
              AND Id::string <> 'x'
            ) AS _1
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Positional_and_legacy_arguments_are_written_in_and_a_marker_without_one_is_refused()
    {
        var sql = new SQL { Query = "SELECT ? AS a, :b AS b, '?' AS c" };
        sql.PosArgs.Add(new Literal { Long = 5 });
        sql.Args["b"] = new Literal { String = "bee" };
        var unbound = new SQL { Query = "SELECT :b, :missing", Args = { ["b"] = new Literal { Integer = 1 } } };

        Assert.That(QueryPlan.From(new Relation { Sql = sql }).ToSparkSql(), Is.EqualTo("SELECT *\nFROM (\n  SELECT CAST(5 AS BIGINT) AS a, 'bee' AS b, '?' AS c\n) AS _1"));
        Assert.That(() => QueryPlan.From(new Relation { Sql = unbound }).ToSparkSql(),
            Throws.TypeOf<NotSupportedException>().With.Message.Contains(":missing").And.Message.Contains("UNBOUND_SQL_PARAMETER"));
    }

    [Test]
    public void A_file_read_is_a_path_relation_with_its_options()
    {
        var read = Files("csv", ["/data/it's `odd`.csv"], ("sep", ";"), ("header", "true"));
        var filtered = new Relation { Filter = new Filter { Input = Aliased(read, "f"), Condition = Column("f.amount") } };

        Assert.That(QueryPlan.From(read).ToSparkSql(), Is.EqualTo("SELECT *\nFROM csv.`/data/it's ``odd``.csv` WITH ('header' = 'true', 'sep' = ';')"));
        Assert.That(QueryPlan.From(filtered).ToSparkSql(), Is.EqualTo("SELECT *\nFROM csv.`/data/it's ``odd``.csv` WITH ('header' = 'true', 'sep' = ';') AS f\nWHERE f.amount"));
    }

    [Test]
    public void Table_options_are_the_tables_with_clause()
    {
        var read = new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = "sales.orders", Options = { ["versionAsOf"] = "3" } } } };

        Assert.That(QueryPlan.From(read).ToSparkSql(), Is.EqualTo("SELECT *\nFROM sales.orders WITH ('versionAsOf' = '3')"));
    }

    [Test]
    public void File_reads_a_path_relation_cant_state_are_refused_by_name()
    {
        var two = Files("parquet", ["/a", "/b"]);
        var schema = Files("json", ["/a"]);
        schema.Read.DataSource.Schema = "a INT";
        var noFormat = Files("parquet", ["/a"]);
        noFormat.Read.DataSource.ClearFormat();

        Assert.That(() => QueryPlan.From(two).ToSparkSql(), Throws.TypeOf<NotSupportedException>().With.Message.Contains("2 paths"));
        Assert.That(() => QueryPlan.From(schema).ToSparkSql(), Throws.TypeOf<NotSupportedException>().With.Message.Contains("schema"));
        Assert.That(() => QueryPlan.From(noFormat).ToSparkSql(), Throws.TypeOf<NotSupportedException>().With.Message.Contains("format"));
    }

    [Test]
    public void A_pivot_narrows_its_input_to_the_columns_it_groups_pivots_and_aggregates()
    {
        var aggregate = new Aggregate
        {
            Input = Aliased(new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = "sales" } } }, "s"),
            GroupType = Aggregate.Types.GroupType.Pivot,
            GroupingExpressions = { Column("s.region") },
            AggregateExpressions = { Function("sum", Column("s.amount")), new Expression { Alias = new Expression.Types.Alias { Expr = Function("count", Column("id")), Name = { "n" } } } },
            Pivot = new Aggregate.Types.Pivot { Col = Column("s.year"), Values = { new Literal { Integer = 2023 }, new Literal { Integer = 2024 } } },
        };

        Assert.That(QueryPlan.From(new Relation { Aggregate = aggregate }).ToSparkSql(), Is.EqualTo("""
            SELECT *
            FROM (
              SELECT *
              FROM (
                SELECT s.region, s.year, amount, id
                FROM sales AS s
              ) AS _1
              PIVOT (
                sum(amount), count(id) AS n
                FOR year IN (2023, 2024)
              )
            ) AS _2
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void A_pivot_without_values_or_aggregating_its_own_keys_is_refused_by_name()
    {
        var input = new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = "sales" } } };
        var noValues = new Aggregate { Input = input, GroupType = Aggregate.Types.GroupType.Pivot, Pivot = new Aggregate.Types.Pivot { Col = Column("year") } };
        noValues.AggregateExpressions.Add(Function("sum", Column("amount")));
        var ownKey = noValues.Clone();
        ownKey.Pivot.Values.Add(new Literal { Integer = 1 });
        ownKey.GroupingExpressions.Add(Column("region"));
        ownKey.AggregateExpressions.Add(Function("max", Column("region")));

        Assert.That(() => QueryPlan.From(new Relation { Aggregate = noValues }).ToSparkSql(), Throws.TypeOf<NotSupportedException>().With.Message.Contains("values"));
        Assert.That(() => QueryPlan.From(new Relation { Aggregate = ownKey }).ToSparkSql(), Throws.TypeOf<NotSupportedException>().With.Message.Contains("region"));
    }

    private static Relation Files(string format, string[] paths, params (string Key, string Value)[] options)
    {
        var source = new Read.Types.DataSource { Format = format };
        source.Paths.AddRange(paths);
        foreach (var (key, value) in options) source.Options[key] = value;
        return new Relation { Read = new Read { DataSource = source } };
    }

    private static Relation Aliased(Relation input, string alias) => new() { SubqueryAlias = new SubqueryAlias { Input = input, Alias = alias } };

    private static Expression Column(string name) => new() { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = name } };

    private static Expression Function(string name, Expression argument) =>
        new() { UnresolvedFunction = new Expression.Types.UnresolvedFunction { FunctionName = name, Arguments = { argument } } };

    public sealed record Size(int Width, long Height);

    public sealed class Parcel
    {
        public int Id { get; set; }
        [Column("parcel_label")] public string? Label { get; set; }
        public decimal Weight { get; set; }
        public bool Express { get; set; }
        public DateOnly? Sent { get; set; }
        public List<string> Tags { get; set; } = [];
        public Size? Size { get; set; }
    }
}

using Spark.Linq.Testing;
namespace Spark.Connect.Local.Tests.Server;

/// <summary>
/// Temporary views (createTempView, createOrReplaceTempView, createGlobalTempView): stored plans read through
/// table(…) and spark.sql, per session or, under <c>global_temp</c>, server-wide.
/// </summary>
public sealed class TempViewTests : LocalServerTestBase
{
    [SetUp]
    public void CreateData() =>
        Server.CreateTable("people", new[] { new ViewPerson("Ann", 31), new ViewPerson("Bob", 42), new ViewPerson("Cid", 17) });

    [Test]
    public async Task A_temp_view_is_read_through_table_with_its_plan_applied()
    {
        var client = NewClient();
        await CreateViewAsync(client, "adults", Adults());

        Assert.That(await RowsAsync(client, Table("adults")), Is.EqualTo(new[] { new object?[] { "Ann", 31 }, new object?[] { "Bob", 42 } }));
        Assert.That(await RowsAsync(client, Table("ADULTS")), Has.Count.EqualTo(2), "view names are case-insensitive");
    }

    [Test]
    public async Task A_temp_view_is_lazy_it_sees_rows_added_after_it_was_created()
    {
        var client = NewClient();
        await CreateViewAsync(client, "adults", Adults());
        Server.CreateTable("people", new[] { new ViewPerson("Dee", 50) });

        Assert.That(await RowsAsync(client, Table("adults")), Is.EqualTo(new[] { new object?[] { "Dee", 50 } }));
    }

    [Test]
    public async Task Spark_sql_sees_temp_views_in_queries_and_their_parameters_stay_bound()
    {
        var client = NewClient();
        await CreateViewAsync(client, "adults", Adults());

        var direct = await RowsAsync(client, Sql("SELECT name FROM adults WHERE age > 40"));
        var command = await CollectAsync(client.ExecutePlanAsync(SqlCommandTests.SqlCommand("SELECT count(*) AS n FROM adults")));
        var counted = await RowsAsync(client, new Plan { Root = command[0].SqlCommandResult.Relation });

        Assert.That(direct, Is.EqualTo(new[] { new object?[] { "Bob" } }));
        Assert.That(counted, Is.EqualTo(new[] { new object?[] { 2L } }));
    }

    [Test]
    public async Task A_temp_view_shadows_a_table_of_the_same_name()
    {
        var client = NewClient();
        await CreateViewAsync(client, "people", Adults());

        Assert.That(await RowsAsync(client, Table("people")), Has.Count.EqualTo(2));
        Assert.That(await RowsAsync(client, Sql("SELECT * FROM people")), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Creating_an_existing_view_without_replace_fails_and_with_replace_replaces_it()
    {
        var client = NewClient();
        await CreateViewAsync(client, "v", Adults());

        var error = await Assert.ThrowsAsync<SparkException>(() => CreateViewAsync(client, "V", Table("people").Root));
        Assert.That(error!.ErrorClass, Is.EqualTo("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS"));
        Assert.That(error.SqlState, Is.EqualTo("42P07"));
        Assert.That(await RowsAsync(client, Table("v")), Has.Count.EqualTo(2), "the failed create left the view alone");

        await CreateViewAsync(client, "v", Table("people").Root, replace: true);
        Assert.That(await RowsAsync(client, Table("v")), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Replacing_a_view_with_a_plan_over_itself_reads_the_old_definition()
    {
        var client = NewClient();
        await CreateViewAsync(client, "v", Adults());
        var older = new Relation { Filter = new Filter { Input = Table("v").Root, Condition = Condition("age < 40") } };

        await CreateViewAsync(client, "v", older, replace: true);

        Assert.That(await RowsAsync(client, Table("v")), Is.EqualTo(new[] { new object?[] { "Ann", 31 } }));
    }

    [Test]
    public async Task Temp_views_belong_to_their_session()
    {
        var owner = NewClient();
        var other = NewClient();
        await CreateViewAsync(owner, "mine", Adults());

        var error = await Assert.ThrowsAsync<SparkException>(async () => await RowsAsync(other, Table("mine")));
        Assert.That(error!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        var viaSql = await Assert.ThrowsAsync<SparkException>(async () => await RowsAsync(other, Sql("SELECT * FROM mine")));
        Assert.That(viaSql!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        // The other session may create its own view of that name.
        await CreateViewAsync(other, "mine", Table("people").Root);
        Assert.That(await RowsAsync(other, Table("mine")), Has.Count.EqualTo(3));
        Assert.That(await RowsAsync(owner, Table("mine")), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task List_tables_shows_a_sessions_temp_views_as_temporary_and_only_to_it()
    {
        var owner = NewClient();
        await CreateViewAsync(owner, "adults", Adults());
        var list = new Relation { Catalog = new Spark.Connect.Protocol.Catalog { ListTables = new ListTables() } };
        Expression Col(string name) => new() { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = name } };
        var plan = new Plan { Root = new Relation { Project = new Project { Input = list, Expressions = { Col("name"), Col("tableType"), Col("isTemporary") } } } };

        var rows = await RowsAsync(owner, plan);
        Assert.That(rows.Select(r => (r[0], r[1], r[2])), Does.Contain(((object?)"adults", (object?)"TEMPORARY", (object?)true)));
        Assert.That((await RowsAsync(owner, plan)).Count(r => Equals(r[2], true)), Is.EqualTo(1));
        Assert.That((await RowsAsync(NewClient(), plan)).Any(r => Equals(r[0], "adults")), Is.False);
    }

    [Test]
    public async Task Drop_temp_view_answers_whether_there_was_one_and_the_view_is_gone()
    {
        var client = NewClient();
        await CreateViewAsync(client, "adults", Adults());
        await CreateViewAsync(client, "shared", Adults(), global: true);
        Plan Drop(Action<Spark.Connect.Protocol.Catalog> fill)
        {
            var catalog = new Spark.Connect.Protocol.Catalog();
            fill(catalog);
            return new Plan { Root = new Relation { Catalog = catalog } };
        }

        Assert.That((await RowsAsync(client, Drop(c => c.DropTempView = new DropTempView { ViewName = "ADULTS" })))[0][0], Is.EqualTo(true));
        Assert.That((await RowsAsync(client, Drop(c => c.DropTempView = new DropTempView { ViewName = "adults" })))[0][0], Is.EqualTo(false));
        var error = await Assert.ThrowsAsync<SparkException>(async () => await RowsAsync(client, Table("adults")));
        Assert.That(error!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That((await RowsAsync(NewClient(), Drop(c => c.DropGlobalTempView = new DropGlobalTempView { ViewName = "shared" })))[0][0], Is.EqualTo(true));
        await Assert.ThrowsAsync<SparkException>(async () => await RowsAsync(client, Table("global_temp.shared")));
    }

    [Test]
    public async Task A_global_temp_view_is_read_as_global_temp_name_from_every_session()
    {
        var creator = NewClient();
        var reader = NewClient();
        await CreateViewAsync(creator, "shared", Adults(), global: true);

        Assert.That(await RowsAsync(reader, Table("global_temp.shared")), Has.Count.EqualTo(2));
        Assert.That(await RowsAsync(reader, Sql("SELECT max(age) AS oldest FROM global_temp.shared")), Is.EqualTo(new[] { new object?[] { 42 } }));
        var unqualified = await Assert.ThrowsAsync<SparkException>(async () => await RowsAsync(reader, Table("shared")));
        Assert.That(unqualified!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        var again = await Assert.ThrowsAsync<SparkException>(() => CreateViewAsync(reader, "SHARED", Adults(), global: true));
        Assert.That(again!.ErrorClass, Is.EqualTo("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS"));
    }

    [Test]
    public async Task A_view_over_a_missing_table_fails_when_created_as_in_spark()
    {
        var client = NewClient();
        var error = await Assert.ThrowsAsync<SparkException>(() => CreateViewAsync(client, "v", Table("nowhere").Root));
        Assert.That(error!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task A_view_defined_by_sql_is_read_by_later_sql()
    {
        var client = NewClient();
        var sqlView = new Relation { Sql = new SQL { Query = "SELECT id AS id FROM range(5)" } };
        await CreateViewAsync(client, "ids", sqlView);

        Assert.That(await RowsAsync(client, Sql("SELECT CAST(sum(id) AS BIGINT) AS total FROM ids")), Is.EqualTo(new[] { new object?[] { 10L } }));
    }

    [Test]
    public async Task A_view_with_bound_arguments_keeps_them_bound_inside_user_sql()
    {
        var client = NewClient();
        var older = new Relation { Sql = new SQL { Query = "SELECT name FROM people WHERE age > :min" } };
        older.Sql.Args.Add("min", new Expression.Types.Literal { Integer = 30 });
        await CreateViewAsync(client, "older", older);

        // The view's name also appears in a string literal and a comment: only the table reference is the view.
        var rows = await RowsAsync(client, Sql("SELECT name, 'older' AS tag FROM older /* older */ WHERE name <> 'Zed' ORDER BY name"));

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { "Ann", "older" }, new object?[] { "Bob", "older" } }));
    }

    [Test]
    public async Task AnalyzePlan_and_show_see_temp_views_too()
    {
        var client = NewClient();
        await CreateViewAsync(client, "adults", Adults());

        var schema = await client.SchemaAsync(Table("adults"));
        var shown = await RowsAsync(client, new Plan { Root = new Relation { ShowString = new ShowString { Input = Table("adults").Root, NumRows = 1, Truncate = 20 } } });

        Assert.That(schema.Struct.Fields.Select(f => f.Name), Is.EqualTo(new[] { "Name", "Age" }));
        Assert.That(shown.Single()[0], Is.EqualTo("+----+---+\n|Name|Age|\n+----+---+\n| Ann| 31|\n+----+---+\nonly showing top 1 row\n"));
    }

    private sealed record ViewPerson(string Name, int Age);

    private static Relation Adults() => new() { Filter = new Filter { Input = Table("people").Root, Condition = Condition("age >= 18") } };

    private static Expression Condition(string text)
    {
        var parts = text.Split(' ');
        return new Expression
        {
            UnresolvedFunction = new Expression.Types.UnresolvedFunction
            {
                FunctionName = parts[1],
                Arguments =
                {
                    new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = parts[0] } },
                    new Expression { Literal = new Expression.Types.Literal { Integer = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) } },
                },
            },
        };
    }

    private static async Task CreateViewAsync(SparkConnectClient client, string name, Relation input, bool replace = false, bool global = false)
    {
        var plan = new Plan
        {
            Command = new Command { CreateDataframeView = new CreateDataFrameViewCommand { Name = name, Input = input, Replace = replace, IsGlobal = global } },
        };
        var responses = await CollectAsync(client.ExecutePlanAsync(plan));
        Assert.That(responses.Select(SchemaResponseTests.KindOf), Is.EqualTo(new[] { "ResultComplete" }));
    }
}

namespace Spark.Connect.Local.Tests.Server;

/// <summary>AnalyzePlan answers from the resolved plan: types and nullability without running the query.</summary>
public sealed class TypedAnalysisTests : LocalServerTestBase
{
    private static Relation Range(long end) => new() { Range = new Spark.Connect.Protocol.Range { Start = 0, End = end, Step = 1 } };

    private static Expression Col(string name) => new() { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = name } };

    private static Expression Fn(string name, params Expression[] arguments)
    {
        var function = new Expression.Types.UnresolvedFunction { FunctionName = name };
        function.Arguments.AddRange(arguments);
        return new Expression { UnresolvedFunction = function };
    }

    private static Expression Alias(Expression expression, string name) => new() { Alias = new Expression.Types.Alias { Expr = expression, Name = { name } } };

    private static Plan Project(Relation input, params Expression[] expressions)
    {
        var project = new Project { Input = input };
        project.Expressions.AddRange(expressions);
        return new Plan { Root = new Relation { Project = project } };
    }

    [Test]
    public async Task The_schema_of_a_query_that_fails_when_run_is_still_known()
    {
        // Dividing by zero raises DIVIDE_BY_ZERO at run time; analysing the plan must not run it.
        var plan = Project(Range(3), Col("id"), Alias(Fn("/", Col("id"), new Expression { Literal = new Expression.Types.Literal { Long = 0 } }), "q"),
            Alias(Fn("isnull", Col("id")), "n"));
        var client = NewClient();

        var fields = (await client.SchemaAsync(plan)).Struct.Fields;

        Assert.That(fields.Select(f => f.Name), Is.EqualTo(new[] { "id", "q", "n" }));
        Assert.That(fields.Select(f => f.DataType.KindCase), Is.EqualTo(new[] { DataType.KindOneofCase.Long, DataType.KindOneofCase.Double, DataType.KindOneofCase.Boolean }));
        // range's id is never null and neither is isnull(…); a division can be.
        Assert.That(fields.Select(f => f.Nullable), Is.EqualTo(new[] { false, true, false }));
        var error = await Assert.ThrowsAsync<SparkException>(() => RowsAsync(client, plan));
        Assert.That(error!.ErrorClass, Is.EqualTo("DIVIDE_BY_ZERO"));
    }

    [Test]
    public async Task Tree_string_shows_nullability_from_the_plan()
    {
        var plan = Project(Range(2), Col("id"), Alias(Fn("+", Col("id"), Col("id")), "twice"));
        var tree = await NewClient().TreeStringAsync(plan);

        // Spark: arithmetic is nullable only when an operand is; a division always is.
        Assert.That(tree, Is.EqualTo("root\n |-- id: long (nullable = false)\n |-- twice: long (nullable = false)\n"));
    }

    [Test]
    public async Task Explain_has_Sparks_sections_and_extended_shows_the_resolved_plan()
    {
        var plan = Project(Range(2), Col("id"), Alias(Fn("+", Col("id"), Col("id")), "twice"));
        var client = NewClient();

        var simple = await client.ExplainAsync(plan);
        var extended = await client.ExplainAsync(plan, AnalyzePlanRequest.Types.Explain.Types.ExplainMode.Extended);

        Assert.That(simple, Does.StartWith("== Physical Plan ==\n"));
        Assert.That(simple, Does.Not.Contain("Analyzed"));
        Assert.That(extended, Does.StartWith("== Analyzed Logical Plan ==\nid: bigint, twice: bigint\nProject [id#1, +(id#1, id#1) AS twice#2]\n+- Relation [id#1]\n"));
        Assert.That(extended, Does.Contain("== Physical Plan ==\n").And.Contain("== DuckDB SQL ==\n"));
    }

    [Test]
    public async Task Persist_records_the_level_that_storage_level_reports_and_unpersist_clears_it()
    {
        var client = NewClient();
        var frame = Project(Range(5), Col("id")).Root;
        var other = Project(Range(6), Col("id")).Root;
        async Task<StorageLevel> Level(Relation relation) =>
            (await client.AnalyzePlanAsync(new AnalyzePlanRequest { GetStorageLevel = new() { Relation = relation } })).GetStorageLevel.StorageLevel;

        Assert.That((await Level(frame)).UseMemory, Is.False);
        await client.AnalyzePlanAsync(new AnalyzePlanRequest { Persist = new() { Relation = frame } });
        var level = await Level(frame);
        // Spark's default for Dataset.persist(): MEMORY_AND_DISK.
        Assert.That((level.UseDisk, level.UseMemory, level.UseOffHeap, level.Deserialized, level.Replication), Is.EqualTo((true, true, false, true, 1)));
        Assert.That((await Level(other)).UseMemory, Is.False);
        await client.AnalyzePlanAsync(new AnalyzePlanRequest { Persist = new() { Relation = other, StorageLevel = new StorageLevel { UseDisk = true, Replication = 2 } } });
        Assert.That((await Level(other)).Replication, Is.EqualTo(2));
        await client.AnalyzePlanAsync(new AnalyzePlanRequest { Unpersist = new() { Relation = frame } });
        Assert.That((await Level(frame)).UseDisk, Is.False);
        Assert.That(await RowsAsync(client, new Plan { Root = frame }), Has.Count.EqualTo(5));
    }

    [Test]
    public async Task Is_local_for_local_data_and_command_results_as_spark()
    {
        var client = NewClient();
        async Task<bool> IsLocal(Relation root) =>
            (await client.AnalyzePlanAsync(new AnalyzePlanRequest { IsLocal = new() { Plan = new Plan { Root = root } } })).IsLocal.IsLocal_;

        Assert.That(await IsLocal(Range(10)), Is.False);
        Assert.That(await IsLocal(Sql("SELECT 1").Root), Is.False);
        Assert.That(await IsLocal(Sql("SHOW TABLES").Root), Is.True);
        Assert.That(await IsLocal(new Relation { LocalRelation = new LocalRelation() }), Is.True);
    }
}

using Spark.Connect;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Tests.Planning;

public sealed class RelationTests : PlannerTestBase
{
    [Test]
    public void NamedTableAcceptsBacktickedMultiPartNames()
    {
        Exec("CREATE SCHEMA \"my.schema\"");
        Exec("CREATE TABLE \"my.schema\".\"odd`table\" (x INTEGER)");
        Exec("INSERT INTO \"my.schema\".\"odd`table\" VALUES (7)");
        Assert.That(Lines(Table("`my.schema`.`odd``table`")), Is.EqualTo(new[] { "7" }));
        Assert.That(Lines(Table("main.depts")), Has.Count.EqualTo(3));
    }

    [Test]
    public void ProjectNamesColumnsLikeSpark()
    {
        var plan = Project(SortBy(Table("people"), "id"), Col("name"), Alias(Fn("+", Col("id"), Lit(1)), "next"), Fn("*", Col("id"), Lit(2)));
        Assert.That(Columns(plan), Is.EqualTo(new[] { "name", "next", "(id * 2)" }));
        Assert.That(Lines(plan), Is.EqualTo(new[] { "Ann|2|2", "Bob|3|4", "Cid|4|6", "Dee|5|8" }));
    }

    [Test]
    public void ProjectWithoutInputEvaluatesOnce()
    {
        var plan = New(r => r.Project = new Project { Expressions = { Alias(Lit(5), "five") } });
        Assert.That(Lines(plan), Is.EqualTo(new[] { "5" }));
    }

    [Test]
    public void FilterKeepsMatchingRows()
    {
        var plan = SortBy(Filter(Table("people"), Fn(">", Col("salary"), Lit(150.0))), "id");
        Assert.That(Rows(plan).Select(r => r[1]), Is.EqualTo(new[] { "Bob", "Cid", "Dee" }));
    }

    [Test]
    public void SortHonoursDirectionAndNullOrdering()
    {
        var people = Table("people");
        var nullsLast = Sort(people, new Expression.Types.SortOrder
        {
            Child = Col("dept"), Direction = Expression.Types.SortOrder.Types.SortDirection.Ascending,
            NullOrdering = Expression.Types.SortOrder.Types.NullOrdering.SortNullsLast,
        }, Desc(Col("id")));
        Assert.That(Rows(Project(nullsLast, Col("name"))).Select(r => r[0]), Is.EqualTo(new[] { "Bob", "Ann", "Cid", "Dee" }));
        // Spark's default: ascending puts nulls first.
        Assert.That(Rows(Project(SortBy(Table("people"), "dept"), Col("name"))).First()[0], Is.EqualTo("Dee"));
        // Descending defaults to nulls last.
        Assert.That(Rows(Project(Sort(Table("people"), Desc(Col("dept"))), Col("name"))).Last()[0], Is.EqualTo("Dee"));
    }

    [Test]
    public void ASortBelowAProjectSortsByTheInputColumnEvenWhenAnOutputShadowsIt()
    {
        // orderBy(id).select((0 - id) AS id): Spark sorts by the input id, so the output descends.
        var plan = Project(SortBy(Table("people"), "id"), Alias(Fn("-", Lit(0), Col("id")), "id"), Col("name"));
        Assert.That(Lines(plan), Is.EqualTo(new[] { "-1|Ann", "-2|Bob", "-3|Cid", "-4|Dee" }));
        Assert.That(Columns(plan), Is.EqualTo(new[] { "id", "name" }));
        // Without shadowing the sort is written in place.
        var inPlace = Project(Sort(Table("people"), Desc(Col("salary"))), Col("name"), Alias(Col("salary"), "pay"));
        Assert.That(Plan(inPlace).Sql, Does.Not.Contain("__spark_local_order"));
        Assert.That(Rows(inPlace).Select(r => r[0]), Is.EqualTo(new[] { "Dee", "Cid", "Bob", "Ann" }));
    }

    [Test]
    public void LimitAndOffsetCompose()
    {
        Relation Sorted() => SortBy(Table("people"), "id");
        // offset(1).limit(2) = rows 2..3; limit(3).offset(2) = row 3.
        var offsetThenLimit = New(r => r.Limit = new Limit { Input = New(o => o.Offset = new Offset { Input = Sorted(), Offset_ = 1 }), Limit_ = 2 });
        Assert.That(Rows(offsetThenLimit).Select(r => r[0]), Is.EqualTo(new[] { "2", "3" }));
        var limitThenOffset = New(o => o.Offset = new Offset { Input = New(r => r.Limit = new Limit { Input = Sorted(), Limit_ = 3 }), Offset_ = 2 });
        Assert.That(Rows(limitThenOffset).Select(r => r[0]), Is.EqualTo(new[] { "3" }));
        var limitThenFilter = Filter(New(r => r.Limit = new Limit { Input = Sorted(), Limit_ = 2 }), Fn(">", Col("id"), Lit(1)));
        Assert.That(Rows(limitThenFilter).Select(r => r[0]), Is.EqualTo(new[] { "2" }));
        var limitThenSort = Sort(New(r => r.Limit = new Limit { Input = Sorted(), Limit_ = 2 }), Desc(Col("id")));
        Assert.That(Rows(limitThenSort).Select(r => r[0]), Is.EqualTo(new[] { "2", "1" }));
        var limitThenCount = Aggregate(New(r => r.Limit = new Limit { Input = Sorted(), Limit_ = 3 }), [], Fn("count", Col("id")));
        Assert.That(Lines(limitThenCount), Is.EqualTo(new[] { "3" }));
    }

    [Test]
    public void LimitOffsetAndTailKeepInputOrder()
    {
        Relation Sorted() => SortBy(Table("people"), "id");
        Assert.That(Rows(New(r => r.Limit = new Limit { Input = Sorted(), Limit_ = 2 })).Select(r => r[0]), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(Rows(New(r => r.Offset = new Offset { Input = Sorted(), Offset_ = 3 })).Select(r => r[0]), Is.EqualTo(new[] { "4" }));
        Assert.That(Rows(New(r => r.Tail = new Tail { Input = Sorted(), Limit = 2 })).Select(r => r[0]), Is.EqualTo(new[] { "3", "4" }));
        Assert.That(Rows(New(r => r.Tail = new Tail { Input = Sorted(), Limit = 10 })).Select(r => r[0]), Is.EqualTo(new[] { "1", "2", "3", "4" }));
        var negative = PlanError(New(r => r.Limit = new Limit { Input = Sorted(), Limit_ = -1 }));
        Assert.That(negative.ErrorClass, Does.StartWith("INVALID_LIMIT_LIKE_EXPRESSION"));
    }

    [Test]
    public void DeduplicateAllColumnsOrASubset()
    {
        Exec("CREATE TABLE dupes (k INTEGER, v VARCHAR)");
        Exec("INSERT INTO dupes VALUES (1, 'a'), (1, 'a'), (1, 'b'), (2, 'c')");
        var all = New(r => r.Deduplicate = new Deduplicate { Input = Table("dupes"), AllColumnsAsKeys = true });
        Assert.That(Lines(all).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "1|a", "1|b", "2|c" }));
        var byKey = New(r => r.Deduplicate = new Deduplicate { Input = Table("dupes"), ColumnNames = { "k" } });
        Assert.That(Rows(byKey).Select(r => r[0]).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public void AggregateGroupsOrAggregatesGlobally()
    {
        var grouped = SortBy(Aggregate(Table("people"), [Col("dept")], Alias(Fn("sum", Col("salary")), "total"), Fn("count", Col("id"))), "dept");
        Assert.That(Columns(grouped), Is.EqualTo(new[] { "dept", "total", "count(id)" }));
        Assert.That(Lines(grouped), Is.EqualTo(new[] { "∅|400.0|1", "10|300.0|2", "20|300.0|1" }));
        var global = Aggregate(Table("people"), [], Fn("max", Col("salary")), Fn("min", Col("id")));
        Assert.That(Lines(global), Is.EqualTo(new[] { "400.0|1" }));
        // HAVING: a filter over the aggregate, referring to the aggregate's output.
        var having = Filter(Aggregate(Table("people"), [Col("dept")], Alias(Fn("count", Col("id")), "n")), Fn(">", Col("n"), Lit(1L)));
        Assert.That(Lines(having), Is.EqualTo(new[] { "10|2" }));
    }

    [Test]
    public void PivotWithoutValuesOnATypeItCannotListIsUnsupportedWithAHint()
    {
        var pivot = New(r => r.Aggregate = new Aggregate
        {
            Input = Table("people"), GroupType = Spark.Connect.Protocol.Aggregate.Types.GroupType.Pivot, GroupingExpressions = { Col("dept") },
            AggregateExpressions = { Fn("count", Lit(1)) }, Pivot = new Aggregate.Types.Pivot { Col = Fn("array", Col("name")) },
        });
        var error = PlanError(pivot);
        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.Message, Does.Contain("pivot(column, [value"));
    }

    [Test]
    public void RangeCountsWithStep()
    {
        var range = New(r => r.Range = new Spark.Connect.Protocol.Range { Start = 2, End = 9, Step = 3 });
        Assert.That(Columns(range), Is.EqualTo(new[] { "id" }));
        Assert.That(Lines(range), Is.EqualTo(new[] { "2", "5", "8" }));
    }

    [Test]
    public void WithColumnsReplacesInPlaceAndAppendsNew()
    {
        var with = New(r => r.WithColumns = new WithColumns
        {
            Input = SortBy(Table("depts"), "dept"),
            Aliases = { Alias(Fn("+", Col("dept"), Lit(1)), "DEPT").Alias, Alias(Lit("x"), "extra").Alias },
        });
        // Spark's withColumns gives a replaced column the name it was given (resolved case-insensitively).
        Assert.That(Columns(with), Is.EqualTo(new[] { "DEPT", "title", "extra" }));
        Assert.That(Lines(with).First(), Is.EqualTo("11|Eng|x"));
    }

    [Test]
    public void RenameToDfAndDrop()
    {
        var renamed = New(r => r.WithColumnsRenamed = new WithColumnsRenamed
        {
            Input = Table("depts"),
            Renames = { new WithColumnsRenamed.Types.Rename { ColName = "title", NewColName = "label" },
                        new WithColumnsRenamed.Types.Rename { ColName = "missing", NewColName = "ignored" } },
        });
        Assert.That(Columns(renamed), Is.EqualTo(new[] { "dept", "label" }));

        var toDf = New(r => r.ToDf = new ToDF { Input = Table("depts"), ColumnNames = { "a", "b" } });
        Assert.That(Columns(toDf), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(Rows(Project(toDf, Col("b"))).Select(r => r[0]).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "Eng", "Law", "Ops" }));
        var wrongCount = PlanError(New(r => r.ToDf = new ToDF { Input = Table("depts"), ColumnNames = { "a" } }));
        Assert.That(wrongCount.ErrorClass, Is.EqualTo("INVALID_COLUMN_NAMES"));

        var dropped = New(r => r.Drop = new Drop { Input = Table("people"), ColumnNames = { "salary", "nope" }, Columns = { Col("DEPT") } });
        Assert.That(Columns(dropped), Is.EqualTo(new[] { "id", "name" }));
    }

    [Test]
    public void HintsRepartitionsAndAliasesPassRowsThrough()
    {
        var people = Table("people");
        var hinted = New(r => r.Hint = new Hint { Input = people, Name = "broadcast" });
        var repartitioned = New(r => r.Repartition = new Repartition { Input = hinted, NumPartitions = 4 });
        var aliased = New(r => r.SubqueryAlias = new SubqueryAlias { Input = repartitioned, Alias = "p" });
        // The alias qualifies columns, and the original DataFrame's plan id still resolves through it.
        var plan = Project(Filter(aliased, Fn("==", Col("p.id"), Lit(2))), Col(people, "name"), Col(hinted, "id"));
        Assert.That(Lines(plan), Is.EqualTo(new[] { "Bob|2" }));
    }

    [Test]
    public void LocalRelationReadsTheTableTheSessionLoaded()
    {
        Exec("CREATE TABLE local_data AS SELECT 42 AS answer");
        var local = New(r => r.LocalRelation = new LocalRelation { Data = Google.Protobuf.ByteString.CopyFrom(1, 2, 3) });
        Assert.That(Lines(local), Is.EqualTo(new[] { "42" }));
        Assert.That(Session.Loaded, Has.Count.EqualTo(1));
        Assert.That(Session.Loaded[0].Data.ToByteArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void UnsupportedRelationKindsNameTheKind()
    {
        var error = PlanError(New(r => r.Transpose = new Transpose { Input = Table("people") }));
        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.SqlState, Is.EqualTo("0A000"));
        Assert.That(error.Message, Does.Contain("Transpose"));
        Assert.That(error.MessageParameters["construct"], Does.Contain("Transpose"));
    }
}

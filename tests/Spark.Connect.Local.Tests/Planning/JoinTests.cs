using Spark.Connect;
using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;

namespace Spark.Connect.Local.Tests.Planning;

public sealed class JoinTests : PlannerTestBase
{
    [Test]
    public void InnerJoinResolvesPlanIdAttributesToTheirSide()
    {
        var people = Table("people");
        var depts = Table("depts");
        var join = Join(people, depts, Fn("==", Col(people, "dept"), Col(depts, "dept")));
        var plan = Project(join, Col(people, "name"), Col(depts, "title"), Alias(Col(depts, "dept"), "d"));
        Assert.That(Lines(plan).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "Ann|Eng|10", "Bob|Eng|10", "Cid|Ops|20" }));
    }

    [Test]
    public void SameTableJoinedThreeTimesKeepsEverySideApart()
    {
        // employee → manager → manager's manager, all reading the same table.
        Exec("CREATE TABLE staff (id INTEGER, name VARCHAR, boss INTEGER)");
        Exec("INSERT INTO staff VALUES (1, 'root', NULL), (2, 'mid', 1), (3, 'leaf', 2)");
        var e = Table("staff");
        var m = Table("staff");
        var g = Table("staff");
        var first = Join(e, m, Fn("==", Col(e, "boss"), Col(m, "id")));
        var second = Join(first, g, Fn("==", Col(m, "boss"), Col(g, "id")));
        var filtered = Filter(second, Fn(">", Col(e, "id"), Lit(0)));
        var plan = Project(filtered, Col(e, "name"), Alias(Col(m, "name"), "manager"), Alias(Col(g, "name"), "grand"));
        Assert.That(Lines(plan), Is.EqualTo(new[] { "leaf|mid|root" }));
        Assert.That(Columns(plan), Is.EqualTo(new[] { "name", "manager", "grand" }));
    }

    [Test]
    public void OuterJoinsKeepUnmatchedRows()
    {
        var people = Table("people");
        var depts = Table("depts");
        Relation Joined(JoinType type) => Project(Join(people, depts, Fn("==", Col(people, "dept"), Col(depts, "dept")), type),
            Col(people, "name"), Col(depts, "title"));
        Assert.That(Lines(Joined(JoinType.LeftOuter)).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "Ann|Eng", "Bob|Eng", "Cid|Ops", "Dee|∅" }));
        Assert.That(Lines(Joined(JoinType.RightOuter)).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "Ann|Eng", "Bob|Eng", "Cid|Ops", "∅|Law" }));
        Assert.That(Lines(Joined(JoinType.FullOuter)).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "Ann|Eng", "Bob|Eng", "Cid|Ops", "Dee|∅", "∅|Law" }));
    }

    [Test]
    public void SemiAndAntiJoinsReturnOnlyLeftColumns()
    {
        var depts = Table("depts");
        var people = Table("people");
        var semi = Join(depts, people, Fn("==", Col(depts, "dept"), Col(people, "dept")), JoinType.LeftSemi);
        Assert.That(Columns(semi), Is.EqualTo(new[] { "dept", "title" }));
        Assert.That(Lines(semi).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "10|Eng", "20|Ops" }));
        var anti = Join(depts, people, Fn("==", Col(depts, "dept"), Col(people, "dept")), JoinType.LeftAnti);
        Assert.That(Lines(anti), Is.EqualTo(new[] { "30|Law" }));
    }

    [Test]
    public void CrossJoinAndInnerJoinWithoutConditionPairEveryRow()
    {
        Assert.That(Rows(Join(Table("people"), Table("depts"), null, JoinType.Cross)), Has.Count.EqualTo(12));
        Assert.That(Rows(Join(Table("people"), Table("depts"), null)), Has.Count.EqualTo(12));
    }

    [Test]
    public void UsingColumnsPutTheKeysFirstAsSparkDoes()
    {
        var join = Join(Table("depts"), Table("people"), null, JoinType.Inner, "dept");
        Assert.That(Columns(join), Is.EqualTo(new[] { "dept", "title", "id", "name", "salary" }));
        Assert.That(Lines(SortBy(join, "id")).First(), Is.EqualTo("10|Eng|1|Ann|100.0"));
        var full = Join(Table("depts"), Table("people"), null, JoinType.FullOuter, "dept");
        Assert.That(Rows(full).Select(r => r[0]), Has.Exactly(1).Null, "the unmatched person has no dept on either side");
        Assert.That(Rows(full).Select(r => r[0]), Has.Exactly(1).EqualTo("30"), "a right-only key is coalesced into the key column");
    }

    [Test]
    public void AttributeOfAnUnrelatedPlanFailsWithSparksClass()
    {
        var people = Table("people");
        var stranger = Table("depts");
        var plan = Project(people, Col(stranger, "title"));
        var error = PlanError(plan);
        Assert.That(error.ErrorClass, Is.EqualTo("CANNOT_RESOLVE_DATAFRAME_COLUMN"));
        Assert.That(error.Message, Does.Contain("title"));
    }

    [Test]
    public void SameDataFrameOnBothSidesIsAmbiguousNotGuessed()
    {
        var people = Table("people");
        var join = Join(people, people, Fn("==", Col(people, "id"), Col(people, "id")));
        Assert.That(PlanError(join).ErrorClass, Is.EqualTo("AMBIGUOUS_COLUMN_REFERENCE"));
    }

    [Test]
    public void ADataFrameJoinedWithItsOwnDerivativeResolvesToTheShallowerSide()
    {
        // df.join(df.filter(dept == 10), df.id == filtered.id): df is the left input itself and lies one
        // level deeper on the right, so Spark (and the planner) resolve df.id to the left.
        var people = Table("people");
        var tens = Filter(people, Fn("==", Col(people, "dept"), Lit(10)));
        var join = Join(people, tens, Fn("==", Col(people, "id"), Col(tens, "id")), JoinType.LeftOuter);
        var plan = Project(join, Col(people, "name"), Alias(Col(tens, "salary"), "ten_salary"));
        Assert.That(Lines(plan).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "Ann|100.0", "Bob|200.0", "Cid|∅", "Dee|∅" }));
    }

    [Test]
    public void AJoinAtTheRootKeepsBothSidesColumnNames()
    {
        var left = Table("depts");
        var right = Table("depts");
        var join = Join(left, right, Fn("==", Col(left, "dept"), Col(right, "dept")));
        Assert.That(Columns(join), Is.EqualTo(new[] { "dept", "title", "dept", "title" }));
        var limited = New(r => r.Limit = new Limit { Input = Sort(join, Asc(Col(left, "title"))), Limit_ = 1 });
        Assert.That(Columns(limited), Is.EqualTo(new[] { "dept", "title", "dept", "title" }));
        Assert.That(Lines(limited), Is.EqualTo(new[] { "10|Eng|10|Eng" }));
        // A bare name that both sides have is ambiguous, as in Spark; the message lists both candidates.
        var error = PlanError(SortBy(join, "title"));
        Assert.That(error.ErrorClass, Is.EqualTo("AMBIGUOUS_REFERENCE"));
        Assert.That(error.Message, Does.Contain("[`depts`.`title`, `depts`.`title`]"));
    }

    [Test]
    public void SortAndLimitOverAJoinKeepEverySideResolvable()
    {
        // join → orderBy(right.title desc) → limit 2 → select(left.dept, right.title): both depts tables have both names.
        var left = Table("depts");
        var right = Table("depts");
        var join = Join(left, right, Fn("==", Col(left, "dept"), Col(right, "dept")));
        var sorted = Sort(join, Desc(Col(right, "title")));
        var limited = New(r => r.Limit = new Limit { Input = sorted, Limit_ = 2 });
        var plan = Project(limited, Col(left, "dept"), Alias(Col(right, "title"), "t"));
        Assert.That(Lines(plan), Is.EqualTo(new[] { "20|Ops", "30|Law" }));
    }

    [Test]
    public void DataFrameReferencesStillFindTheirSideAfterADistinctOverAJoin()
    {
        // Spark keeps each side's columns (by id) through the distinct, so right["title"] is the right side's.
        var left = Table("depts");
        var right = New(r => r.Filter = new Filter { Input = Table("depts"), Condition = Fn("==", Col("dept"), Lit(20)) });
        var join = Join(left, right, Fn("<", Col(left, "dept"), Col(right, "dept")), Spark.Connect.Protocol.Join.Types.JoinType.LeftOuter);
        var distinct = New(r => r.Deduplicate = new Deduplicate { Input = join, AllColumnsAsKeys = true });
        // Both sides' names survive the distinct (DuckDB would have renamed the second pair dept_1, title_1).
        Assert.That(Columns(distinct), Is.EqualTo(new[] { "dept", "title", "dept", "title" }));
        var titles = Project(distinct, Col(left, "title"), Col(right, "title"));
        // Sorting by left["dept"], which the projection dropped, re-adds it below the sort as Spark does.
        Assert.That(Lines(Sort(titles, Asc(Col(left, "dept")))), Is.EqualTo(new[] { "Eng|Ops", "Ops|∅", "Law|∅" }));
    }
}

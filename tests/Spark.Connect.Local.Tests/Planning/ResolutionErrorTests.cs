using Spark.Connect;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>The resolver's errors carry Spark's analyzer classes and SQLSTATEs, and are raised before anything runs.</summary>
public sealed class ResolutionErrorTests : PlannerTestBase
{
    [SetUp]
    public void UseCatalog() => Functions = null;

    [Test]
    public void A_grouped_query_may_not_use_other_columns_outside_aggregates()
    {
        var error = PlanError(Aggregate(Table("people"), [Col("dept")], Col("name")));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("MISSING_AGGREGATION", "42803")));
        Assert.That(error.Message, Does.Contain("any_value(name)"));
        // The grouping column itself, and expressions over aggregates and grouping columns, are fine.
        var fine = Aggregate(Table("people"), [Col("dept")], Col("dept"), Alias(Fn("+", Fn("sum", Col("salary")), Col("dept")), "s"));
        Assert.That(Lines(SortBy(fine, "dept")), Is.EqualTo(new[] { "∅|∅|∅", "10|10|310.0", "20|20|320.0" }));
    }

    [Test]
    public void Aggregating_in_a_select_next_to_a_plain_column_needs_a_group_by()
    {
        var error = PlanError(Project(Table("people"), Col("name"), Fn("count", Lit(1))));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("MISSING_GROUP_BY", "42803")));
    }

    [Test]
    public void A_dataframe_column_that_is_not_an_input_is_refused()
    {
        var people = Table("people");
        var depts = Table("depts");
        var error = PlanError(Project(depts, Col(people, "name")));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("CANNOT_RESOLVE_DATAFRAME_COLUMN", "42704")));
    }

    [Test]
    public void The_same_dataframe_on_both_sides_is_ambiguous_at_equal_depth()
    {
        var people = Table("people");
        var join = Join(people, people, null, Spark.Connect.Protocol.Join.Types.JoinType.Cross);
        var error = PlanError(Project(join, Col(people, "id")));
        Assert.That(error.ErrorClass, Is.EqualTo("AMBIGUOUS_COLUMN_REFERENCE"));
    }

    [Test]
    public void Set_operations_check_column_counts_and_types()
    {
        var union = (Relation left, Relation right) => New(r => r.SetOp = new SetOperation { LeftInput = left, RightInput = right, SetOpType = SetOperation.Types.SetOpType.Union, IsAll = true });
        Assert.That(PlanError(union(Table("people"), Table("depts"))).ErrorClass, Is.EqualTo("NUM_COLUMNS_MISMATCH"));
        var error = PlanError(union(Project(Table("people"), Col("id")), Project(Table("depts"), Fn("array", Col("dept")))));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("INCOMPATIBLE_COLUMN_TYPE", "42825")));
        // ANSI Spark 4 meets a string and an int at bigint, so a name that is not a number fails when cast.
        var mixed = union(Project(Table("people"), Col("id"), Col("name")), Project(Table("depts"), Col("title"), Col("dept")));
        Assert.That(OutputTypes(mixed), Is.EqualTo(new[] { "BIGINT", "BIGINT" }));
        var failure = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Rows(mixed))!;
        Assert.That(Spark.Connect.Local.Planning.Functions.SparkRuntimeErrors.TryTranslate(failure.Message)?.ErrorClass, Is.EqualTo("CAST_INVALID_INPUT"));
        // Numbers widen: int ∪ double is double.
        var widened = union(Project(Table("people"), Col("id")), Project(Table("people"), Col("salary")));
        Assert.That(OutputTypes(widened), Is.EqualTo(new[] { "DOUBLE" }));
        Assert.That(Plan(widened).Schema!.Struct.Fields[0].DataType.KindCase, Is.EqualTo(DataType.KindOneofCase.Double));
    }

    [Test]
    public void A_struct_field_that_does_not_exist_is_named()
    {
        var structs = Project(Table("depts"), Alias(Fn("named_struct", Lit("a"), Col("dept")), "s"));
        var error = PlanError(Project(structs, Col("s.b")));
        Assert.That(error.ErrorClass, Is.EqualTo("FIELD_NOT_FOUND"));
        Assert.That(Lines(SortBy(Project(structs, Col("s.A")), "a")), Is.EqualTo(new[] { "10", "20", "30" }));
    }

    [Test]
    public void A_relation_kind_the_protocol_version_does_not_know_is_named_as_such()
    {
        // Newer or extension relations (ML, for one) arrive as unknown fields: the relation has no kind here.
        var error = PlanError(new Relation { Common = new RelationCommon { PlanId = 1 } });
        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.Message, Does.Contain("protocol version does not know"));
        // Also as the input of a relation the engine knows (show() over an ML transform): named, not "missing".
        var limited = New(r => r.Limit = new Limit { Input = new Relation(), Limit_ = 1 });
        Assert.That(PlanError(limited).Message, Does.Contain("protocol version does not know"));
        var missing = New(r => r.Limit = new Limit { Limit_ = 1 });
        Assert.That(PlanError(missing).Message, Does.Contain("missing its input"));
    }

    [Test]
    public void Dropping_every_column_is_refused_clearly()
    {
        var drop = New(r => r.Drop = new Drop { Input = Table("depts"), ColumnNames = { "dept", "title" } });
        var error = PlanError(drop);
        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.Message, Does.Contain("no columns"));
    }
}

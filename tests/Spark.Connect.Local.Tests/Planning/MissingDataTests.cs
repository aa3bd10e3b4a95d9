using Spark.Connect;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>df.na.drop and df.na.fill through the resolver, over the <c>gaps</c> table (nulls and a NaN).</summary>
public sealed class MissingDataTests : RelationKindTestBase
{
    private Relation Drop(Relation input, int? minNonNulls = null, params string[] cols)
    {
        var drop = new NADrop { Input = input };
        drop.Cols.AddRange(cols);
        if (minNonNulls is { } n)
            drop.MinNonNulls = n;
        return New(r => r.DropNa = drop);
    }

    private Relation Fill(Relation input, Literal[] values, params string[] cols)
    {
        var fill = new NAFill { Input = input };
        fill.Values.AddRange(values);
        fill.Cols.AddRange(cols);
        return New(r => r.FillNa = fill);
    }

    [Test]
    public void Drop_any_removes_rows_with_a_null_or_a_NaN() =>
        Assert.That(Lines(Drop(Table("gaps"))), Is.EqualTo(new[] { "1|1.5|x|true" }));

    [Test]
    public void Drop_all_keeps_rows_with_one_present_value_and_NaN_is_not_present()
    {
        Exec("CREATE TABLE nan_only (d DOUBLE, e DOUBLE)");
        Exec("INSERT INTO nan_only VALUES ('NaN'::DOUBLE, NULL), (2.0, NULL), (NULL, NULL)");
        Assert.That(Lines(Drop(Table("nan_only"), minNonNulls: 1)), Is.EqualTo(new[] { "2.0|∅" }));
    }

    [Test]
    public void Drop_with_a_threshold_counts_present_values_and_not_NaN()
    {
        Assert.That(Lines(Drop(Table("gaps"), minNonNulls: 2)), Is.EqualTo(new[] { "1|1.5|x|true", "∅|nan|y|false" }));
        Assert.That(Lines(Drop(Table("gaps"), minNonNulls: 3)), Is.EqualTo(new[] { "1|1.5|x|true" }));
    }

    [Test]
    public void Drop_looks_only_at_the_listed_columns() =>
        Assert.That(Lines(Drop(Table("gaps"), null, "i")), Is.EqualTo(new[] { "1|1.5|x|true", "3|∅|∅|∅" }));

    [Test]
    public void Drop_applies_to_what_a_limit_produced() =>
        Assert.That(Lines(Drop(Limit(Table("gaps"), 2), null, "s")), Is.EqualTo(new[] { "1|1.5|x|true", "∅|nan|y|false" }));

    [Test]
    public void Drop_of_an_unknown_column_is_unresolved() =>
        Assert.That(PlanError(Drop(Table("gaps"), null, "nope")).ErrorClass, Is.EqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION"));

    [Test]
    public void Drop_over_empty_input_is_empty() =>
        Assert.That(Lines(Drop(Limit(Table("gaps"), 0))), Is.Empty);

    [Test]
    public void Fill_with_a_number_fills_every_numeric_column_and_NaN_and_keeps_types()
    {
        var plan = Fill(Table("gaps"), [LongValue(0)]);
        Assert.That(Lines(plan), Is.EqualTo(new[] { "1|1.5|x|true", "0|0.0|y|false", "3|0.0|∅|∅", "0|0.0|∅|∅" }));
        Assert.That(Schema(plan), Is.EqualTo(new[] { "i:int", "d:double", "s:string?", "b:boolean?" }));
    }

    [Test]
    public void Fill_with_a_double_truncates_it_for_integer_columns() =>
        Assert.That(Lines(Fill(Table("gaps"), [DoubleValue(2.7)])).Select(l => l[..l.IndexOf('|', l.IndexOf('|') + 1)]),
            Is.EqualTo(new[] { "1|1.5", "2|2.7", "3|2.7", "2|2.7" }));

    [Test]
    public void Fill_with_a_string_fills_only_string_columns() =>
        Assert.That(Lines(Fill(Table("gaps"), [StringValue("?")])), Is.EqualTo(new[] { "1|1.5|x|true", "∅|nan|y|false", "3|∅|?|∅", "∅|∅|?|∅" }));

    [Test]
    public void Fill_with_a_boolean_fills_only_boolean_columns() =>
        Assert.That(Lines(Fill(Table("gaps"), [BooleanValue(true)])).Select(l => l.Split('|')[3]), Is.EqualTo(new[] { "true", "false", "true", "true" }));

    [Test]
    public void Fill_of_listed_columns_skips_listed_columns_of_another_type() =>
        Assert.That(Lines(Fill(Table("gaps"), [LongValue(7)], "i", "s")), Is.EqualTo(new[] { "1|1.5|x|true", "7|nan|y|false", "3|∅|∅|∅", "7|∅|∅|∅" }));

    [Test]
    public void Fill_with_one_value_per_column_casts_each_to_its_column() =>
        Assert.That(Lines(Fill(Table("gaps"), [StringValue("5"), LongValue(9), StringValue("z")], "i", "d", "s")),
            Is.EqualTo(new[] { "1|1.5|x|true", "5|9.0|y|false", "3|9.0|z|∅", "5|9.0|z|∅" }));

    [Test]
    public void Fill_with_more_values_than_columns_is_an_invalid_plan() =>
        Assert.That(PlanError(Fill(Table("gaps"), [LongValue(1), LongValue(2)], "i")).ErrorClass, Is.EqualTo("INVALID_PLAN"));

    [Test]
    public void Fill_of_an_unknown_column_is_unresolved() =>
        Assert.That(PlanError(Fill(Table("gaps"), [LongValue(1)], "nope")).ErrorClass, Is.EqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION"));

    [Test]
    public void Fill_applies_to_what_a_filter_produced() =>
        Assert.That(Lines(Fill(Filter(Table("gaps"), Fn("isnull", Col("s"))), [StringValue("-")])), Is.EqualTo(new[] { "3|∅|-|∅", "∅|∅|-|∅" }));
}

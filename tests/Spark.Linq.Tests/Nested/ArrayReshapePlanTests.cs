namespace Spark.Linq.Tests.Nested;

/// <summary>Skip, Take, SelectMany, Zip, Aggregate, SequenceEqual, IndexOf over array columns and the Spark functions they become.</summary>
public class ArrayReshapePlanTests : NestedPlanTestBase
{
    [Test]
    public void Skip_and_take_are_one_slice_that_never_starts_at_zero_nor_has_a_negative_length()
    {
        Assert.That(Plan(c => c.Counts.Skip(2)), Is.EqualTo("slice(Counts, 3, size(Counts))"));
        Assert.That(Plan(c => c.Counts.Take(2)), Is.EqualTo("slice(Counts, 1, 2)"));
        Assert.That(Plan(c => c.Counts.Skip(1).Take(2)), Is.EqualTo("slice(Counts, 2, 2)"), "combined into one slice");
        Assert.That(Plan(c => c.Counts.Skip(-4)), Is.EqualTo("Counts"), "skipping nothing");
        Assert.That(Plan(c => c.Counts.Take(-1)), Is.EqualTo("slice(Counts, 1, 0)"), "taking nothing");
        Assert.That(Plan(c => c.Counts.Skip(int.MaxValue)), Is.EqualTo("slice(Counts, 2147483647, size(Counts))"), "no overflow of n + 1");
        Assert.That(Plan(c => c.Items.Skip(c.Size).Take(c.Size)),
            Is.EqualTo("slice(Items, (greatest(least(Size, size(Items)), 0) + 1), greatest(Size, 0))"), "row values are clamped");
    }

    [Test]
    public void TakeLast_and_SkipLast_count_from_the_end()
    {
        Assert.That(Plan(c => c.Counts.TakeLast(2)), Is.EqualTo("slice(Counts, ((size(Counts) - least(2, size(Counts))) + 1), 2)"));
        Assert.That(Plan(c => c.Counts.SkipLast(2)), Is.EqualTo("slice(Counts, 1, greatest((size(Counts) - 2), 0))"));
        Assert.That(Plan(c => c.Counts.TakeLast(0)), Is.EqualTo("slice(Counts, 1, 0)"));
        Assert.That(Plan(c => c.Counts.SkipLast(-1)), Is.EqualTo("Counts"));
        Assert.That(Plan(c => c.Counts.TakeLast(c.Size)),
            Is.EqualTo("slice(Counts, ((size(Counts) - least(greatest(Size, 0), size(Counts))) + 1), greatest(Size, 0))"));
    }

    [Test]
    public void SelectMany_flattens_the_transformed_elements()
    {
        Assert.That(Plan(c => c.Grid.SelectMany(r => r)), Is.EqualTo("flatten(Grid)"));
        Assert.That(Plan(c => c.Grid.SelectMany(r => r.Where(v => v > 1))), Is.EqualTo("flatten(transform(Grid, x_1 -> filter(x_1, x_2 -> (x_2 > 1))))"));
        Assert.That(Plan(c => c.Grid.SelectMany(r => r, (r, v) => v * r.Count)),
            Is.EqualTo("flatten(transform(Grid, x_1 -> transform(x_1, x_2 -> (x_2 * size(x_1)))))"), "the result selector sees both elements");
    }

    [Test]
    public void Zip_cuts_both_arrays_to_the_shorter_before_zip_with()
    {
        Assert.That(Plan(c => c.Counts.Zip(c.Items, (n, s) => s + n)),
            Is.EqualTo("zip_with(slice(Counts, 1, least(size(Counts), size(Items))), slice(Items, 1, least(size(Counts), size(Items))), (x_1, x_2) -> concat(coalesce(x_2, ''), CAST(x_1 AS string)))"));
        Assert.That(Plan(c => c.Counts.Zip(new[] { 10, 20 }, (a, b) => a * b)),
            Is.EqualTo("zip_with(slice(Counts, 1, least(size(Counts), size(array(10, 20)))), slice(array(10, 20), 1, least(size(Counts), size(array(10, 20)))), (x_1, x_2) -> (x_1 * x_2))"));
    }

    [Test]
    public void Aggregate_is_sparks_aggregate_with_the_seed_as_zero()
    {
        Assert.That(Plan(c => c.Counts.Aggregate(0L, (acc, x) => acc + x)), Is.EqualTo("aggregate(Counts, 0L, (x_1, x_2) -> (x_1 + x_2))"));
        Assert.That(Plan(c => c.Items.Aggregate("", (acc, s) => acc + s, acc => acc.Length)),
            Is.EqualTo("aggregate(Items, '', (x_1, x_2) -> concat(coalesce(x_1, ''), coalesce(x_2, '')), x_3 -> length(x_3))"));
        Assert.That(Plan(c => c.Lines.Aggregate(0m, (acc, l) => acc + l.Price)),
            Is.EqualTo("aggregate(Lines, CAST(0BD AS decimal), (x_1, x_2) -> CAST((x_1 + x_2['unit_price']) AS decimal))"));
        Assert.That(Plan(c => c.Counts.Aggregate((a, b) => a * b)),
            Is.EqualTo("if((size(Counts) == 0), raise_error('Sequence contains no elements'), aggregate(slice(Counts, 2, size(Counts)), get(Counts, 0), (x_1, x_2) -> (x_1 * x_2)))"));
    }

    [Test]
    public void SequenceEqual_is_array_equality()
    {
        Assert.That(Plan(c => c.Items.SequenceEqual(c.Tags)), Is.EqualTo("(Items == Tags)"));
        Assert.That(Plan(c => c.Counts.SequenceEqual(new[] { 1, 2 })), Is.EqualTo("(Counts == array(1, 2))"));
        Assert.That(Plan(c => c.Counts.SequenceEqual(Array.Empty<int>())), Is.EqualTo("(Counts == CAST(array() AS array))"));
    }

    [Test]
    public void IndexOf_is_array_position_minus_one()
    {
        Assert.That(Plan(c => c.Items.IndexOf("a")), Is.EqualTo("CAST((array_position(Items, 'a') - 1) AS integer)"));
        Assert.That(Plan(c => Array.IndexOf(c.Counts, c.Size)), Is.EqualTo("CAST((array_position(Counts, Size) - 1) AS integer)"));
        Assert.That(Plan(c => c.Counts.IndexOf(c.Size)), Is.EqualTo("CAST((array_position(Counts, Size) - 1) AS integer)"), "C# 14's span IndexOf");
        Assert.That(Plan(c => c.Tags.IndexOf(null)), Is.EqualTo("CAST((array_position(transform(Tags, x_1 -> (x_1 <=> NULL)), true) - 1) AS integer)"),
            "C# finds a null element; array_position never does");
    }

    [Test]
    public void Reverse_and_last_are_reverse_and_element_at_from_the_end()
    {
        Assert.That(Plan(c => c.Items.AsEnumerable().Reverse()), Is.EqualTo("reverse(Items)"));
        Assert.That(Plan(c => c.Counts.LastOrDefault()), Is.EqualTo("coalesce(try_element_at(Counts, -1), 0)"));
    }
}

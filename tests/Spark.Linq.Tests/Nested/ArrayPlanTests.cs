namespace Spark.Linq.Tests.Nested;

/// <summary>LINQ over array and list columns inside row expressions, and the Spark functions it becomes.</summary>
public class ArrayPlanTests : NestedPlanTestBase
{
    [Test]
    public void Counts_are_size_whatever_the_collection_type()
    {
        Assert.That(Plan(c => c.Counts.Length), Is.EqualTo("size(Counts)"));
        Assert.That(Plan(c => c.Items.Count), Is.EqualTo("size(Items)"));
        Assert.That(Plan(c => c.Weights.Count), Is.EqualTo("size(Weights)"));
        Assert.That(Plan(c => c.Seq.Count()), Is.EqualTo("size(Seq)"));
        Assert.That(Plan(c => c.Items.LongCount()), Is.EqualTo("CAST(size(Items) AS long)"));
        Assert.That(Plan(c => c.Counts.Count(x => x > 2)), Is.EqualTo("size(filter(Counts, x_1 -> (x_1 > 2)))"));
        Assert.That(Plan(c => c.Payload.Length), Is.EqualTo("length(Payload)"), "a byte[] is binary: its length counts bytes");
    }

    [Test]
    public void Any_and_all_are_size_exists_and_forall()
    {
        Assert.That(Plan(c => c.Items.Any()), Is.EqualTo("(size(Items) > 0)"));
        Assert.That(Plan(c => c.Counts.Any(x => x > 3)), Is.EqualTo("exists(Counts, x_1 -> (x_1 > 3))"));
        Assert.That(Plan(c => c.Tags.All(t => t != null)), Is.EqualTo("forall(Tags, x_1 -> isnotnull(x_1))"));
        // C# null semantics inside the lambda: a comparison with a null element is false, never unknown.
        Assert.That(Plan(c => c.Maybe.Any(m => m > 1)), Is.EqualTo("exists(Maybe, x_1 -> coalesce((x_1 > 1), false))"));
    }

    [Test]
    public void Contains_follows_csharp_equality_with_nulls()
    {
        Assert.That(Plan(c => c.Counts.Contains(c.Size)), Is.EqualTo("array_contains(Counts, Size)"));
        Assert.That(Plan(c => c.Tags.Contains("a")), Is.EqualTo("coalesce(array_contains(Tags, 'a'), false)"), "array_contains is null for a list holding a null");
        Assert.That(Plan(c => c.Tags.Contains(null)), Is.EqualTo("exists(Tags, x_1 -> (x_1 <=> NULL))"), "C# finds a null element");
    }

    [Test]
    public void Where_and_select_are_filter_and_transform_with_the_index_overloads()
    {
        Assert.That(Plan(c => c.Counts.Where(x => x > 1)), Is.EqualTo("filter(Counts, x_1 -> (x_1 > 1))"));
        Assert.That(Plan(c => c.Counts.Where((x, i) => x > i)), Is.EqualTo("filter(Counts, (x_1, x_2) -> (x_1 > x_2))"));
        Assert.That(Plan(c => c.Lines.Select(l => l.Price * l.Qty).ToList()), Is.EqualTo("transform(Lines, x_1 -> (x_1['unit_price'] * x_1['Qty']))"),
            "struct fields by their mapped column names; ToList changes nothing");
        Assert.That(Plan(c => c.Items.Select((s, i) => s + i)), Is.EqualTo("transform(Items, (x_1, x_2) -> concat(coalesce(x_1, ''), CAST(x_2 AS string)))"));
        Assert.That(Plan(c => c.Items.ToArray()), Is.EqualTo("Items"));
    }

    [Test]
    public void Objects_built_from_elements_are_named_structs()
    {
        Assert.That(Plan(c => c.Lines.Select(l => new { l.Sku, Total = l.Qty * 2 }).ToList()),
            Is.EqualTo("transform(Lines, x_1 -> named_struct('Sku', x_1['Sku'], 'Total', (x_1['Qty'] * 2)))"));
        Assert.That(Plan(c => c.Lines.Select(l => new CartLine(l.Sku, 1, l.Price)).ToList()),
            Is.EqualTo("transform(Lines, x_1 -> named_struct('Sku', x_1['Sku'], 'Qty', 1, 'unit_price', x_1['unit_price']))"), "a record by its mapping");
        Assert.That(Plan(c => c.Lines.Select(l => new { l.Sku, l.Qty }).Where(x => x.Qty > 1).Select(x => x.Sku)),
            Is.EqualTo("transform(filter(transform(Lines, x_1 -> named_struct('Sku', x_1['Sku'], 'Qty', x_1['Qty'])), x_2 -> (x_2['Qty'] > 1)), x_3 -> x_3['Sku'])"));
    }

    [Test]
    public void Nested_lambdas_have_their_own_variables_and_see_the_outer_ones_and_the_row() =>
        Assert.That(Plan(c => c.Grid.Select(r => r.Where(v => v > c.Size && r.Count > 1).Sum())),
            Is.EqualTo("transform(Grid, x_1 -> aggregate(filter(x_1, x_2 -> ((x_2 > Size) AND (size(x_1) > 1))), 0, (x_3, x_4) -> (x_3 + x_4)))"));

    [Test]
    public void Sums_fold_in_the_csharp_result_type_and_skip_nulls()
    {
        Assert.That(Plan(c => c.Counts.Sum()), Is.EqualTo("aggregate(Counts, 0, (x_1, x_2) -> (x_1 + x_2))"));
        Assert.That(Plan(c => c.Maybe.Sum()), Is.EqualTo("aggregate(Maybe, 0, (x_1, x_2) -> (x_1 + coalesce(x_2, 0)))"));
        Assert.That(Plan(c => c.Seq.Sum()), Is.EqualTo("aggregate(Seq, 0L, (x_1, x_2) -> (x_1 + x_2))"));
        Assert.That(Plan(c => c.Lines.Sum(l => l.Price)),
            Is.EqualTo("aggregate(transform(Lines, x_1 -> x_1['unit_price']), CAST(0 AS decimal), (x_2, x_3) -> CAST((x_2 + x_3) AS decimal))"));
    }

    [Test]
    public void Min_and_max_of_values_fail_like_csharp_on_an_empty_array()
    {
        Assert.That(Plan(c => c.Counts.Max()), Is.EqualTo("if((size(Counts) == 0), raise_error('Sequence contains no elements'), array_max(Counts))"));
        Assert.That(Plan(c => c.Maybe.Min()), Is.EqualTo("array_min(Maybe)"), "nullable elements: null when there are none, as C#");
        Assert.That(Plan(c => c.Items.Max()), Is.EqualTo("array_max(Items)"));
    }

    [Test]
    public void Averages_carry_the_sum_and_the_count()
    {
        Assert.That(Plan(c => c.Counts.Average()), Is.EqualTo(
            "aggregate(Counts, named_struct('s', 0L, 'n', 0L), (x_1, x_2) -> named_struct('s', (x_1['s'] + x_2), 'n', (x_1['n'] + 1L)), " +
            "x_3 -> if((x_3['n'] == 0L), raise_error('Sequence contains no elements'), (x_3['s'] / x_3['n'])))"));
        Assert.That(Plan(c => c.Maybe.Average()), Is.EqualTo(
            "aggregate(Maybe, named_struct('s', 0L, 'n', 0L), (x_1, x_2) -> if(isnull(x_2), x_1, named_struct('s', (x_1['s'] + x_2), 'n', (x_1['n'] + 1L))), " +
            "x_3 -> if((x_3['n'] == 0L), NULL, (x_3['s'] / x_3['n'])))"));
    }

    [Test]
    public void Element_access_counts_from_zero_and_fails_like_csharp_outside_the_array()
    {
        Assert.That(Plan(c => c.Counts[2]), Is.EqualTo("if(((2 < 0) OR (2 >= size(Counts))), raise_error('Index was outside the bounds of the array.'), get(Counts, 2))"));
        Assert.That(Plan(c => c.Items[c.Size]), Does.StartWith("if(((Size < 0) OR (Size >= size(Items))), raise_error('Index was out of range.").And.EndWith("get(Items, Size))"));
        Assert.That(Plan(c => c.Counts.ElementAtOrDefault(c.Size)), Is.EqualTo("coalesce(get(Counts, Size), 0)"));
        Assert.That(Plan(c => c.Items.First()), Is.EqualTo("if((size(Items) == 0), raise_error('Sequence contains no elements'), get(Items, 0))"));
        Assert.That(Plan(c => c.Counts.FirstOrDefault()), Is.EqualTo("coalesce(get(Counts, 0), 0)"), "C#'s default for an int is 0");
        Assert.That(Plan(c => c.Tags.FirstOrDefault()), Is.EqualTo("get(Tags, 0)"));
        Assert.That(Plan(c => c.Items.Last()), Is.EqualTo("if((size(Items) == 0), raise_error('Sequence contains no elements'), try_element_at(Items, -1))"));
        Assert.That(Plan(c => c.Items.Single()), Is.EqualTo(
            "if((size(Items) == 1), get(Items, 0), raise_error(if((size(Items) == 0), 'Sequence contains no elements', 'Sequence contains more than one element')))"));
        Assert.That(Plan(c => c.Lines.First(l => l.Qty > 1).Sku), Does.Contain("raise_error('Sequence contains no matching element'), get(filter(Lines, x_1 -> (x_1['Qty'] > 1)), 0))['Sku']"));
    }

    [Test]
    public void Distinct_order_and_set_operators_are_the_array_functions()
    {
        Assert.That(Plan(c => c.Items.Distinct()), Is.EqualTo("array_distinct(Items)"));
        Assert.That(Plan(c => c.Counts.OrderBy(x => x)), Is.EqualTo("sort_array(Counts)"));
        Assert.That(Plan(c => c.Counts.OrderByDescending(x => x)), Is.EqualTo("sort_array(Counts, false)"));
        Assert.That(Plan(c => c.Items.Concat(c.Tags)), Is.EqualTo("concat(Items, Tags)"));
        Assert.That(Plan(c => c.Items.Union(new[] { "a", "b" })), Is.EqualTo("array_union(Items, array('a', 'b'))"));
        Assert.That(Plan(c => c.Counts.Intersect(c.Maybe.Select(m => m ?? 0))), Is.EqualTo("array_intersect(Counts, transform(Maybe, x_1 -> coalesce(x_1, 0)))"));
        Assert.That(Plan(c => c.Items.Except(new List<string>())), Is.EqualTo("array_distinct(Items)"), "except nothing: the distinct elements");
        Assert.That(Plan(c => c.Items.AsEnumerable().Reverse()), Is.EqualTo("reverse(Items)"));
    }

    [Test]
    public void Ordering_by_a_key_sorts_keyed_structs_stably()
    {
        Assert.That(Plan(c => c.Lines.OrderBy(l => l.Sku).ThenBy(l => l.Qty)), Is.EqualTo(
            "transform(sort_array(transform(Lines, (x_1, x_2) -> named_struct('p0', isnotnull(x_1['Sku']), 'k0', x_1['Sku'], 'k1', x_1['Qty'], 't', x_2, 'i', x_2))), " +
            "x_3 -> get(Lines, x_3['i']))"));
        Assert.That(Plan(c => c.Lines.OrderByDescending(l => l.Qty)), Is.EqualTo(
            "transform(sort_array(transform(Lines, (x_1, x_2) -> named_struct('k0', x_1['Qty'], 't', negative(x_2), 'i', x_2)), false), x_3 -> get(Lines, x_3['i']))"),
            "descending: the negated index keeps equal keys in their order");
    }

    [Test]
    public void String_join_is_array_join_writing_nulls_as_nothing()
    {
        Assert.That(Plan(c => string.Join(",", c.Items)), Is.EqualTo("array_join(Items, ',', '')"));
        Assert.That(Plan(c => string.Join(';', c.Counts)), Is.EqualTo("array_join(transform(Counts, x_1 -> CAST(x_1 AS string)), ';', '')"));
        Assert.That(Plan(c => string.Join("-", new[] { c.Id.ToString(), "x" })), Is.EqualTo("array_join(array(CAST(Id AS string), 'x'), '-', '')"));
    }

    [Test]
    public void A_lambda_is_a_LambdaFunction_of_named_variables()
    {
        var exists = Expression(c => c.Lines.Any(l => l.Qty > c.Size)).UnresolvedFunction;
        Assert.That(exists.FunctionName, Is.EqualTo("exists"));
        var lambda = exists.Arguments[1].LambdaFunction;
        Assert.That(lambda.Arguments.Select(a => string.Join(".", a.NameParts)), Is.EqualTo(new[] { "x_1" }));
        var comparison = lambda.Function.UnresolvedFunction;
        Assert.That(comparison.FunctionName, Is.EqualTo(">"));
        var field = comparison.Arguments[0].UnresolvedExtractValue;
        Assert.That(field.Child.UnresolvedNamedLambdaVariable.NameParts, Is.EqualTo(new[] { "x_1" }), "the element is the lambda's variable");
        Assert.That(field.Extraction.Literal.String, Is.EqualTo("Qty"));
        Assert.That(comparison.Arguments[1].UnresolvedAttribute.UnparsedIdentifier, Is.EqualTo("Size"), "the row's column, read inside the lambda");
    }

    [Test]
    public void Array_predicates_filter_rows() =>
        AssertPlan(Carts.Where(c => c.Counts.Any(x => x > 3) && !c.Items.Contains("x")).Select(c => c.Id), """
            Project [Id AS Id]
              Filter (exists(Counts, x_1 -> (x_1 > 3)) AND not(coalesce(array_contains(Items, 'x'), false)))
                Read carts
            """);
}

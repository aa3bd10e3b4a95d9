namespace Spark.Linq.Tests.Untranslatable;

public class UnsupportedOperatorTests : UntranslatableTestBase
{
    private static readonly Order[] LocalOrders = [new Order { Id = 1 }];

    [Test] public void Zip() => Rejects(Orders.Zip(Orders), "Zip(", "Zip");
    [Test] public void Reverse() => Rejects(Orders.OrderBy(o => o.Id).Reverse(), "Reverse(", "Reverse");
    [Test] public void SkipWhile() => Rejects(Orders.SkipWhile(o => o.Amount < 10), "SkipWhile(", "SkipWhile");
    [Test] public void TakeWhile() => Rejects(Orders.TakeWhile(o => o.Amount < 10), "TakeWhile(", "TakeWhile");
    [Test] public void SkipLast() => Rejects(Orders.SkipLast(2), "SkipLast(", "SkipLast");
    [Test] public void TakeLast() => Rejects(Orders.TakeLast(2), "TakeLast(", "TakeLast");
    [Test] public void Append() => Rejects(Orders.Append(new Order()), "Append(", "Append");
    [Test] public void Prepend() => Rejects(Orders.Prepend(new Order()), "Prepend(", "Prepend");
    [Test] public void Cast() => Rejects(Orders.Cast<object>(), "Cast(", "Cast");
    [Test] public void OfType() => Rejects(Orders.OfType<Order>(), "OfType(", "OfType");
    [Test] public void DefaultIfEmpty() => Rejects(Orders.DefaultIfEmpty(), "DefaultIfEmpty(", "DefaultIfEmpty");
    [Test] public void DistinctBy_with_a_comparer() => Rejects(Orders.DistinctBy(o => o.Region, StringComparer.Ordinal), "DistinctBy(", "DistinctBy", "comparer");
    [Test] public void Chunk() => Rejects(Orders.Chunk(10), "Chunk(", "Chunk");
    [Test] public void Take_with_a_range() => Rejects(Orders.Take(2..5), "Take(2..5)", "Take", "Skip(a).Take(b - a)");
    [Test] public void Indexed_Where() => Rejects(Orders.Where((o, i) => i > 3), "(o, i) => (i > 3)", "Where", "index");
    [Test] public void Indexed_Select() => Rejects(Orders.Select((o, i) => i), "(o, i) => i", "Select", "index");
    [Test] public void OrderBy_with_a_comparer() => Rejects(Orders.OrderBy(o => o.Region, StringComparer.Ordinal), "OrderBy(", "OrderBy", "comparer");
    [Test] public void Distinct_with_a_comparer() => Rejects(Orders.Select(o => o.Region).Distinct(StringComparer.OrdinalIgnoreCase), "Distinct(", "Distinct", "comparer");
    [Test] public void ThenBy_without_OrderBy() => Rejects(((IOrderedQueryable<Order>)Orders).ThenBy(o => o.Id), "ThenBy(", "ThenBy", "OrderBy");
    [Test]
    public void ThenBy_after_a_Where_that_ended_the_ordering()
    {
        // What (IOrderedQueryable<Order>)query.Where(…) followed by ThenBy means, built as the tree it would be.
        var filtered = Orders.OrderBy(o => o.Id).Where(o => o.Shipped).Expression;
        System.Linq.Expressions.Expression<Func<Order, string>> key = o => o.Region;
        var thenBy = System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.ThenBy), [typeof(Order), typeof(string)],
            System.Linq.Expressions.Expression.Convert(filtered, typeof(IOrderedQueryable<Order>)), System.Linq.Expressions.Expression.Quote(key));
        Rejects(Orders.Provider.CreateQuery<Order>(thenBy), "ThenBy(", "ThenBy", "OrderBy");
    }

    [Test] public void Ordering_by_the_whole_row() => Rejects(Orders.OrderBy(o => o), "o", "OrderBy", "members");
    [Test] public void Order_without_a_key() => Rejects(Orders.Select(o => o.ShipTo).Order(), "Order(", "Order");

    [Test] public void Last_without_ordering() => RejectsTerminal(() => Orders.Last(), "Last(", "Last", "OrderBy");
    [Test] public void LastOrDefault_after_the_sort_key_was_projected_away() => RejectsTerminal(() => Orders.OrderBy(o => o.Id).Select(o => o.Region).LastOrDefault(), "LastOrDefault(", "LastOrDefault", "OrderBy");
    [Test] public void Aggregate() => RejectsTerminal(() => Orders.Select(o => o.Amount).Aggregate((a, b) => a + b), "Aggregate(", "Aggregate");
    [Test] public void SequenceEqual() => RejectsTerminal(() => Orders.SequenceEqual(LocalOrders), "SequenceEqual(", "SequenceEqual");
    [Test] public void MinBy_with_a_comparer() => RejectsTerminal(() => Orders.MinBy(o => o.Amount, Comparer<double>.Default), "MinBy(", "MinBy", "comparer");
    [Test] public void Contains_with_a_comparer() => RejectsTerminal(() => Orders.Select(o => o.Region).Contains("x", StringComparer.Ordinal), "Contains(", "Contains", "comparer");
    [Test] public void First_with_a_default_value() => RejectsTerminal(() => Orders.FirstOrDefault(new Order()), "FirstOrDefault(", "FirstOrDefault");
    [Test] public void Take_with_a_row_dependent_count() =>
        Rejects(Orders.Provider.CreateQuery<Order>(System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Order)],
            Orders.Expression, ((System.Linq.Expressions.Expression<Func<int>>)(() => Orders.Count())).Body)), "Count(", "Take", "before the query");
}

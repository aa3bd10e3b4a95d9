using System.ComponentModel.DataAnnotations.Schema;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Tests.Server;

namespace Spark.Connect.Local.Tests.Data;

public sealed class CreateTableNestedTests : LocalServerTestBase
{
    [Test]
    public async Task Lists_arrays_and_enumerables_load_with_null_and_empty_lists_and_null_elements()
    {
        var rows = new[]
        {
            new WithLists { Key = 1, Numbers = [1, 2, 3], Words = ["a", null, "c"], Maybe = [null, 5], Sequence = [1.5, 2.5], ReadOnly = ["x"] },
            new WithLists { Key = 2, Numbers = [], Words = [], Maybe = [], Sequence = [], ReadOnly = [] },
            new WithLists { Key = 3, Numbers = null, Words = null, Maybe = null, Sequence = null, ReadOnly = null },
        };
        Server.CreateTable("lists", rows);

        var responses = await CollectAsync(NewClient().ExecutePlanAsync(Sql("SELECT * FROM lists ORDER BY Key")));

        var fields = SchemaOf(responses).Fields;
        Assert.That(fields.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "Key: int32", "Numbers: list<element: int32>", "Words: list<element: utf8>", "Maybe: list<element: int32>",
            "Sequence: list<element: float64>", "ReadOnly: list<element: utf8>",
        }));
        Assert.That(fields.Skip(1).All(f => f.Children[0].Nullable), "Spark list elements are nullable");
        Assert.That(NestedValues.Rows(Batches(responses)), Is.EqualTo(new object?[][]
        {
            [1, new[] { 1, 2, 3 }, new[] { "a", null, "c" }, new int?[] { null, 5 }, new[] { 1.5, 2.5 }, new[] { "x" }],
            [2, Array.Empty<int>(), Array.Empty<string>(), Array.Empty<int>(), Array.Empty<double>(), Array.Empty<string>()],
            [3, null, null, null, null, null],
        }));
    }

    private sealed class WithLists
    {
        public int Key { get; set; }
        public int[]? Numbers { get; set; }
        public List<string?>? Words { get; set; }
        public IReadOnlyList<int?>? Maybe { get; set; }
        public IEnumerable<double>? Sequence { get; set; }
        public ICollection<string>? ReadOnly { get; set; }
    }
}

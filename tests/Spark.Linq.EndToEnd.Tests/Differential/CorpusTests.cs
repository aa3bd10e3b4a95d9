using Spark.Linq.EndToEnd.Tests.Corpus;

namespace Spark.Linq.EndToEnd.Tests.Differential;

public sealed class CorpusTests
{
    [Test]
    public void The_corpus_has_at_least_150_uniquely_named_queries()
    {
        Assert.That(SalesCorpus.All, Has.Count.GreaterThanOrEqualTo(150));
        Assert.That(SalesCorpus.All.Select(c => c.Name), Is.Unique);
    }

    [Test]
    public void Every_query_gives_LINQ_to_Objects_a_non_trivial_answer_somewhere()
    {
        // A corpus where most queries return nothing would prove little: most must return rows.
        var objects = new ObjectSources(new Data.SalesData());
        var empty = SalesCorpus.All.Count(c => c.RunObjects(objects) is { Exception: null, Rows.Count: 0 });
        Assert.That(empty, Is.LessThan(SalesCorpus.All.Count / 20), "queries with no rows");
    }
}

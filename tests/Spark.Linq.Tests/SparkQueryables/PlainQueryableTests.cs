using System.Reflection;
using Spark.Connect.Arrow;
using Spark.Connect.Protocol;
using Spark.Linq.PlainQueryable;
using Spark.Linq.Tests.Execution;

namespace Spark.Linq.Tests.SparkQueryables;

/// <summary>Spark.Linq.PlainQueryable: Spark's async operators for queries held as a plain IQueryable&lt;T&gt;.</summary>
public class PlainQueryableTests : ScriptedServerTestBase
{
    public sealed record Person(long Id, string Name);

    [Test]
    public void Every_async_operator_on_ISparkQueryable_has_a_twin_on_IQueryable_and_no_other()
    {
        static IEnumerable<string> Signatures(Type type, Type receiver) => type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetParameters() is [var first, ..] && first.ParameterType.IsGenericType && first.ParameterType.GetGenericTypeDefinition() == receiver)
            .Select(m => $"{m.ReturnType} {m.Name}<{m.GetGenericArguments().Length}>({string.Join(", ", m.GetParameters().Skip(1).Select(p => p.ParameterType))}) on {m.GetParameters()[0].ParameterType.GetGenericArguments()[0]}");

        var spark = Signatures(typeof(SparkQueryableAsyncExtensions), typeof(ISparkQueryable<>)).ToList();
        var plain = Signatures(typeof(PlainQueryableAsyncExtensions), typeof(IQueryable<>)).ToList();
        Assert.That(spark, Has.Count.GreaterThan(50));
        Assert.That(plain, Is.EquivalentTo(spark));
        Assert.That(typeof(PlainQueryableAsyncExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static), Has.Length.EqualTo(plain.Count));
    }

    [Test]
    public async Task A_Spark_query_held_as_IQueryable_runs_through_the_plain_operators()
    {
        var schema = new ArrowSchema([new ArrowField("Id", ArrowType.Int64, nullable: false), new ArrowField("Name", ArrowType.Utf8)]);
        AnswerWith(schema, Batch(schema, b =>
        {
            b.Column<PrimitiveBuilder<long>>(0).Append(3);
            b.Column<Utf8Builder>(1).Append("c");
        }));
        IQueryable<Person> people = Spark.Table<Person>("crm.people").Where(p => p.Id > 2);

        Assert.That(await people.ToListAsync(), Is.EqualTo(new[] { new Person(3, "c") }));
        Assert.That(await people.FirstAsync(), Is.EqualTo(new Person(3, "c")));
        var sent = Server.RequestsOf<ExecutePlanRequest>().Last().Plan.Root;
        Assert.That(sent.Limit?.Limit_, Is.EqualTo(1), "FirstAsync sent Limit 1 over the query");
        Assert.That(sent.Limit!.Input.Filter, Is.Not.Null, "over the query's filter");
        var streamed = new List<Person>();
        await foreach (var person in people.AsAsyncEnumerable()) streamed.Add(person);
        Assert.That(streamed, Is.EqualTo(new[] { new Person(3, "c") }));
    }

    [Test]
    public async Task A_query_of_another_provider_is_refused_by_the_plain_operators()
    {
        var local = new[] { new Person(1, "a") }.AsQueryable();
        var error = (await Assert.ThrowsAsync<ArgumentException>(() => local.CountAsync()))!;
        Assert.That(error.Message, Does.Contain("not a Spark.Linq query"));
    }
}

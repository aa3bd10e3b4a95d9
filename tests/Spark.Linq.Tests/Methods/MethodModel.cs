using System.ComponentModel.DataAnnotations.Schema;

namespace Spark.Linq.Tests.Methods;

public enum Status { Pending, Shipped, Cancelled }

/// <summary>A row with one column of each type the method translators handle.</summary>
[Table("events")]
public sealed class Event
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Tag { get; set; }
    public double Score { get; set; }
    public float Ratio { get; set; }
    public decimal Price { get; set; }
    public decimal? Fee { get; set; }
    public int Count { get; set; }
    public int? Maybe { get; set; }
    public DateTime At { get; set; }
    public DateTime? DueAt { get; set; }
    public DateOnly Day { get; set; }
    public DateTimeOffset Stamp { get; set; }
    public TimeSpan Took { get; set; }
    public bool Flag { get; set; }
    public char Letter { get; set; }
    [Column(TypeName = "string")] public Status State { get; set; }
    [Column(TypeName = "string")] public Status? MaybeState { get; set; }
    public Status Code { get; set; }
}

/// <summary>Plan tests over <see cref="Event"/>; <see cref="Plan{T}"/> renders one projected value.</summary>
public abstract class MethodPlanTestBase : PlanTestBase
{
    protected ISparkQueryable<Event> Events => Spark.Table<Event>();

    /// <summary>The plan line of <c>Select(x => new { V = selector(x) })</c>, i.e. "expr AS V".</summary>
    protected string Plan<T>(System.Linq.Expressions.Expression<Func<Event, T>> selector)
    {
        var parameter = selector.Parameters[0];
        var type = typeof(Holder<T>);
        var body = System.Linq.Expressions.Expression.MemberInit(
            System.Linq.Expressions.Expression.New(type),
            System.Linq.Expressions.Expression.Bind(type.GetProperty(nameof(Holder<T>.V))!, selector.Body));
        var lambda = System.Linq.Expressions.Expression.Lambda<Func<Event, Holder<T>>>(body, parameter);
        var text = Events.Select(lambda).ToPlanString();
        var first = OperatorLine(text);
        Assert.That(first, Does.StartWith("Project [").And.EndWith(" AS V]"), text);
        return first["Project [".Length..^" AS V]".Length];
    }

    /// <summary>The filter condition of <c>Where(predicate)</c>.</summary>
    protected string Filter(System.Linq.Expressions.Expression<Func<Event, bool>> predicate)
    {
        var text = Events.Where(predicate).ToPlanString();
        var first = OperatorLine(text);
        Assert.That(first, Does.StartWith("Filter "), text);
        return first["Filter ".Length..];
    }

    // The operator over the table read; literals may hold line breaks, so the text is cut at the Read line rather than at the first break.
    private static string OperatorLine(string plan)
    {
        const string read = "\n  Read events";
        Assert.That(plan, Does.EndWith(read));
        return plan[..^read.Length];
    }

    /// <summary>The message of the translation error <paramref name="query"/> raises.</summary>
    protected static string Rejects<T>(IQueryable<T> query) =>
        Assert.Throws<SparkTranslationException>(() => query.ToPlanString())!.Message;

    /// <summary>Carrier for one projected value.</summary>
    public sealed class Holder<T>
    {
        /// <summary>The value.</summary>
        public T V { get; set; } = default!;
    }
}

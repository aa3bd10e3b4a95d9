using System.ComponentModel.DataAnnotations.Schema;
using Spark.Linq;
using Spark.Linq.Testing;

namespace Spark.DeepPlanProbe;

/// <summary>
/// A representative query whose plan snapshot must be the same text in every process: Spark.Linq.Tests builds it in
/// the test host and compares with what this probe prints from a fresh process (other hash seeds, other plan id
/// history). Public so the test builds exactly the same query.
/// </summary>
public static class PlanSnapshotScenario
{
    /// <summary>Open shipments of one carrier above a weight, with their customer, heaviest first.</summary>
    public static IQueryable<HeavyParcel> Representative(SparkSession spark)
    {
        var minimum = 2.50m;
        var status = ParcelStatus.Shipped;
        var since = new DateTime(2024, 1, 31, 12, 30, 0, DateTimeKind.Utc);
        return spark.Table<Parcel>()
            .Where(p => p.Weight > minimum && p.Status != status && p.SentAt >= since && p.Carrier == "O'Hare \"Express\"")
            .Join(spark.Table<Recipient>(), p => p.RecipientId, r => r.Id, (p, r) => new { p.Id, p.Weight, r.Name, p.Status })
            .OrderByDescending(x => x.Weight)
            .Take(10)
            .Select(x => new HeavyParcel(x.Id, x.Name, x.Weight > 20m));
    }

    /// <summary>Prints the snapshot, one line of text per line, for the test to compare.</summary>
    internal static void Print(int size, Action<string> report) => Scenarios.Report(report, "snapshot", () =>
    {
        var spark = SparkSession.Connect("sc://localhost");
        // Plans translated before must not shift anything: the snapshot renumbers nodes and spells values itself.
        for (var i = 0; i < size; i++) spark.Table<Parcel>().Where(p => p.Id > i).Take(i + 1).ToQueryPlan();
        return Representative(spark).ToQueryPlan().ToPlanString().Replace("\n", " | ", StringComparison.Ordinal);
    });
}

public sealed record HeavyParcel(long Id, string Name, bool Heavy);

/// <summary>A parcel's state; compared by number in Spark.</summary>
public enum ParcelStatus
{
    Pending = 1,
    Packed = 2,
    Shipped = 3,
}

[Table("parcels")]
public sealed class Parcel
{
    public long Id { get; set; }
    [Column("recipient_id")] public int RecipientId { get; set; }
    public decimal Weight { get; set; }
    public ParcelStatus Status { get; set; }
    public DateTime SentAt { get; set; }
    public string Carrier { get; set; } = "";
}

[Table("recipients")]
public sealed class Recipient
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

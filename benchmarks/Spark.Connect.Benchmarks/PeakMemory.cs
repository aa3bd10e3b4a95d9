using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Spark.Connect.Benchmarks;

/// <summary>The largest managed heap and working set seen while a benchmark ran, per row count.</summary>
public static class PeakMemory
{
    private static readonly ConcurrentDictionary<int, (long Heap, long WorkingSet)> Peaks = new();

    public static void Sample(int rows)
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var workingSet = Environment.WorkingSet;
        Peaks.AddOrUpdate(rows, (heap, workingSet), (_, p) => (Math.Max(p.Heap, heap), Math.Max(p.WorkingSet, workingSet)));
    }

    internal static (long Heap, long WorkingSet)? For(int rows) => Peaks.TryGetValue(rows, out var p) ? p : null;
}

/// <summary>A short in-process job plus the peak columns (the samples live in the benchmark's process).</summary>
public sealed class PeakMemoryConfig : ManualConfig
{
    public PeakMemoryConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(new PeakColumn("Peak heap", p => p.Heap), new PeakColumn("Peak working set", p => p.WorkingSet));
    }

    private sealed class PeakColumn(string name, Func<(long Heap, long WorkingSet), long> pick) : IColumn
    {
        public string Id => nameof(PeakColumn) + name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Size;
        public string Legend => $"{name} sampled every 100k rows during the benchmark";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var rows = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Rows")?.Value as int?;
            var peak = rows is null ? null : PeakMemory.For(rows.Value);
            return peak is null ? "-" : $"{pick(peak.Value) / (1024.0 * 1024.0):F1} MB";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

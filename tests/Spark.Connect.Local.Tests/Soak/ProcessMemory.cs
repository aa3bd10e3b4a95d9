using System.Runtime;

namespace Spark.Connect.Local.Tests.Soak;

/// <summary>Memory figures of this process (server and clients share it): resident set and managed heap.</summary>
internal static class ProcessMemory
{
    internal const double MiB = 1024 * 1024;

    /// <summary>The resident set size from /proc/self/status (Linux), or the working set elsewhere.</summary>
    internal static long Rss()
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        return Environment.WorkingSet;
    }

    /// <summary>Collects everything (large objects compacted) and returns the managed heap that is still referenced.</summary>
    internal static long LiveManagedAfterFullCollection()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>Samples the RSS every 50 ms until disposed; <see cref="Peak"/> is the highest seen.</summary>
    internal sealed class PeakSampler : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peak;

        internal PeakSampler() => _sampling = Task.Run(SampleAsync);

        internal long Peak => Interlocked.Read(ref _peak);

        private async Task SampleAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var rss = Rss();
                if (rss > Peak)
                    Interlocked.Exchange(ref _peak, rss);
                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _sampling;
            _stop.Dispose();
        }
    }
}

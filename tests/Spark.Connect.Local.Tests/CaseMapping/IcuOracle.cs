using System.Diagnostics;
using Spark.Testing;

namespace Spark.Connect.Local.Tests.CaseMapping;

/// <summary>
/// Runs <c>tools/case-oracle/oracle.mjs</c>: Node's <c>toUpperCase</c>/<c>toLowerCase</c>, which are ICU's
/// root-locale full case mappings (final sigma included), the same library and rules Spark's <c>upper</c>
/// and <c>lower</c> use. Needs only <c>node</c> on the path (no npm packages).
/// </summary>
internal static class IcuOracle
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The ICU and Unicode versions of the Node that answers, e.g. "78.2 17.0".</summary>
    public static string Versions() => Run("-e", "process.stdout.write(process.versions.icu + ' ' + process.versions.unicode)");

    /// <summary>Runs the oracle with <paramref name="arguments"/> and returns its standard output.</summary>
    public static string Oracle(params string[] arguments) =>
        Run([Path.Combine(RepoPaths.Tool("case-oracle"), "oracle.mjs"), .. arguments]);

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s.");
        }
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"node {string.Join(' ', arguments)} failed:\n{stderr.Result}");
        return stdout.Result;
    }
}

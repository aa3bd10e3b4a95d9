using System.Diagnostics;

namespace Spark.Testing;

/// <summary>
/// Runs one scenario of <c>tests/Spark.DeepPlanProbe</c> in a child process: a stack overflow can't be caught
/// and ends the process it happens in, so cases that would overflow if a depth budget regressed must not run in
/// the test host. Test projects reference the probe, which puts it next to the test assembly.
/// </summary>
internal sealed record DeepPlanProbeRun(int ExitCode, IReadOnlyList<string> Lines, string Errors)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static DeepPlanProbeRun Start(string scenario, int? size = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Spark.DeepPlanProbe.dll"));
        start.ArgumentList.Add(scenario);
        if (size is { } n) start.ArgumentList.Add(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The probe did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The probe ({scenario} {size}) ran longer than {Timeout}.");
        }
        process.WaitForExit();
        var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new DeepPlanProbeRun(process.ExitCode, lines, errors.Result);
    }

    /// <summary>Whether the probe ran to an outcome rather than dying (a stack overflow prints "Stack overflow." and aborts).</summary>
    public bool Survived => ExitCode == 0 && !Errors.Contains("Stack overflow", StringComparison.Ordinal);

    /// <summary>The line reporting <paramref name="what"/>.</summary>
    public string Line(string what) =>
        Lines.SingleOrDefault(l => l.StartsWith($"OK {what}:", StringComparison.Ordinal) || l.StartsWith($"ERROR {what}:", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"The probe reported nothing for '{what}'. Output: {string.Join(" | ", Lines)} Errors: {Errors}");

    public override string ToString() => $"exit code {ExitCode}; output: {string.Join(" | ", Lines)}; errors: {Errors}";

    // `dotnet test` tells child processes which host it runs on; the test host itself is that host otherwise.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";
}

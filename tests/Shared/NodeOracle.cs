using NUnit.Framework;
using System.Diagnostics;

namespace Spark.Testing;

/// <summary>Runs tools/arrow-oracle (apache-arrow JS) as a child process with a timeout.</summary>
internal static class NodeOracle
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Runs <c>node oracle.mjs command dir [options]</c> and returns its standard output.</summary>
    public static string Run(string command, string directory, params string[] options)
    {
        var tool = RepoPaths.Tool("arrow-oracle");
        Assert.That(Path.Combine(tool, "node_modules", "apache-arrow"), Does.Exist,
            "apache-arrow is not installed in tools/arrow-oracle; building the test project runs `npm ci` there.");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("oracle.mjs");
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(directory);
        foreach (var option in options)
            start.ArgumentList.Add(option);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node oracle.mjs {command} did not finish within {Timeout.TotalSeconds} s.");
        }
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"node oracle.mjs {command} failed:\n{stderr.Result}");
        return stdout.Result;
    }
}

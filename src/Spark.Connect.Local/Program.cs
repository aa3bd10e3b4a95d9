using System.Runtime.InteropServices;

namespace Spark.Connect.Local;

/// <summary>Runs the local Spark Connect server as a process until Ctrl+C (SIGINT) or SIGTERM, then exits with code 0.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var options = ServerCommandLine.Parse(args, Environment.GetEnvironmentVariable(ServerCommandLine.TokenVariable), out var error, out var tables);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error + "\n" + ServerCommandLine.Usage).ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            // Cancelling the default action keeps the runtime from ending the process at once: Main then
            // returns normally after disposing the server, so the port is released and the exit code is 0.
            context.Cancel = true;
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Main already returned.
            }
        }
        // SIGINT is Ctrl+C; SIGTERM is what `kill`, systemd and container runtimes send.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        LocalSparkServer server;
        try
        {
            server = await LocalSparkServer.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is IOException or DuckDb.DuckDbException or ArgumentException or OperationCanceledException)
        {
            // E.g. the port is taken or the DuckDB library is missing: say so without a stack trace.
            await Console.Error.WriteLineAsync($"The local Spark Connect server could not start: {failure.Message}").ConfigureAwait(false);
            return 1;
        }
        await using var running = server;
        foreach (var table in tables)
        {
            try
            {
                running.RegisterFile(table.Name, table.Path);
            }
            catch (Exception failure) when (failure is IOException or ArgumentException or UnauthorizedAccessException or DuckDb.DuckDbException)
            {
                // A missing file, an unknown format, or a path outside --data-dir: name the argument, without a stack trace.
                await Console.Error.WriteLineAsync($"--table {table.Name}={table.Path}: {failure.Message}").ConfigureAwait(false);
                return 1;
            }
        }

        // The token is a secret: print the address only.
        Console.WriteLine($"Spark Connect (local, DuckDB) listening on sc://{(options.Host.Contains(':', StringComparison.Ordinal) ? $"[{options.Host}]" : options.Host)}:{server.Port}"
            + (options.Token is null ? string.Empty : " (token required: add ;token=<SPARK_LOCAL_TOKEN> to the connection string)"));
        Console.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A stop signal: fall through to disposal.
        }
        Console.WriteLine("Stopping the local Spark Connect server.");
        await running.DisposeAsync().ConfigureAwait(false);
        Console.WriteLine("Stopped.");
        return 0;
    }
}

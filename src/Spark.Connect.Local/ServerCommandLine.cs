using System.Globalization;

namespace Spark.Connect.Local;

/// <summary>
/// The command line of the server process: where it listens (<c>--port</c>, <c>--host</c>), what data it serves
/// (<c>--database</c>, <c>--table</c>) and which directories clients may reach (<c>--data-dir</c>); the token only
/// from SPARK_LOCAL_TOKEN, so it never shows in a process list.
/// </summary>
internal static class ServerCommandLine
{
    internal const int DefaultPort = 15002;
    internal const string TokenVariable = "SPARK_LOCAL_TOKEN";

    internal const string Usage =
        "Usage: Spark.Connect.Local [--port N] [--host ADDRESS] [--database FILE] [--table NAME=PATH]... [--data-dir PATH]...\n" +
        "  --port N           TCP port to listen on (default 15002; 0 picks a free port)\n" +
        "  --host ADDRESS     IP address to bind (default 127.0.0.1)\n" +
        "  --database FILE    a DuckDB database file: its tables are the server's tables (created if absent)\n" +
        "  --table NAME=PATH  serve a .parquet, .csv or .json file, or a folder of them, as table NAME (repeatable)\n" +
        "  --data-dir PATH    a directory whose files clients may read and write (repeatable); with a token or a\n" +
        "                     host beyond loopback, clients reach no other files (see docs/security.md)\n" +
        "Set the environment variable SPARK_LOCAL_TOKEN to require clients to send that token.";

    /// <summary>Parses <paramref name="args"/>; returns null and sets <paramref name="error"/> when they are invalid.</summary>
    internal static LocalSparkServerOptions? Parse(IReadOnlyList<string> args, string? token, out string? error) =>
        Parse(args, token, out error, out _);

    /// <summary>
    /// Parses <paramref name="args"/>, also giving the <c>--table</c> registrations in order; returns null and sets
    /// <paramref name="error"/> when they are invalid.
    /// </summary>
    internal static LocalSparkServerOptions? Parse(IReadOnlyList<string> args, string? token, out string? error,
        out IReadOnlyList<TableArgument> tables)
    {
        var options = new LocalSparkServerOptions { Port = DefaultPort };
        var registrations = new List<TableArgument>();
        tables = registrations;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? value = i + 1 < args.Count ? args[i + 1] : null;
            switch (arg)
            {
                case "--port" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
                    options.Port = port;
                    i++;
                    break;
                case "--host" when !string.IsNullOrWhiteSpace(value) && System.Net.IPAddress.TryParse(value, out _):
                    options.Host = value;
                    i++;
                    break;
                case "--database" when !string.IsNullOrWhiteSpace(value):
                    options.DatabasePath = value;
                    i++;
                    break;
                case "--table" when TableArgument.TryParse(value, out var table):
                    registrations.Add(table);
                    i++;
                    break;
                case "--table":
                    error = $"--table needs NAME=PATH{(value is null ? "" : $", got '{value}'")}.";
                    return null;
                case "--data-dir" when !string.IsNullOrWhiteSpace(value):
                    (options.DataDirectories ??= []).Add(value);
                    i++;
                    break;
                case "--port" or "--host" or "--database" or "--data-dir":
                    error = $"{arg} needs a valid value{(value is null ? "" : $", got '{value}'")}.";
                    return null;
                default:
                    error = $"Unknown argument '{arg}'.";
                    return null;
            }
        }
        if (!string.IsNullOrEmpty(token))
            options.Token = token;
        return options;
    }
}

/// <summary>One <c>--table NAME=PATH</c> argument: a file or folder served under a table name.</summary>
internal readonly record struct TableArgument(string Name, string Path)
{
    internal static bool TryParse(string? text, out TableArgument table)
    {
        table = default;
        var equals = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (equals <= 0 || equals == text!.Length - 1)
            return false;
        table = new TableArgument(text[..equals].Trim(), text[(equals + 1)..]);
        return table.Name.Length > 0;
    }
}

using System.Globalization;

namespace Spark.Connect.Local;

/// <summary>
/// The command line of the server process: <c>--port N</c>, <c>--host ADDRESS</c> and <c>--data-dir PATH</c> (repeatable);
/// the token only from SPARK_LOCAL_TOKEN.
/// </summary>
internal static class ServerCommandLine
{
    internal const int DefaultPort = 15002;
    internal const string TokenVariable = "SPARK_LOCAL_TOKEN";

    internal const string Usage =
        "Usage: Spark.Connect.Local [--port N] [--host ADDRESS] [--data-dir PATH]...\n" +
        "  --port N         TCP port to listen on (default 15002; 0 picks a free port)\n" +
        "  --host ADDRESS   IP address to bind (default 127.0.0.1)\n" +
        "  --data-dir PATH  a directory whose files clients may read and write (repeatable); with a token or a\n" +
        "                   host beyond loopback, clients reach no other files (see docs/security.md)\n" +
        "Set the environment variable SPARK_LOCAL_TOKEN to require clients to send that token.";

    /// <summary>Parses <paramref name="args"/>; returns null and sets <paramref name="error"/> when they are invalid.</summary>
    internal static LocalSparkServerOptions? Parse(IReadOnlyList<string> args, string? token, out string? error)
    {
        var options = new LocalSparkServerOptions { Port = DefaultPort };
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
                case "--data-dir" when !string.IsNullOrWhiteSpace(value):
                    (options.DataDirectories ??= []).Add(value);
                    i++;
                    break;
                case "--port" or "--host" or "--data-dir":
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

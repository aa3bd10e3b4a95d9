using System.Net;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Security;

/// <summary>
/// What the server sets on its DuckDB database when it opens it, before any client statement can run, so no
/// client can change what other sessions get (see docs/security.md):
/// <list type="bullet">
/// <item>extensions are never installed or loaded on a client's behalf (no auto-install, no auto-load, no
/// community extensions): loading one would change the server for every session;</item>
/// <item>file access is limited to the data directories when the server is reachable by others (a token, or a
/// host beyond loopback) or the host names directories (<see cref="LocalSparkServerOptions.DataDirectories"/>);</item>
/// <item>the configuration is locked (<c>lock_configuration</c>), except the time zone each session's connection
/// sets for itself.</item>
/// </list>
/// </summary>
internal static class DatabaseLockdown
{
    // The one setting the service still changes after the lock: a session's time zone, on its own connection.
    private const string SessionSetting = "TimeZone";

    internal static void Apply(DuckDbDatabase database, LocalSparkServerOptions options)
    {
        var directories = DataDirectories(options);
        using (var connection = database.Connect())
        {
            connection.ExecuteNonQuery("SET autoinstall_known_extensions = false");
            connection.ExecuteNonQuery("SET autoload_known_extensions = false");
            connection.ExecuteNonQuery("SET allow_community_extensions = false");
        }
        if (directories is not null)
            database.RestrictFileAccess(directories);
        using (var connection = database.Connect())
        {
            connection.ExecuteNonQuery($"SET allowed_configs = ['{SessionSetting}']");
            connection.ExecuteNonQuery("SET lock_configuration = true");
        }
    }

    /// <summary>
    /// The directories clients' files must lie in, resolved (symbolic links followed), or null when clients may
    /// reach any file: a server on loopback, without a token and without configured directories.
    /// </summary>
    internal static IReadOnlyList<string>? DataDirectories(LocalSparkServerOptions options)
    {
        if (options.DataDirectories is null && options.Token is null && IsLoopback(options.Host))
            return null;
        return (options.DataDirectories ?? []).Select(PhysicalPath.Resolve).Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}

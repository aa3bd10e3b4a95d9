using Microsoft.Extensions.Configuration;

namespace Spark.Linq.DependencyInjection;

/// <summary>
/// Reads <see cref="SparkSessionOptions"/> from configuration, with errors that name the key. Given a section (such as
/// <c>configuration.GetSection("Spark")</c>) it reads that section; given the root configuration it reads the
/// <c>Spark</c> section and, when that names no connection string, <c>ConnectionStrings:Spark</c>. (A section can't
/// reach its root's <c>ConnectionStrings</c>, so that fallback needs the root.)
/// </summary>
internal static class SparkConfigurationBinder
{
    /// <summary>The section read from a root configuration.</summary>
    public const string SectionName = "Spark";

    public static void Bind(IConfiguration configuration, SparkSessionOptions options)
    {
        var root = configuration is IConfigurationSection ? null : configuration;
        var section = root?.GetSection(SectionName) ?? configuration;
        var path = (section as IConfigurationSection)?.Path ?? SectionName;

        var connectionString = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString)) connectionString = root?.GetConnectionString(SectionName);
        if (!string.IsNullOrWhiteSpace(connectionString)) options.ConnectionString = connectionString;

        if (section["NamingPolicy"] is { Length: > 0 } policy)
        {
            options.NamingPolicy = policy.ToLowerInvariant() switch
            {
                "asis" => ColumnNamingPolicy.AsIs,
                "snakecase" or "snake_case" => ColumnNamingPolicy.SnakeCase,
                _ => throw new OptionsConfigurationException($"{path}:NamingPolicy is '{policy}'; use 'AsIs' or 'SnakeCase'."),
            };
        }

        if (section["NullSemantics"] is { Length: > 0 } semantics)
        {
            options.NullSemantics = Enum.TryParse<SparkNullSemantics>(semantics, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new OptionsConfigurationException($"{path}:NullSemantics is '{semantics}'; use 'CSharp' or 'Sql'.");
        }

        var client = section.GetSection("Client");
        if (client.Exists()) client.Bind(options.Client);
    }
}

/// <summary>A configuration value that can't be used; the message names the key and the accepted values.</summary>
public sealed class OptionsConfigurationException(string message) : InvalidOperationException(message);

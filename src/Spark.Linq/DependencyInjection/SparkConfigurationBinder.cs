using Microsoft.Extensions.Configuration;

namespace Spark.Linq.DependencyInjection;

/// <summary>Reads <see cref="SparkSessionOptions"/> from configuration, with errors that name the key.</summary>
internal static class SparkConfigurationBinder
{
    public static void Bind(IConfiguration configuration, SparkSessionOptions options)
    {
        var connectionString = configuration["ConnectionString"] ?? configuration.GetConnectionString("Spark");
        if (!string.IsNullOrWhiteSpace(connectionString)) options.ConnectionString = connectionString;

        if (configuration["NamingPolicy"] is { Length: > 0 } policy)
        {
            options.NamingPolicy = policy.ToLowerInvariant() switch
            {
                "asis" => ColumnNamingPolicy.AsIs,
                "snakecase" or "snake_case" => ColumnNamingPolicy.SnakeCase,
                _ => throw new OptionsConfigurationException($"Spark:NamingPolicy is '{policy}'; use 'AsIs' or 'SnakeCase'."),
            };
        }

        if (configuration["NullSemantics"] is { Length: > 0 } semantics)
        {
            options.NullSemantics = Enum.TryParse<SparkNullSemantics>(semantics, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new OptionsConfigurationException($"Spark:NullSemantics is '{semantics}'; use 'CSharp' or 'Sql'.");
        }

        var client = configuration.GetSection("Client");
        if (client.Exists()) client.Bind(options.Client);
    }
}

/// <summary>A configuration value that can't be used; the message names the key and the accepted values.</summary>
public sealed class OptionsConfigurationException(string message) : InvalidOperationException(message);

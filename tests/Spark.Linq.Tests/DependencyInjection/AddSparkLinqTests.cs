using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spark.Linq.DependencyInjection;

namespace Spark.Linq.Tests.DependencyInjection;

public class AddSparkLinqTests
{
    public sealed class SalesContext(SparkSession spark)
    {
        public SparkSession Spark { get; } = spark;
        public IQueryable<Order> Orders => Spark.Table<Order>();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection, IConfiguration> register)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        register(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    [Test]
    public async Task A_configuration_section_configures_one_shared_session()
    {
        await using var provider = Build(new()
        {
            ["Spark:ConnectionString"] = "sc://spark.internal:15002/;user_id=svc",
            ["Spark:NamingPolicy"] = "SnakeCase",
            ["Spark:NullSemantics"] = "Sql",
            ["Spark:Client:ReattachableExecution"] = "false",
        }, (s, c) => s.AddSparkLinq(c.GetSection("Spark")).AddSparkContext<SalesContext>());
        provider.GetRequiredService<IStartupValidator>().Validate();

        var session = provider.GetRequiredService<SparkSession>();
        Assert.That(provider.GetRequiredService<SparkSession>(), Is.SameAs(session));
        Assert.That(session.QueryOptions.NamingPolicy, Is.SameAs(ColumnNamingPolicy.SnakeCase));
        Assert.That(session.QueryOptions.NullSemantics, Is.EqualTo(SparkNullSemantics.Sql));
        Assert.That(provider.GetRequiredService<IOptions<SparkSessionOptions>>().Value.Client.ReattachableExecution, Is.False);
        using var scope = provider.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<SalesContext>();
        Assert.That(context.Spark, Is.SameAs(session));
        Assert.That(context.Orders.ToPlanString(), Is.EqualTo("Read sales.orders"));
    }

    [Test]
    public async Task The_connection_string_named_Spark_is_used_from_the_root_configuration()
    {
        await using var provider = Build(new() { ["ConnectionStrings:Spark"] = "sc://from-connection-strings:443/;use_ssl=true" },
            (s, c) => s.AddSparkLinq(c));
        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<SparkSessionOptions>>().Value;
        Assert.That(options.ConnectionString, Is.EqualTo("sc://from-connection-strings:443/;use_ssl=true"));
        Assert.That(provider.GetRequiredService<SparkSession>().Client.ToString(), Does.Contain("from-connection-strings"));
    }

    [Test]
    public async Task A_malformed_connection_string_fails_at_start_without_echoing_the_token()
    {
        await using var provider = Build(new() { ["Spark:ConnectionString"] = "sc://host:99999/;token=TOPSECRET" },
            (s, c) => s.AddSparkLinq(c.GetSection("Spark")));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Spark:ConnectionString is invalid").And.Contains("port"));
        Assert.That(error.Message, Does.Not.Contain("TOPSECRET"));
    }

    [Test]
    public async Task A_missing_connection_string_is_named_at_start()
    {
        var previous = Environment.GetEnvironmentVariable("SPARK_REMOTE");
        Environment.SetEnvironmentVariable("SPARK_REMOTE", null);
        try
        {
            await using var provider = Build(new(), (s, c) => s.AddSparkLinq(c.GetSection("Spark")));
            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            Assert.That(error!.Message, Does.Contain("Spark:ConnectionString is not set"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SPARK_REMOTE", previous);
        }
    }

    [Test]
    public async Task A_plan_depth_limit_below_any_plan_fails_at_start_naming_the_setting()
    {
        await using var provider = Build(new() { ["Spark:ConnectionString"] = "sc://h", ["Spark:Client:MaxPlanDepth"] = "0" },
            (s, c) => s.AddSparkLinq(c.GetSection("Spark")));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Spark:Client:MaxPlanDepth is invalid").And.Contain("at least 8"));
    }

    [TestCase("NamingPolicy", "Pascal", "AsIs")]
    [TestCase("NullSemantics", "Fuzzy", "CSharp")]
    public async Task Unknown_setting_values_name_the_key_and_the_accepted_values(string key, string value, string accepted)
    {
        await using var provider = Build(new() { ["Spark:ConnectionString"] = "sc://h", ["Spark:" + key] = value },
            (s, c) => s.AddSparkLinq(c.GetSection("Spark")));

        var error = Assert.Throws<OptionsConfigurationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain(key).And.Contains(value).And.Contains(accepted));
    }

    [Test]
    public async Task Options_configured_in_code_work_and_the_session_is_released_with_the_provider()
    {
        var provider = Build(new(), (s, _) => s.AddSparkLinq(o =>
        {
            o.ConnectionString = "sc://localhost";
            o.Client.TransportFactory = _ => new NoNetworkTransport();
        }));
        var session = provider.GetRequiredService<SparkSession>();

        await provider.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => session.Client.ExecutePlanAsync(new Spark.Connect.Protocol.Plan()));
    }

    [Test]
    public async Task The_root_configuration_reads_the_Spark_section_with_ConnectionStrings_Spark_as_the_connection_string()
    {
        // As the README shows it: AddSparkLinq(builder.Configuration) with the address among the connection strings.
        await using var provider = Build(new()
        {
            ["ConnectionStrings:Spark"] = "sc://from-connection-strings:15002",
            ["Spark:NamingPolicy"] = "SnakeCase",
            ["Spark:Client:InitialConnectTimeout"] = "00:00:03",
        }, (s, c) => s.AddSparkLinq(c));
        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<SparkSessionOptions>>().Value;
        Assert.That(options.ConnectionString, Is.EqualTo("sc://from-connection-strings:15002"));
        Assert.That(options.NamingPolicy, Is.SameAs(ColumnNamingPolicy.SnakeCase));
        Assert.That(options.Client.InitialConnectTimeout, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task Spark_ConnectionString_wins_over_ConnectionStrings_Spark()
    {
        await using var provider = Build(new()
        {
            ["ConnectionStrings:Spark"] = "sc://from-connection-strings",
            ["Spark:ConnectionString"] = "sc://from-section",
        }, (s, c) => s.AddSparkLinq(c));

        Assert.That(provider.GetRequiredService<IOptions<SparkSessionOptions>>().Value.ConnectionString, Is.EqualTo("sc://from-section"));
    }

    [Test]
    public async Task A_section_reads_only_itself_and_the_start_up_error_says_where_ConnectionStrings_Spark_is_read()
    {
        var previous = Environment.GetEnvironmentVariable("SPARK_REMOTE");
        Environment.SetEnvironmentVariable("SPARK_REMOTE", null);
        try
        {
            await using var provider = Build(new() { ["ConnectionStrings:Spark"] = "sc://from-connection-strings" },
                (s, c) => s.AddSparkLinq(c.GetSection("Spark")));

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.That(error!.Message, Does.Contain("ConnectionStrings:Spark").And.Contain("root configuration"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SPARK_REMOTE", previous);
        }
    }

    [Test]
    public async Task Errors_in_another_section_name_that_section()
    {
        await using var provider = Build(new() { ["Analytics:ConnectionString"] = "sc://h", ["Analytics:NamingPolicy"] = "Pascal" },
            (s, c) => s.AddSparkLinq(c.GetSection("Analytics")));

        var error = Assert.Throws<OptionsConfigurationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.StartWith("Analytics:NamingPolicy is 'Pascal'"));
    }
}

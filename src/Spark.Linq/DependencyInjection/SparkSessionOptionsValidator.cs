using Microsoft.Extensions.Options;
using Spark.Connect;
using Spark.Connect.Protocol;

namespace Spark.Linq.DependencyInjection;

/// <summary>
/// Checks <see cref="SparkSessionOptions"/> when the host starts, so a bad connection string fails
/// start-up instead of the first request. Messages come from the connection-string parser, which
/// names the bad part and never repeats a token.
/// </summary>
internal sealed class SparkSessionOptionsValidator : IValidateOptions<SparkSessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SparkSessionOptions options)
    {
        var failures = new List<string>();
        var text = options.ConnectionString ?? Environment.GetEnvironmentVariable(SparkConnectionString.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            failures.Add("Spark:ConnectionString is not set (nor the SPARK_REMOTE environment variable, nor ConnectionStrings:Spark, which is read " +
                         "when AddSparkLinq is given the root configuration). Set it to sc://host:15002 or your Databricks workspace.");
        }
        else
        {
            try
            {
                SparkConnectionString.Parse(text, options.Client.AllowTokenWithoutTls);
            }
            catch (FormatException error)
            {
                failures.Add("Spark:ConnectionString is invalid: " + error.Message);
            }
        }
        try
        {
            options.Client.Validate();
        }
        catch (ArgumentOutOfRangeException error)
        {
            var setting = error.ParamName == nameof(SparkConnectClientOptions.MaxPlanDepth) ? "Spark:Client:MaxPlanDepth" : "Spark:Client:RetryPolicy";
            failures.Add(setting + " is invalid: " + error.Message);
        }
        try
        {
            options.Client.ValidateOwnSettings();
        }
        catch (ArgumentOutOfRangeException error)
        {
            failures.Add($"Spark:Client:{error.ParamName} is invalid: " + error.Message);
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

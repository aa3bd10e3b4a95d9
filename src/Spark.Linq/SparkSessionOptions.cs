using Spark.Connect;
using Spark.Connect.Protocol;

namespace Spark.Linq;

/// <summary>How a <see cref="SparkSession"/> connects and translates queries.</summary>
public sealed class SparkSessionOptions
{
    /// <summary>The <c>sc://host[:port]/;…</c> connection string; null reads <c>SPARK_REMOTE</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Names columns for members without <c>[Column]</c>. Default: the member name as is.</summary>
    public ColumnNamingPolicy NamingPolicy { get; set; } = ColumnNamingPolicy.AsIs;

    /// <summary>How null comparisons translate. Default: C# semantics (results equal LINQ-to-Objects).</summary>
    public SparkNullSemantics NullSemantics { get; set; } = SparkNullSemantics.CSharp;

    /// <summary>
    /// Translators of the application's own methods and members, asked before the built-in ones, in this order
    /// (see <see cref="Plugins.ISparkTranslatorPlugin"/>). The session copies the list when it is created.
    /// </summary>
    public IList<Plugins.ISparkTranslatorPlugin> TranslatorPlugins { get; set; } = new List<Plugins.ISparkTranslatorPlugin>();

    /// <summary>Connection settings (retries, reattach, logging, transport). <see cref="ConnectionString"/> wins over theirs.</summary>
    public SparkConnectClientOptions Client { get; set; } = new();
}

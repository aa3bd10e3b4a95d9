using Spark.Connect.Local;
using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.Plugins;
using SparkExpression = Spark.Connect.Protocol.Expression;
using Spark.Linq.Testing;

namespace Spark.Linq.EndToEnd.Tests.Session;

/// <summary>An application's plug-in and [SparkFunction] methods, run by the local server and compared with C#.</summary>
public sealed class TranslatorPluginEndToEndTests
{
    public static string Reversed(string text) => new(text.Reverse().ToArray());

    [SparkFunction("lpad")]
    public static string LeftPad(string text, int width, string pad) => throw new NotSupportedException("only inside queries");

    private sealed class ReversePlugin : ISparkTranslatorPlugin, ISparkMethodCallTranslator
    {
        public IEnumerable<ISparkMethodCallTranslator> MethodCallTranslators => [this];

        public SparkExpression? Translate(SparkMethodCall call) =>
            call.Method.DeclaringType == typeof(TranslatorPluginEndToEndTests) && call.Method.Name == nameof(Reversed)
                ? SparkExpressions.Function("reverse", call.Argument(0))
                : null;
    }

    private LocalSparkServer _server = null!;
    private SparkSession _spark = null!;
    private SalesData _data = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _data = new SalesData(orderCount: 10);
        _server = await LocalSparkServer.StartAsync();
        _server.CreateTable("products", _data.Products);
        _spark = SparkSession.Connect(new SparkSessionOptions { ConnectionString = _server.ConnectionString, TranslatorPlugins = { new ReversePlugin() } });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task A_plugin_translated_method_runs_on_Spark_in_Where_and_Select()
    {
        var query = _spark.Table<Product>("products").Where(p => Reversed(p.Category) == "skooB").Select(p => new { p.Id, R = Reversed(p.Name) });

        var rows = await query.ToListAsync();

        Assert.That(query.ToPlanString(), Does.Contain("reverse(Name)").And.Contain("reverse(Category)"));
        var expected = _data.Products.Where(p => Reversed(p.Category) == "skooB").Select(p => new { p.Id, R = Reversed(p.Name) });
        Assert.That(rows.OrderBy(r => r.Id), Is.EqualTo(expected.OrderBy(r => r.Id)));
        Assert.That(rows, Is.Not.Empty);
    }

    [Test]
    public async Task A_SparkFunction_method_calls_the_Spark_function()
    {
        var rows = await _spark.Table<Product>("products").OrderBy(p => p.Id).Select(p => LeftPad(p.Category, 8, "*")).ToListAsync();

        Assert.That(rows, Is.EqualTo(_data.Products.OrderBy(p => p.Id).Select(p => p.Category.PadLeft(8, '*'))));
    }
}

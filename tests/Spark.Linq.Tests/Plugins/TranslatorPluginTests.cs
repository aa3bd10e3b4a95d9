using System.Linq.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Spark.Linq.Plugins;
using Spark.Linq.Tests.Caching;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Tests.Plugins;

/// <summary>The application's own method and member translators, and [SparkFunction] methods.</summary>
public class TranslatorPluginTests : CacheTestBase
{
    public static string Soundex(string text) => throw new NotSupportedException("only inside queries");

    public static string PadTo(string text, int width) => text.PadLeft(width);

    public static class MyFunctions
    {
        [SparkFunction("soundex")]
        public static string Soundex(string text) => throw new NotSupportedException("only inside queries");

        [SparkFunction("concat_ws")]
        public static string JoinWith(string separator, params string?[] parts) => throw new NotSupportedException("only inside queries");
    }

    /// <summary>Soundex → soundex(x); PadTo(x, n) → lpad(x, n, ' ') for a width known before the query; DateTime.Ticks → from unix_micros.</summary>
    public sealed class TextPlugin : ISparkTranslatorPlugin, ISparkMethodCallTranslator, ISparkMemberTranslator
    {
        public IEnumerable<ISparkMethodCallTranslator> MethodCallTranslators => [this];

        public IEnumerable<ISparkMemberTranslator> MemberTranslators => [this];

        public SparkExpression? Translate(SparkMethodCall call)
        {
            if (call.Method.DeclaringType != typeof(TranslatorPluginTests)) return null;
            return call.Method.Name switch
            {
                nameof(Soundex) => SparkExpressions.Function("soundex", call.Argument(0)),
                nameof(PadTo) when call.TryGetConstant(1, out var width) =>
                    SparkExpressions.Function("lpad", call.Argument(0), SparkExpressions.Literal((int)width!), SparkExpressions.Literal(" ")),
                _ => null,
            };
        }

        public SparkExpression? Translate(SparkMemberAccess member) =>
            member.Member.DeclaringType == typeof(DateTime) && member.Member.Name == nameof(DateTime.Ticks)
                ? SparkExpressions.Function("+", SparkExpressions.Function("*", SparkExpressions.Function("unix_micros", member.Instance()), SparkExpressions.Literal(10L)),
                    SparkExpressions.Literal(DateTime.UnixEpoch.Ticks))
                : null;
    }

    public sealed class ThrowingPlugin : ISparkTranslatorPlugin, ISparkMethodCallTranslator
    {
        public IEnumerable<ISparkMethodCallTranslator> MethodCallTranslators => [this];

        public SparkExpression? Translate(SparkMethodCall call) =>
            call.Method.Name == nameof(Soundex) ? throw new InvalidOperationException("boom") : null;
    }

    public sealed class UpperPlugin : ISparkTranslatorPlugin, ISparkMethodCallTranslator
    {
        public IEnumerable<ISparkMethodCallTranslator> MethodCallTranslators => [this];

        public SparkExpression? Translate(SparkMethodCall call) =>
            call.Method.Name == nameof(Soundex) ? SparkExpressions.Function("upper", call.Argument(0)) : null;
    }

    private readonly TextPlugin _plugin = new();

    protected override SparkSessionOptions Options
    {
        get
        {
            var options = base.Options;
            options.TranslatorPlugins.Add(_plugin);
            return options;
        }
    }

    private SparkSession SessionWith(params ISparkTranslatorPlugin[] plugins)
    {
        var options = base.Options;
        foreach (var plugin in plugins) options.TranslatorPlugins.Add(plugin);
        return SparkSession.Connect(options);
    }

    [Test]
    public void A_plugin_translates_the_applications_method_in_Select_and_Where()
    {
        AssertPlan(Orders.Where(o => Soundex(o.Region) == "E500").Select(o => Soundex(o.Region)), """
            Project [soundex(Region) AS value]
              Filter (soundex(Region) <=> 'E500')
                Read sales.orders
            """);
    }

    [Test]
    public void A_plugin_reads_a_constant_argument_and_the_cache_keeps_the_plan_for_that_value_only()
    {
        IQueryable<string> Query(int width) => Orders.Where(o => PadTo(o.Region, width) != "").Select(o => o.Region);

        Assert.That(Query(6).ToPlanString(), Does.Contain("lpad(Region, 6, ' ')"));
        Assert.That(TranslationsDuring(() => Assert.That(Query(8).ToPlanString(), Does.Contain("lpad(Region, 8, ' ')"))), Is.EqualTo(1),
            "another width is translated again, not re-bound");
        Assert.That(TranslationsDuring(() => Query(8).ToPlanString()), Is.Zero, "the same width is cached");
    }

    [Test]
    public void A_plugin_translates_members()
    {
        AssertPlan(Orders.Select(o => o.PlacedAt.Ticks), """
            Project [((unix_micros(PlacedAt) * 10L) + 621355968000000000L) AS Ticks]
              Read sales.orders
            """);
    }

    [Test]
    public async Task Plugins_are_asked_before_the_built_in_translators()
    {
        await using var session = SessionWith(new UpperPlugin());
        Assert.That(session.Table<Order>().Select(o => Soundex(o.Region)).ToPlanString(), Does.StartWith("Project [upper(Region) AS value]"));
    }

    [Test]
    public void A_SparkFunction_method_of_the_application_calls_that_function_by_name()
    {
        AssertPlan(Orders.Where(o => MyFunctions.Soundex(o.Region) == MyFunctions.Soundex("Europe")).Select(o => MyFunctions.JoinWith("-", o.Region, o.Note)), """
            Project [concat_ws('-', Region, Note) AS value]
              Filter (soundex(Region) <=> soundex('Europe'))
                Read sales.orders
            """);
    }

    [Test]
    public async Task A_plugin_that_throws_fails_translation_naming_the_plugin_even_in_the_final_Select()
    {
        await using var session = SessionWith(new ThrowingPlugin());

        var error = Assert.Throws<SparkTranslationException>(() => session.Table<Order>().Select(o => new { o.Id, S = Soundex(o.Region) }).ToPlanString())!;

        Assert.That(error.Message, Does.Contain(typeof(ThrowingPlugin).FullName).And.Contain("InvalidOperationException: boom"));
        Assert.That(error.Expression, Is.EqualTo("Soundex(o.Region)"));
        Assert.That(error.InnerException, Is.TypeOf<InvalidOperationException>());
    }

    [Test]
    public async Task Sessions_with_other_plugins_translate_the_same_query_differently()
    {
        await using var upper = SessionWith(new UpperPlugin());
        await using var none = SessionWith();

        Assert.That(Orders.Select(o => Soundex(o.Region)).ToPlanString(), Does.StartWith("Project [soundex(Region)"));
        Assert.That(upper.Table<Order>().Select(o => Soundex(o.Region)).ToPlanString(), Does.StartWith("Project [upper(Region)"));
        Assert.That(none.Table<Order>().Select(o => Soundex(o.Region)).ToRelation().Project.Expressions.Single().Alias.Name.Single(), Is.EqualTo("Region"),
            "without a plug-in the final Select fetches the column and calls the method on the client");
    }

    [Test]
    public void The_cache_key_includes_the_plugins()
    {
        Expression<Func<IQueryable<string>>> query = () => Orders.Select(o => Soundex(o.Region));
        var plugin = new UpperPlugin();
        var with = new SparkQueryOptions { TranslatorPlugins = [plugin] };

        Assert.That(Shape(query.Body, with)!.Key, Is.Not.EqualTo(Shape(query.Body, new SparkQueryOptions())!.Key));
        Assert.That(Shape(query.Body, with)!.Key, Is.Not.EqualTo(Shape(query.Body, new SparkQueryOptions { TranslatorPlugins = [new UpperPlugin()] })!.Key),
            "another instance may translate otherwise");
        Assert.That(Shape(query.Body, with)!.Key, Is.EqualTo(Shape(query.Body, new SparkQueryOptions { TranslatorPlugins = [plugin] })!.Key));
    }

    [Test]
    public async Task AddSparkLinq_takes_plugins_from_its_options()
    {
        var services = new ServiceCollection();
        services.AddSparkLinq(o =>
        {
            o.ConnectionString = "sc://localhost";
            o.TranslatorPlugins.Add(new UpperPlugin());
        });
        await using var provider = services.BuildServiceProvider();

        var session = provider.GetRequiredService<SparkSession>();

        Assert.That(session.QueryOptions.TranslatorPlugins.Single(), Is.TypeOf<UpperPlugin>());
        Assert.That(session.Table<Order>().Select(o => Soundex(o.Region)).ToPlanString(), Does.StartWith("Project [upper(Region)"));
    }
}

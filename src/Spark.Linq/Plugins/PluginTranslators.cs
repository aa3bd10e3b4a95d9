using System.Linq.Expressions;
using Spark.Linq.Translation;
using Spark.Linq.Translation.Methods;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Plugins;

/// <summary>
/// The translator chains of one set of options: the plug-ins' translators first, then the built-in ones.
/// Built once per <see cref="SparkQueryOptions"/> instance.
/// </summary>
internal sealed class PluginChains
{
    public PluginChains(IReadOnlyList<ISparkTranslatorPlugin> plugins)
    {
        var methods = new List<IMethodCallTranslator>();
        var members = new List<IMemberTranslator>();
        foreach (var plugin in plugins)
        {
            methods.AddRange(Enumerate(plugin, p => p.MethodCallTranslators).Select(t => new PluginMethodTranslator(plugin, t)));
            members.AddRange(Enumerate(plugin, p => p.MemberTranslators).Select(t => new PluginMemberTranslator(plugin, t)));
        }
        Methods = [.. methods, .. MethodTranslatorChain.All];
        Members = [.. members, .. MethodTranslatorChain.Members];
    }

    public IReadOnlyList<IMethodCallTranslator> Methods { get; }

    public IReadOnlyList<IMemberTranslator> Members { get; }

    private static List<T> Enumerate<T>(ISparkTranslatorPlugin plugin, Func<ISparkTranslatorPlugin, IEnumerable<T>?> translators)
    {
        try
        {
            var list = translators(plugin)?.ToList() ?? [];
            return list.Any(t => t is null) ? throw new InvalidOperationException("it listed a null translator.") : list;
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"The translator plug-in {plugin.GetType().FullName} could not list its translators: {e.Message}", e);
        }
    }

    /// <summary>A plug-in's answer as a translated value, or its failure as a translation error naming it.</summary>
    public static SparkValue? Answer(TranslationContext context, Expression node, ISparkTranslatorPlugin plugin, object translator, Type type, Func<SparkExpression?> translate)
    {
        SparkExpression? result;
        try
        {
            result = translate();
        }
        catch (SparkTranslationException)
        {
            // An argument that does not translate, or the plug-in's own refusal: already a clear error.
            throw;
        }
        catch (Exception e)
        {
            throw Failure(context, node, plugin, translator, $"threw {e.GetType().Name}: {e.Message}", e);
        }
        if (result is null) return null;
        if (result.ExprTypeCase == SparkExpression.ExprTypeOneofCase.None)
            throw Failure(context, node, plugin, translator, "returned an empty expression.", null);
        // Nothing says a plug-in's function never returns null, so null-aware comparisons stay on.
        return new SparkValue(result, type, true);
    }

    private static SparkTranslationException Failure(TranslationContext context, Expression node, ISparkTranslatorPlugin plugin, object translator, string what, Exception? inner) =>
        new(ExpressionPrinter.Print(node, context.Origins), context.Operator,
            $"the translator plug-in {plugin.GetType().FullName}{(ReferenceEquals(translator, plugin) ? "" : $" ({translator.GetType().Name})")} {what}",
            "Fix the plug-in, or remove it from SparkSessionOptions.TranslatorPlugins.", inner) { IsFinal = true };

    private sealed class PluginMethodTranslator(ISparkTranslatorPlugin plugin, ISparkMethodCallTranslator translator) : IMethodCallTranslator
    {
        public SparkValue? Translate(TranslationContext context, MethodCallExpression call) =>
            Answer(context, call, plugin, translator, call.Type, () => translator.Translate(new SparkMethodCall(context, call)));
    }

    private sealed class PluginMemberTranslator(ISparkTranslatorPlugin plugin, ISparkMemberTranslator translator) : IMemberTranslator
    {
        public SparkValue? Translate(TranslationContext context, MemberExpression member) =>
            Answer(context, member, plugin, translator, member.Type, () => translator.Translate(new SparkMemberAccess(context, member)));
    }
}

using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Plugins;

/// <summary>
/// A set of translators an application adds to a session (<see cref="SparkSessionOptions.TranslatorPlugins"/>),
/// in the manner of EF Core's <c>IMethodCallTranslatorPlugin</c>: for each method call or member that is not a
/// row column, the plug-ins' translators are asked first, in registration order, before the built-in ones.
/// </summary>
/// <remarks>
/// A translator may be asked from several threads at once and must not keep state between calls. An exception
/// it throws (other than <see cref="SparkTranslationException"/>) fails the query with a
/// <see cref="SparkTranslationException"/> naming the plug-in; the final Select does not move such a call to the client.
/// </remarks>
public interface ISparkTranslatorPlugin
{
    /// <summary>Translators of method calls.</summary>
    IEnumerable<ISparkMethodCallTranslator> MethodCallTranslators { get; }

    /// <summary>Translators of members (properties and fields) that are not row columns. None by default.</summary>
    IEnumerable<ISparkMemberTranslator> MemberTranslators => [];
}

/// <summary>Translates the calls of the methods it knows into Spark expressions.</summary>
public interface ISparkMethodCallTranslator
{
    /// <summary>The Spark expression for <paramref name="call"/>, or null when this translator does not handle the method.</summary>
    SparkExpression? Translate(SparkMethodCall call);
}

/// <summary>Translates the members it knows into Spark expressions.</summary>
public interface ISparkMemberTranslator
{
    /// <summary>The Spark expression for <paramref name="member"/>, or null when this translator does not handle it.</summary>
    SparkExpression? Translate(SparkMemberAccess member);
}

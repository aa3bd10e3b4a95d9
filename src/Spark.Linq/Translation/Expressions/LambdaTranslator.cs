using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Operators;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Expressions;

/// <summary>A translated C# lambda: the Spark <c>LambdaFunction</c> and what its body is (type, nullability).</summary>
internal readonly record struct TranslatedLambda(SparkExpression Function, SparkValue Body);

/// <summary>
/// Turns a C# lambda over the elements of an array column (<c>x =&gt; x.Price &gt; 10</c> inside
/// <c>o.Lines.Any(…)</c>) into a Spark <c>LambdaFunction</c>: each parameter becomes an
/// <c>UnresolvedNamedLambdaVariable</c> with a name unique in the query (nested lambdas never hide one another), bound
/// while the body is translated, so members of a struct element read its fields and the row's columns stay reachable.
/// </summary>
internal static class LambdaTranslator
{
    /// <summary>
    /// Translates <paramref name="lambda"/>; <paramref name="body"/> translates its body (a plain value by default; a
    /// projection builds a struct).
    /// </summary>
    public static TranslatedLambda Translate(TranslationContext context, LambdaExpression lambda, Func<TranslationContext, Expression, SparkValue>? body = null)
    {
        var names = new List<string>();
        var scopes = new List<IDisposable>();
        try
        {
            foreach (var parameter in lambda.Parameters)
            {
                var name = context.NewLambdaVariable();
                names.Add(name);
                scopes.Add(context.Bind(parameter, ElementShape(context, parameter.Type, Expr.LambdaVariable(name))));
            }
            var value = (body ?? ScalarTranslator.Translate)(context, lambda.Body);
            return new TranslatedLambda(Expr.Lambda(value.Expression, names), value);
        }
        finally
        {
            foreach (var scope in scopes) scope.Dispose();
        }
    }

    /// <summary>
    /// How an element of type <paramref name="type"/> reached through <paramref name="reference"/> is read: a struct
    /// (a class or record of the model, or an anonymous type built by an earlier Select) reads its members as fields.
    /// </summary>
    public static ValueShape ElementShape(TranslationContext context, Type type, SparkExpression reference)
    {
        // A map entry (map_entries' struct): Key and Value are its fields "key" and "value".
        if (MapEntries.IsEntry(type))
            return MapEntries.Shape(context, type, reference, Expr.Extract(reference, MapEntries.KeyField), Expr.Extract(reference, MapEntries.ValueField));
        if (type.IsAnonymous())
        {
            // An anonymous type built by Select(x => new { … }) names its struct fields after its members, unmapped.
            var members = type.GetProperties().Select(p => new KeyValuePair<string, ValueShape>(p.Name,
                ElementShape(context, p.PropertyType, Expr.Extract(reference, p.Name)))).ToList();
            return ValueShape.Composite(type, reference, members);
        }
        return TypeClassifier.IsStructured(type)
            ? ValueShape.Entity(type, context.Naming, reference, field => Expr.Extract(reference, field))
            : ValueShape.Scalar(reference, type);
    }
}

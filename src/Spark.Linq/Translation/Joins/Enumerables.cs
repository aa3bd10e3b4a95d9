using System.Linq.Expressions;
using System.Reflection;

namespace Spark.Linq.Translation.Joins;

/// <summary>Builds calls of <see cref="Enumerable"/> methods by name, picking the overload the arguments fit.</summary>
internal static class Enumerables
{
    public static MethodCallExpression Call(string name, Type[] typeArguments, params Expression[] arguments)
    {
        foreach (var candidate in typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            if (candidate.Name != name || candidate.GetParameters().Length != arguments.Length) continue;
            if (candidate.IsGenericMethodDefinition != typeArguments.Length > 0) continue;
            if (candidate.IsGenericMethodDefinition && candidate.GetGenericArguments().Length != typeArguments.Length) continue;
            MethodInfo method;
            try
            {
                method = candidate.IsGenericMethodDefinition ? candidate.MakeGenericMethod(typeArguments) : candidate;
            }
            catch (ArgumentException)
            {
                continue; // a generic constraint the type arguments don't meet
            }
            if (method.GetParameters().Zip(arguments).All(p => p.First.ParameterType.IsAssignableFrom(p.Second.Type)))
                return Expression.Call(method, arguments);
        }
        throw new InvalidOperationException($"No Enumerable.{name} overload takes ({string.Join(", ", arguments.Select(a => a.Type.Name))}).");
    }
}

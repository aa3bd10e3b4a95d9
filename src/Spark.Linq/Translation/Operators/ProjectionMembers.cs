using System.Linq.Expressions;
using System.Reflection;
using Spark.Linq.Mapping;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// Reads the members an object-creating expression sets: anonymous types (<c>new { x.Id }</c>),
/// constructors (records, positional types: arguments matched to properties by name), and member
/// initializers (<c>new Dto { Id = x.Id }</c>), in that order.
/// </summary>
internal static class ProjectionMembers
{
    /// <summary>(member name, column name, value) triples, or null if <paramref name="body"/> creates no object.</summary>
    public static List<(string Member, string Column, Expression Value)>? TryGet(TranslationContext context, Expression body)
    {
        switch (body)
        {
            case NewExpression @new when @new.Arguments.Count > 0 || @new.Type.IsAnonymous():
                return FromConstructor(context, @new);
            case MemberInitExpression init:
                var members = FromConstructor(context, init.NewExpression);
                foreach (var binding in init.Bindings)
                {
                    if (binding is not MemberAssignment assignment)
                        throw context.NotSupported(init, $"the member binding of '{binding.Member.Name}' (a nested initializer) can't be translated.",
                            "Assign the member with '=' instead.");
                    members.Add((assignment.Member.Name, ColumnName(context, init.Type, assignment.Member), assignment.Expression));
                }
                return members;
            default:
                return null;
        }
    }

    private static List<(string, string, Expression)> FromConstructor(TranslationContext context, NewExpression @new)
    {
        var result = new List<(string, string, Expression)>();
        if (@new.Constructor is null) return result;
        var parameters = @new.Constructor.GetParameters();
        for (var i = 0; i < @new.Arguments.Count; i++)
        {
            var member = @new.Members?[i] ?? FindProperty(@new.Type, parameters[i].Name!);
            if (member is null)
                throw context.NotSupported(@new, $"the constructor parameter '{parameters[i].Name}' of {@new.Type.Name} matches no property, so its column can't be named.",
                    "Name constructor parameters after the properties they set, or use an object initializer.");
            result.Add((member.Name, ColumnName(context, @new.Type, member), @new.Arguments[i]));
        }
        return result;
    }

    private static MemberInfo? FindProperty(Type type, string parameterName) =>
        type.GetProperty(parameterName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

    // Anonymous types keep their member names; other types use their mapping, as the materializer does.
    private static string ColumnName(TranslationContext context, Type type, MemberInfo member) =>
        type.IsAnonymous() ? member.Name : EntityMapping.For(type, context.Naming).Find(member)?.ColumnName ?? member.Name;

    public static bool IsAnonymous(this Type type) =>
        type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false) && type.Name.Contains("AnonymousType", StringComparison.Ordinal);
}

using System.Linq.Expressions;

namespace Spark.Linq.Translation.Expressions;

/// <summary>Members that are not row columns: <c>s.Length</c>, <c>d.Year</c>, <c>n.Value</c>… through the member translator chain.</summary>
internal static class MemberTranslator
{
    public static SparkValue Translate(TranslationContext context, MemberExpression member)
    {
        foreach (var translator in context.MemberTranslators)
        {
            if (translator.Translate(context, member) is { } value) return value;
        }
        if (member.Expression is not null && ShapeResolver.TryResolve(context, member.Expression) is { IsComplex: true } owner)
            throw context.NotSupported(member, $"'{member.Member.Name}' is not a mapped column of {owner.ClrType.Name}.",
                "Check that the member is public and not [NotMapped], or that the projection before this step selects it.");
        // A member of something untranslatable (g.OrderBy(…).First().Amount): the inner part's error says more.
        if (member.Expression is MethodCallExpression inner) ScalarTranslator.Translate(context, inner);
        throw context.NotSupported(member, $"the member {member.Member.DeclaringType?.Name}.{member.Member.Name} has no Spark translation.");
    }
}

/// <summary>Method calls through the method translator chain.</summary>
internal static class MethodCallTranslator
{
    public static SparkValue Translate(TranslationContext context, MethodCallExpression call)
    {
        foreach (var translator in context.MethodTranslators)
        {
            if (translator.Translate(context, call) is { } value) return value;
        }
        var method = call.Method;
        if (method.DeclaringType == typeof(Queryable))
            throw context.NotSupported(call, $"this subquery ({method.Name}) can't be translated here: subqueries translate as whole conditions of Where (Any, !Any, Contains), as aggregates (Count, Sum, Min, Max, Average), and as Any/All correlated with the outer row by equality.",
                "Make it a condition of its own in Where (joined with &&), join the tables instead, or run the inner query first and test membership with a captured array: ids.Contains(x.Id).");
        if (method.DeclaringType == typeof(Enumerable) && call.Arguments.Count > 0 && Methods.Sequences.IsRowSequence(context, call.Arguments[0]))
            throw Methods.RowSequenceRejections.For(context, call);
        if (method.DeclaringType == typeof(Enumerable) && call.Arguments.Skip(1).Any(a => a is LambdaExpression))
            throw context.NotSupported(call, $"{method.Name} over a local collection with a lambda that reads the row would need to run per row on the client.",
                "Test membership with localValues.Contains(x.Member), or call AsEnumerable() before this part so it runs on the client.");
        throw context.NotSupported(call, $"the method {method.DeclaringType?.Name}.{method.Name} has no Spark translation.",
            "Use a supported method (see docs/linq-support.md), SparkFunctions.Call for a Spark function by name, or call AsEnumerable() before this part so it runs on the client.");
    }
}

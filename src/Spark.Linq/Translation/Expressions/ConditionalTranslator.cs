using System.Linq.Expressions;
using Spark.Linq.Plans;

namespace Spark.Linq.Translation.Expressions;

/// <summary>
/// <c>c ? a : b</c> and switch expressions → Spark's <c>when(c1, v1, c2, v2, …, else)</c>, one flat
/// call as the official clients send. Nested conditionals in the else branch are flattened.
/// </summary>
internal static class ConditionalTranslator
{
    public static SparkValue Translate(TranslationContext context, ConditionalExpression conditional)
    {
        var arguments = new List<Spark.Connect.Protocol.Expression>();
        var canBeNull = false;
        Expression current = conditional;
        while (current is ConditionalExpression branch)
        {
            var test = ScalarTranslator.TranslatePredicate(context, branch.Test);
            var then = ScalarTranslator.Translate(context, branch.IfTrue);
            arguments.Add(test.Expression);
            arguments.Add(then.Expression);
            canBeNull |= then.CanBeNull;
            current = branch.IfFalse;
        }
        var otherwise = ScalarTranslator.Translate(context, current);
        arguments.Add(otherwise.Expression);
        return new SparkValue(Expr.Fn("when", arguments.ToArray()), conditional.Type, canBeNull || otherwise.CanBeNull);
    }

    public static SparkValue Translate(TranslationContext context, SwitchExpression @switch)
    {
        if (@switch.Comparison is not null)
            throw context.NotSupported(@switch, "a switch with a custom comparison method can't be translated.");
        var subject = ScalarTranslator.Translate(context, @switch.SwitchValue);
        var arguments = new List<Spark.Connect.Protocol.Expression>();
        var canBeNull = false;
        foreach (var @case in @switch.Cases)
        {
            var tests = @case.TestValues.Select(v => NullSemantics.Equal(context, subject, ScalarTranslator.Translate(context, v)).Expression).ToList();
            var body = ScalarTranslator.Translate(context, @case.Body);
            arguments.Add(tests.Skip(1).Aggregate(tests[0], (all, next) => Expr.Fn("or", all, next)));
            arguments.Add(body.Expression);
            canBeNull |= body.CanBeNull;
        }
        if (@switch.DefaultBody is null)
            throw context.NotSupported(@switch, "a switch without a default case has no value for unmatched rows.", "Add a default case.");
        var otherwise = ScalarTranslator.Translate(context, @switch.DefaultBody);
        arguments.Add(otherwise.Expression);
        return new SparkValue(Expr.Fn("when", arguments.ToArray()), @switch.Type, canBeNull || otherwise.CanBeNull);
    }
}

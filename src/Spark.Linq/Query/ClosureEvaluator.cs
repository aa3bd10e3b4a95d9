using System.Linq.Expressions;
using System.Reflection;

namespace Spark.Linq.Query;

/// <summary>
/// Evaluates, on the client and once per execution, every sub-tree that does not depend on the
/// rows: captured variables, <c>DateTime.Today</c>, method calls on locals. Each becomes a constant,
/// which the translator then sends as a literal. Captured field and property chains — by far the
/// most common case — are read by reflection; anything else is interpreted, never compiled, so no
/// delegate is generated per query.
/// </summary>
internal static class ClosureEvaluator
{
    public static Expression Evaluate(Expression expression) => Evaluate(expression, out _);

    /// <summary>
    /// Evaluates the row-independent sub-trees; <paramref name="slots"/> receives the constants that
    /// hold their values (by reference), which the plan cache treats as parameters of the query shape.
    /// </summary>
    public static Expression Evaluate(Expression expression, out IReadOnlySet<ConstantExpression> slots) =>
        Evaluate(expression, out slots, out _);

    /// <summary>As above; <paramref name="origins"/> maps each evaluated constant to the C# it came from, so errors can show <c>threshold</c> rather than its value.</summary>
    public static Expression Evaluate(Expression expression, out IReadOnlySet<ConstantExpression> slots, out IReadOnlyDictionary<ConstantExpression, Expression> origins) =>
        Evaluate(expression, out slots, out origins, out _);

    /// <summary>
    /// As above; <paramref name="inlined"/> tells whether a Spark query held in a variable was spliced in, so the
    /// evaluated tree's structure depends on a captured value and not only on <paramref name="expression"/>'s.
    /// </summary>
    public static Expression Evaluate(Expression expression, out IReadOnlySet<ConstantExpression> slots,
        out IReadOnlyDictionary<ConstantExpression, Expression> origins, out bool inlined)
    {
        expression = Depth.LogicalChainBalancer.Balance(expression);
        expression = SparkOperatorNormalizer.Normalize(SpanRewriter.Rewrite(expression));
        var dependent = new DependencyFinder();
        dependent.Visit(expression);
        var replacer = new Replacer(dependent.RowIndependent);
        var result = replacer.Visit(expression)!;
        // A query spliced in from a variable was checked on its own; where it sits adds to its depth.
        if (replacer.Inlined) result = Depth.LogicalChainBalancer.Balance(result);
        if (replacer.Retyped) result = SparkQueryRetyper.Strip(result);
        slots = replacer.Slots;
        origins = replacer.Origins;
        inlined = replacer.Inlined;
        return result;
    }

    /// <summary>The value of an expression that does not depend on the rows.</summary>
    public static object? ValueOf(Expression expression)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                return constant.Value;
            case MemberExpression member when member.Expression is null || IsReadable(member.Expression):
                var target = member.Expression is null ? null : ValueOf(member.Expression);
                if (target is null && member.Expression is not null)
                    throw new NullReferenceException($"'{Translation.ExpressionPrinter.Print(member.Expression)}' is null, so its member '{member.Member.Name}' can't be read.");
                try
                {
                    return member.Member switch
                    {
                        FieldInfo field => field.GetValue(target),
                        PropertyInfo property => property.GetValue(target),
                        _ => Interpret(expression),
                    };
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    // A throwing property getter: surface its own exception, not reflection's wrapper.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                    throw;
                }
            default:
                return Interpret(expression);
        }
    }

    private static bool IsReadable(Expression e) => e is ConstantExpression || e is MemberExpression m && (m.Expression is null || IsReadable(m.Expression));

    private static object? Interpret(Expression expression) =>
        Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile(preferInterpretation: true)();

    /// <summary>
    /// Finds which nodes depend on a lambda parameter, a query root, or a Spark-only function, and keeps the others:
    /// in a query most nodes depend on the rows and few (captured values) do not, so the smaller set is kept.
    /// </summary>
    private sealed class DependencyFinder : Depth.GuardedExpressionVisitor
    {
        private readonly HashSet<Expression> _independent = new(ReferenceEqualityComparer.Instance);
        private bool _sawDependent;

        public IReadOnlySet<Expression> RowIndependent => _independent;

        public override Expression? Visit(Expression? node)
        {
            if (node is null) return null;
            // Each node learns whether anything below it depends on the rows, then tells its parent.
            var outer = _sawDependent;
            _sawDependent = false;
            base.Visit(node);
            var dependent = _sawDependent || IsInherentlyDependent(node);
            if (!dependent) _independent.Add(node);
            _sawDependent = outer || dependent;
            return node;
        }

        protected override Expression VisitExtension(Expression node) => node;

        private static bool IsInherentlyDependent(Expression node) => node switch
        {
            ParameterExpression or LambdaExpression => true,
            // A span can't be boxed into a constant; leave it (and what uses it) to the translator, which rejects it clearly.
            _ when node.Type.IsByRefLike => true,
            { NodeType: ExpressionType.Extension } => true,
            // [SparkFunction] methods of the application only mean something to Spark, like SparkFunctions.
            MethodCallExpression call => call.Method.DeclaringType == typeof(SparkFunctions) || call.Method.DeclaringType == typeof(Queryable)
                || Attribute.IsDefined(call.Method, typeof(SparkFunctionAttribute))
                || call.Method.DeclaringType == typeof(Window) || call.Method.DeclaringType == typeof(WindowSpec),
            // Objects built in a projection (new { … }, new Dto { … }) keep their structure: their members become columns.
            NewExpression or MemberInitExpression => !Translation.TypeClassifier.IsScalar(node.Type) && !Translation.TypeClassifier.IsCollection(node.Type),
            _ => false,
        };
    }

    /// <summary>Replaces each maximal independent sub-tree by a constant holding its value.</summary>
    private sealed class Replacer(IReadOnlySet<Expression> independent) : Depth.GuardedExpressionVisitor
    {
        private readonly HashSet<ConstantExpression> _slots = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<ConstantExpression, Expression> _origins = new(ReferenceEqualityComparer.Instance);

        public IReadOnlySet<ConstantExpression> Slots => _slots;

        public IReadOnlyDictionary<ConstantExpression, Expression> Origins => _origins;

        /// <summary>Whether another Spark query's expression was spliced in.</summary>
        public bool Inlined { get; private set; }

        /// <summary>Whether a spliced query needed a cast to the static type it was held as (an <see cref="ISparkQueryable{T}"/> variable).</summary>
        public bool Retyped { get; private set; }

        // new List<T> { x.A } and new Dto { … }: the constructor call must stay a NewExpression even when it is row-independent.
        protected override Expression VisitListInit(ListInitExpression node) => node.Update(node.NewExpression, Visit(node.Initializers, VisitElementInit));

        protected override Expression VisitMemberInit(MemberInitExpression node) => node.Update(node.NewExpression, Visit(node.Bindings, VisitMemberBinding));

        public override Expression? Visit(Expression? node)
        {
            if (node is null || !independent.Contains(node)) return base.Visit(node);
            if (node is ConstantExpression || node.NodeType == ExpressionType.Quote) return node;
            var value = Evaluated(node);
            // A Spark query referenced from another query (a variable holding spark.Table<T>()) is part
            // of the tree, not a value: splice its expression in so the translator sees its root.
            if (value is IQueryable { Provider: SparkQueryProvider } query)
            {
                var inlined = Evaluate(query.Expression, out var innerSlots, out var innerOrigins);
                Inlined = true;
                _slots.UnionWith(innerSlots);
                foreach (var (inner, origin) in innerOrigins) _origins[inner] = origin;
                Retyped |= !node.Type.IsAssignableFrom(inlined.Type);
                return SparkQueryRetyper.Retype(inlined, node.Type);
            }
            var constant = Expression.Constant(value, node.Type);
            _slots.Add(constant);
            _origins[constant] = node;
            return constant;
        }

        private static object? Evaluated(Expression node)
        {
            try
            {
                return ValueOf(node);
            }
            catch (Exception e) when (e is not SparkTranslationException)
            {
                throw new InvalidOperationException(
                    $"Evaluating '{Translation.ExpressionPrinter.Print(node)}' on the client (it does not depend on the rows, so its value " +
                    $"is sent to Spark as a literal) threw {e.GetType().Name}: {e.Message} Fix the captured value, or compute it before the query.", e);
            }
        }

        protected override Expression VisitExtension(Expression node) => node;
    }
}

using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Operators;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.ClientEvaluation;

/// <summary>
/// Splits the body of a final Select that Spark can't run whole: each largest sub-expression that
/// reads the row and translates becomes a fetched column (equal ones once); whole rows and objects
/// that methods take are fetched as struct columns; what remains is C# that runs on the client per
/// row over those columns and the query's captured values. Spark-only calls (SparkFunctions,
/// subqueries, window functions) must translate, else their own error is raised.
/// </summary>
internal sealed class ClientProjectionBuilder : Query.Depth.GuardedExpressionVisitor
{
    private readonly TranslationContext _context;
    private readonly IReadOnlySet<Expression> _readsRow;
    private readonly List<(SparkExpression Expression, string Name, ParameterExpression Input)> _columns = [];
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<object?> _values = [];
    private readonly ParameterExpression _valuesParameter = Expression.Parameter(typeof(object?[]), "captured");

    // The nodes being split because they failed to translate, innermost last, with their errors.
    private readonly Stack<(Expression Node, SparkTranslationException? Error)> _failed = new();

    private readonly SparkTranslationException _original;

    private ClientProjectionBuilder(TranslationContext context, IReadOnlySet<Expression> readsRow, SparkTranslationException original)
    {
        _context = context;
        _readsRow = readsRow;
        _original = original;
    }

    /// <summary>
    /// The fetched columns and the client part of <paramref name="body"/>, whose lambda parameter is already bound;
    /// <paramref name="original"/> is why Spark can't run the whole body, raised again where splitting can't help.
    /// </summary>
    public static Projection Build(TranslationContext context, Expression body, SparkTranslationException original)
    {
        var builder = new ClientProjectionBuilder(context, RowReaders.Find(context, body), original);
        var clientBody = builder.Visit(body)!;
        var projection = new ClientProjection(clientBody, builder._valuesParameter, builder._columns.Select(c => c.Input).ToList(), builder._values.Count);
        var columns = builder._columns.Select(c => Expr.Alias(c.Expression, c.Name)).ToList();
        return new Projection(columns, ValueShape.Scalar(Expr.Star(), body.Type)) { Client = new ClientRows(projection, [.. builder._values]) };
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null) return null;
        if (node is ConstantExpression constant) return Captured(constant);
        if (!_readsRow.Contains(node)) return base.Visit(node);
        if (TryFetch(node, out var failure) is { } input) return input;
        if (MustRunOnSpark(node))
            throw failure ?? _context.NotSupported(node, "this Spark-only call can't run on the client.");
        _failed.Push((node, failure));
        try
        {
            return base.Visit(node);
        }
        finally
        {
            _failed.Pop();
        }
    }

    protected override Expression VisitExtension(Expression node) =>
        throw _context.NotSupported(node, "a query can't be used as a value here.", "Aggregate it (Count, Sum, …) or join it.");

    /// <summary>A captured value is read from the execution's values, so a cached query sees each execution's own.</summary>
    private Expression Captured(ConstantExpression constant)
    {
        if (_context.Origins is null || !_context.Origins.ContainsKey(constant)) return constant;
        var index = _values.Count;
        _values.Add(constant.Value);
        _context.Slots?.ClientValue(constant, index);
        var read = Expression.ArrayIndex(_valuesParameter, Expression.Constant(index));
        return constant.Type == typeof(object) ? read : Expression.Convert(read, constant.Type);
    }

    /// <summary>The client expression reading <paramref name="node"/>'s fetched value, or null when Spark can't compute it.</summary>
    private Expression? TryFetch(Expression node, out SparkTranslationException? failure)
    {
        failure = null;
        if (ShapeResolver.TryResolve(_context, node) is { IsComplex: true } shape)
        {
            // A group reaches client code only through aggregates. When it was handed to a method that runs on
            // the client, say so; otherwise (g.First(), Items = g) the whole Select's own error says most.
            if (shape.Group is not null && !(_failed.TryPeek(out var nearest) && IsClientMethod(nearest.Node)))
                throw _original;
            if (shape.Group is not null)
                throw _context.NotSupported(node, "a group can't be handed to code that runs on the client: it is a key plus rows, and its rows reach the client only through aggregates.",
                    "Pass its key and aggregates instead (g.Key, g.Count(), g.Sum(…), g.Select(x => x.Member).ToList()).");
            return Input(Grouping.InlineShape.StructOf(_context, shape), node);
        }
        if (!Fetchable(node.Type)) return null;
        var outer = _context.TakeScalarSubqueries();
        try
        {
            var value = ScalarTranslator.Translate(_context, node);
            var added = _context.TakeScalarSubqueries();
            _context.RestoreScalarSubqueries(added);
            _context.RestoreScalarSubqueries(outer);
            return Input(value.Expression, node);
        }
        catch (SparkTranslationException e) when (!e.IsFinal)
        {
            // What the failed attempt registered is not part of the plan.
            _context.TakeScalarSubqueries();
            _context.RestoreScalarSubqueries(outer);
            failure = e;
            return null;
        }
    }

    /// <summary>
    /// The fetched value as the client code reads it. Values of non-nullable value types are read as nullable
    /// and unwrapped where the code uses them: <c>r.HasValue ? r.Value.ToString("0.0") : "-"</c> fetches
    /// <c>r.Value</c>, which is null on rows the condition skips, and only using it there may fail (as in C#).
    /// </summary>
    private Expression Input(SparkExpression expression, Expression node)
    {
        var type = node.Type.IsValueType && Nullable.GetUnderlyingType(node.Type) is null ? typeof(Nullable<>).MakeGenericType(node.Type) : node.Type;
        var input = _columns.FirstOrDefault(c => c.Input.Type == type && c.Expression.Equals(expression)).Input;
        if (input is null)
        {
            var name = ColumnName(node);
            input = Expression.Variable(type, name);
            _columns.Add((expression, name, input));
        }
        return type == node.Type ? input : Expression.Convert(input, node.Type);
    }

    // A row member keeps its name when it is free, so plans read naturally; anything else is _c<n>.
    private string ColumnName(Expression node)
    {
        var preferred = node switch
        {
            MemberExpression member => member.Member.Name,
            ParameterExpression parameter => parameter.Name,
            _ => null,
        };
        if (preferred is not null && _names.Add(preferred)) return preferred;
        var name = "_c" + _columns.Count;
        for (var i = 1; !_names.Add(name); i++) name = "_c" + _columns.Count + "_" + i;
        return name;
    }

    /// <summary>Types the materializer reads from one column: scalars, collections of them, and objects from structs.</summary>
    private static bool Fetchable(Type type)
    {
        if (TypeClassifier.IsScalar(type)) return true;
        if (type == typeof(object) || type.IsByRefLike || type.IsPointer || type.IsInterface && !type.IsGenericType
            || typeof(Delegate).IsAssignableFrom(type) || typeof(IQueryable).IsAssignableFrom(type) || typeof(Expression).IsAssignableFrom(type))
            return false;
        if (Materialization.TypeNames.DictionaryTypes(type) is { } entry) return Fetchable(entry.Key) && Fetchable(entry.Value);
        if (Materialization.TypeNames.ListElement(type) is { } element) return Fetchable(element);
        return TypeClassifier.IsStructured(type) && !type.IsInterface && !type.IsAbstract;
    }

    private static bool IsClientMethod(Expression node) =>
        node is MethodCallExpression { Method.DeclaringType: var owner } && owner != typeof(Enumerable) && owner != typeof(Queryable);

    /// <summary>Calls that only mean something to Spark: if they don't translate, nothing can run them.</summary>
    private static bool MustRunOnSpark(Expression node) => node switch
    {
        MethodCallExpression call => call.Method.DeclaringType is { } owner
            && (owner == typeof(Queryable) || owner == typeof(SparkFunctions) || owner == typeof(Window) || owner == typeof(WindowSpec))
            || Attribute.IsDefined(call.Method, typeof(SparkFunctionAttribute)),
        _ => false,
    };

    /// <summary>Finds the nodes that read the row: those containing a bound lambda parameter, or a Spark query.</summary>
    private sealed class RowReaders(TranslationContext context) : Query.Depth.GuardedExpressionVisitor
    {
        private readonly HashSet<Expression> _found = new(ReferenceEqualityComparer.Instance);
        private bool _seen;

        public static IReadOnlySet<Expression> Find(TranslationContext context, Expression body)
        {
            var finder = new RowReaders(context);
            finder.Visit(body);
            return finder._found;
        }

        public override Expression? Visit(Expression? node)
        {
            if (node is null) return null;
            var outer = _seen;
            _seen = false;
            base.Visit(node);
            if (_seen || node is ParameterExpression parameter && context.Lookup(parameter) is not null || node.NodeType == ExpressionType.Extension)
                _found.Add(node);
            _seen = outer || _found.Contains(node);
            return node;
        }

        protected override Expression VisitExtension(Expression node) => node;
    }
}

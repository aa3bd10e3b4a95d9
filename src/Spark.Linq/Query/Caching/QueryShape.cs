using System.Collections.ObjectModel;
using System.Linq.Expressions;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Query.Caching;

/// <summary>One parameter of a query shape: a value that travels as a literal, re-bound on every cache hit.</summary>
/// <param name="Source">What the translator sees: the <see cref="ConstantExpression"/>, or a <see cref="SqlArgument"/>.</param>
/// <param name="Value">The value this execution binds.</param>
/// <param name="LiteralType">The static type the literal is made for.</param>
/// <param name="HasLiteral">Whether the value has a literal (a captured collection or formatter does not: it is keyed and pinned).</param>
internal sealed record Slot(object Source, object? Value, Type LiteralType, bool HasLiteral = true);

/// <summary>One named argument of a <c>spark.Sql</c> root, as a slot source.</summary>
internal sealed record SqlArgument(SqlRootExpression Root, int Index);

/// <summary>
/// The structure of an evaluated query, with each client-evaluated literal value replaced by a
/// numbered slot: node types, static types, members, methods, lambda parameter positions, values of
/// constants that are not slots, and the root's table name or SQL text. Two queries with equal
/// shapes and options translate to the same plan up to the slots' literals.
/// </summary>
internal sealed class QueryShape
{
    private QueryShape(ShapeKey key, IReadOnlyList<Slot> slots, bool keysCollectionContents)
    {
        Key = key;
        Slots = slots;
        KeysCollectionContents = keysCollectionContents;
    }

    public ShapeKey Key { get; }

    public IReadOnlyList<Slot> Slots { get; }

    /// <summary>
    /// Whether the key holds the contents of a collection that is a constant of the tree (not a captured variable): the
    /// tree can't change, but the collection can, so the same tree may have another shape next time.
    /// </summary>
    public bool KeysCollectionContents { get; }

    /// <summary>The shape of <paramref name="evaluated"/>, or null when it contains nodes the cache does not describe (such queries are translated every time).</summary>
    public static QueryShape? Of(Expression evaluated, IReadOnlySet<ConstantExpression> closureValues, SparkQueryOptions options)
    {
        var writer = new Writer(closureValues);
        writer.Visit(evaluated);
        return writer.Uncacheable ? null : new QueryShape(new ShapeKey(writer.Tokens, options), writer.Slots, writer.KeysCollectionContents);
    }

    /// <summary>Whether a value can be a slot: it has a literal whose shape does not depend on the value (collections do: their length becomes arguments).</summary>
    internal static bool IsSlotValue(object? value, Type type) => value is null ? SparkTypes.For(type) is not null : LiteralFactory.TryCreate(value, type) is not null;

    private sealed class Writer(IReadOnlySet<ConstantExpression> closureValues) : Depth.GuardedExpressionVisitor
    {
        private readonly Dictionary<ParameterExpression, int> _parameters = new();

        // Skip(n) and Take(n) take an int, not an expression, so n arrives as a plain constant; it is still a parameter.
        private readonly HashSet<ConstantExpression> _counts = new(ReferenceEqualityComparer.Instance);

        public ShapeTokens Tokens { get; } = new();

        public List<Slot> Slots { get; } = [];

        public bool Uncacheable { get; private set; }

        public bool KeysCollectionContents { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (node is null || Uncacheable)
            {
                Tokens.AddNull();
                return node;
            }
            Tokens.AddNode(node.NodeType, node.Type);
            return base.Visit(node);
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            var captured = closureValues.Contains(node);
            if ((captured || _counts.Contains(node)) && IsSlotValue(node.Value, node.Type))
            {
                AddSlot(node, node.Value, node.Type);
            }
            else if (captured)
            {
                // A captured value with no literal (a collection, a formatter object) may shape the plan, so
                // comparable ones are part of the key; it is also a slot, so the client part of a final Select
                // reads each execution's own value. One used any other way is pinned, and one that can't be
                // compared then keeps its query out of the cache (PlanTemplate).
                if (ValueToken.TryCreate(node.Value, out var token)) Tokens.Add(token);
                AddSlot(node, node.Value, node.Type, hasLiteral: false);
            }
            else if (ValueToken.TryCreate(node.Value, out var token))
            {
                Tokens.Add(token);
                KeysCollectionContents |= node.Value is System.Collections.ICollection;
            }
            else
            {
                Uncacheable = true;
            }
            return node;
        }

        private void AddSlot(object source, object? value, Type literalType, bool hasLiteral = true)
        {
            // Null and non-null values can translate differently (x == null is isnull), and the runtime
            // type picks the literal kind, so both belong to the shape.
            Tokens.AddSlot(Slots.Count, value?.GetType());
            Slots.Add(new Slot(source, value, literalType, hasLiteral));
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            foreach (var parameter in node.Parameters) _parameters.TryAdd(parameter, _parameters.Count);
            Tokens.Add(node.Parameters.Count);
            return base.VisitLambda(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (_parameters.TryGetValue(node, out var position)) Tokens.Add(position);
            else Uncacheable = true;
            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            Tokens.Add(node.Member);
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Tokens.Add(node.Method);
            Tokens.Add(node.Arguments.Count);
            if (node.Method.DeclaringType == typeof(Queryable) && node.Method.Name is nameof(Queryable.Skip) or nameof(Queryable.Take)
                && node.Arguments[1] is ConstantExpression { Value: int } count)
                _counts.Add(count);
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitNew(NewExpression node)
        {
            Tokens.Add(node.Constructor);
            Tokens.Add(node.Arguments.Count);
            foreach (var member in node.Members ?? ReadOnlyCollection<System.Reflection.MemberInfo>.Empty) Tokens.Add(member);
            return base.VisitNew(node);
        }

        protected override Expression VisitNewArray(NewArrayExpression node)
        {
            Tokens.Add(node.Expressions.Count);
            return base.VisitNewArray(node);
        }

        protected override Expression VisitMemberInit(MemberInitExpression node)
        {
            Tokens.Add(node.Bindings.Count);
            return base.VisitMemberInit(node);
        }

        protected override Expression VisitListInit(ListInitExpression node)
        {
            Tokens.Add(node.Initializers.Count);
            return base.VisitListInit(node);
        }

        protected override ElementInit VisitElementInit(ElementInit node)
        {
            Tokens.Add(node.AddMethod);
            Tokens.Add(node.Arguments.Count);
            return base.VisitElementInit(node);
        }

        protected override MemberBinding VisitMemberBinding(MemberBinding node)
        {
            Tokens.Add(node.BindingType);
            Tokens.Add(node.Member);
            if (node is MemberMemberBinding nested) Tokens.Add(nested.Bindings.Count);
            if (node is MemberListBinding list) Tokens.Add(list.Initializers.Count);
            return base.VisitMemberBinding(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            Tokens.Add(node.Method);
            return base.VisitUnary(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            Tokens.Add(node.Method);
            Tokens.Add(node.IsLiftedToNull);
            return base.VisitBinary(node);
        }

        protected override Expression VisitTypeBinary(TypeBinaryExpression node)
        {
            Tokens.Add(node.TypeOperand);
            return base.VisitTypeBinary(node);
        }

        protected override Expression VisitSwitch(SwitchExpression node)
        {
            Tokens.Add(node.Comparison);
            Tokens.Add(node.Cases.Count);
            return base.VisitSwitch(node);
        }

        protected override SwitchCase VisitSwitchCase(SwitchCase node)
        {
            Tokens.Add(node.TestValues.Count);
            return base.VisitSwitchCase(node);
        }

        protected override Expression VisitExtension(Expression node)
        {
            switch (node)
            {
                case TableRootExpression table:
                    Tokens.Add(typeof(TableRootExpression));
                    Tokens.Add(table.TableName);
                    break;
                case SqlRootExpression sql:
                    Tokens.Add(typeof(SqlRootExpression));
                    Tokens.Add(sql.Sql);
                    Tokens.Add(sql.Arguments.Count);
                    for (var i = 0; i < sql.Arguments.Count; i++)
                    {
                        var (name, value) = sql.Arguments[i];
                        Tokens.Add(name);
                        var type = value?.GetType() ?? typeof(string);
                        if (IsSlotValue(value, type)) AddSlot(new SqlArgument(sql, i), value, type);
                        else Uncacheable = true; // the translator rejects it; let it say so every time
                    }
                    break;
                case LocalRootExpression:
                    // The rows are part of the plan (as Arrow bytes, not literals): a template could only serve
                    // them stale, and keying on megabytes of data would cost more than translating again.
                    Uncacheable = true;
                    break;
                default:
                    Uncacheable = true;
                    break;
            }
            return node;
        }

        // Statement-like nodes never translate; not describing them keeps the key small.
        protected override Expression VisitBlock(BlockExpression node) => Reject(node);
        protected override Expression VisitInvocation(InvocationExpression node) => Reject(node);
        protected override Expression VisitIndex(IndexExpression node) => Reject(node);
        protected override Expression VisitLoop(LoopExpression node) => Reject(node);
        protected override Expression VisitTry(TryExpression node) => Reject(node);
        protected override Expression VisitGoto(GotoExpression node) => Reject(node);
        protected override Expression VisitLabel(LabelExpression node) => Reject(node);
        protected override Expression VisitDynamic(DynamicExpression node) => Reject(node);
        protected override Expression VisitRuntimeVariables(RuntimeVariablesExpression node) => Reject(node);
        protected override Expression VisitDebugInfo(DebugInfoExpression node) => Reject(node);

        private Expression Reject(Expression node)
        {
            Uncacheable = true;
            return node;
        }
    }
}

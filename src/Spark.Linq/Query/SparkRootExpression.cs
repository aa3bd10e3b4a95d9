using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Query;

/// <summary>
/// The root of a Spark query in an expression tree: a table, a SQL text with arguments, or local rows. An
/// extension node (not a constant) so the closure evaluator never tries to evaluate it and the
/// plan cache can key on it.
/// </summary>
internal abstract class SparkRootExpression(Type elementType) : Expression
{
    public Type ElementType { get; } = elementType;

    public sealed override ExpressionType NodeType => ExpressionType.Extension;

    // IOrderedQueryable, as SparkQueryable is: a root cast to it (to call ThenBy) must still be a valid argument.
    public sealed override Type Type => typeof(IOrderedQueryable<>).MakeGenericType(ElementType);

    public abstract QueryState Translate(TranslationContext context);

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    protected ValueShape RowShape(TranslationContext context) =>
        TypeClassifier.IsScalar(ElementType)
            ? ValueShape.Scalar(Expr.Col(Translation.Operators.Projection.ValueColumn), ElementType)
            : ValueShape.Entity(ElementType, context.Naming, Expr.Star(), Expr.Col);
}

/// <summary><c>spark.Table&lt;T&gt;("db.name")</c> → <c>Read.NamedTable</c>.</summary>
internal sealed class TableRootExpression(Type elementType, string tableName) : SparkRootExpression(elementType)
{
    public string TableName { get; } = tableName;

    public override QueryState Translate(TranslationContext context) => new(context.Rel.ReadTable(TableName), RowShape(context));

    public override string ToString() => $"Table<{ElementType.Name}>(\"{TableName}\")";
}

/// <summary>
/// <c>spark.Sql&lt;T&gt;("… :name …", new { name = value })</c> → a <c>SQL</c> relation whose arguments
/// travel as named literal arguments, never spliced into the text.
/// </summary>
internal sealed class SqlRootExpression(Type elementType, string sql, IReadOnlyList<KeyValuePair<string, object?>> arguments)
    : SparkRootExpression(elementType)
{
    public string Sql { get; } = sql;

    public IReadOnlyList<KeyValuePair<string, object?>> Arguments { get; } = arguments;

    public override QueryState Translate(TranslationContext context)
    {
        var named = new List<KeyValuePair<string, Spark.Connect.Protocol.Expression>>(Arguments.Count);
        for (var i = 0; i < Arguments.Count; i++)
        {
            var (name, value) = Arguments[i];
            var literal = LiteralFactory.TryCreate(value, value?.GetType() ?? typeof(string))
                ?? throw new SparkTranslationException($"{name} = {value}", "Sql", $"the argument '{name}' of type {value!.GetType().Name} has no Spark literal.",
                    "Pass primitives, strings, decimals, dates or byte arrays as SQL arguments.");
            context.Slots?.Literal(new Caching.SqlArgument(this, i), literal);
            if (value is not null) context.LiteralTypes.Note(literal, value.GetType(), ":" + name);
            named.Add(new(name, Expr.Lit(literal)));
        }
        return new QueryState(context.Rel.Sql(Sql, named), RowShape(context));
    }

    public override string ToString() => $"Sql<{ElementType.Name}>(\"{Sql}\")";
}

/// <summary>
/// <c>spark.CreateDataFrame(rows)</c> → a <c>LocalRelation</c> carrying the rows as an Arrow IPC stream
/// (written once, when the query is created). Never cached by shape: the data is the query.
/// </summary>
internal sealed class LocalRootExpression(Type elementType, Google.Protobuf.ByteString arrowData, Spark.Connect.Arrow.ArrowSchema schema, int rowCount)
    : SparkRootExpression(elementType)
{
    public Google.Protobuf.ByteString ArrowData { get; } = arrowData;

    /// <summary>The schema written, for diagnostics and tests.</summary>
    public Spark.Connect.Arrow.ArrowSchema Schema { get; } = schema;

    public int RowCount { get; } = rowCount;

    public override QueryState Translate(TranslationContext context) => new(context.Rel.LocalRelation(ArrowData), RowShape(context));

    public override string ToString() => $"CreateDataFrame<{ElementType.Name}>({RowCount} rows)";
}

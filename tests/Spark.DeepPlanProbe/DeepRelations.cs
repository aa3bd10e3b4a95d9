using Spark.Connect.Protocol;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.DeepPlanProbe;

/// <summary>Relations built directly as protobuf, nested as deep as asked, in the shapes clients produce.</summary>
internal static class DeepRelations
{
    public static Relation Table(string name) => new() { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = name } } };

    /// <summary><paramref name="n"/> filters <c>id &gt; 0</c> over <c>people</c>.</summary>
    public static Relation Filters(int n, Relation? input = null)
    {
        var relation = input ?? Table("people");
        for (var i = 0; i < n; i++) relation = new Relation { Filter = new Filter { Input = relation, Condition = Call(">", Column("id"), Int(0)) } };
        return relation;
    }

    /// <summary>The relation of each shape, nested <paramref name="n"/> times.</summary>
    public static Relation Shape(string shape, int n) => shape switch
    {
        "filters" => Filters(n),
        "projects" => Repeat(Table("people"), n, r => new Relation { Project = Projection(r, Alias(Call("+", Column("id"), Int(1)), "id")) }),
        "unions" => Repeat(Select(Table("people"), Column("id")), n, r => new Relation
        {
            SetOp = new SetOperation { LeftInput = r, RightInput = Select(Table("people"), Column("id")), SetOpType = SetOperation.Types.SetOpType.Union, IsAll = true },
        }),
        "additions" => Select(Table("people"), Nest(Column("id"), n, e => Call("+", e, Int(1)))),
        "ors" => Where(Nest(Call("=", Column("id"), Int(0)), n, e => Call("or", e, Call("=", Column("id"), Int(1))))),
        "nots" => Where(Nest(Call(">", Column("id"), Int(0)), n, e => Call("not", e))),
        "whens" => Select(Table("people"), Nest(Int(0), n, e => Call("when", Call(">", Column("id"), Int(2)), Int(1), e))),
        "aliases" => Select(Table("people"), Nest(Column("id"), n, e => Alias(e, "x"))),
        "arrays" => Select(Table("people"), new Expression { Literal = NestedArray(n) }),
        _ => throw new ArgumentException($"unknown shape {shape}"),
    };

    public static Expression Column(string name) => new() { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = name } };

    public static Expression Int(int value) => new() { Literal = new Literal { Integer = value } };

    public static Expression Call(string name, params Expression[] arguments)
    {
        var function = new Expression.Types.UnresolvedFunction { FunctionName = name };
        function.Arguments.AddRange(arguments);
        return new Expression { UnresolvedFunction = function };
    }

    public static Expression Nest(Expression seed, int n, Func<Expression, Expression> wrap)
    {
        var expression = seed;
        for (var i = 0; i < n; i++) expression = wrap(expression);
        return expression;
    }

    private static Relation Repeat(Relation seed, int n, Func<Relation, Relation> wrap)
    {
        var relation = seed;
        for (var i = 0; i < n; i++) relation = wrap(relation);
        return relation;
    }

    private static Relation Where(Expression condition) => new() { Filter = new Filter { Input = Table("people"), Condition = condition } };

    private static Relation Select(Relation input, Expression expression) => new() { Project = Projection(input, expression) };

    private static Project Projection(Relation input, Expression expression)
    {
        var project = new Project { Input = input };
        project.Expressions.Add(expression);
        return project;
    }

    private static Expression Alias(Expression expression, string name)
    {
        var alias = new Expression.Types.Alias { Expr = expression };
        alias.Name.Add(name);
        return new Expression { Alias = alias };
    }

    private static Literal NestedArray(int n)
    {
        var literal = new Literal { Integer = 1 };
        for (var i = 0; i < n; i++)
        {
            var array = new Literal { Array = new Literal.Types.Array() };
            array.Array.Elements.Add(literal);
            literal = array;
        }
        return literal;
    }
}

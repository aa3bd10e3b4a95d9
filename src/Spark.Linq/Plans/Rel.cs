using Spark.Connect;
using Spark.Connect.Protocol;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Plans;

/// <summary>
/// Tiny builders for Spark Connect relations. Each new relation takes the next plan id from the
/// translation's counter, as the official clients do (inputs first, so ids grow towards the root).
/// </summary>
internal sealed class Rel(PlanIds ids)
{
    public Relation ReadTable(string name) => New(r => r.Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = name } });

    public Relation LocalRelation(Google.Protobuf.ByteString arrowData) => New(r => r.LocalRelation = new LocalRelation { Data = arrowData });

    public Relation Sql(string query, IEnumerable<KeyValuePair<string, SparkExpression>> namedArguments)
    {
        var sql = new SQL { Query = query };
        foreach (var (name, value) in namedArguments) sql.NamedArguments[name] = value;
        return New(r => r.Sql = sql);
    }

    public Relation Project(Relation input, IEnumerable<SparkExpression> expressions)
    {
        var project = new Project { Input = input };
        project.Expressions.AddRange(expressions);
        return New(r => r.Project = project);
    }

    public Relation Filter(Relation input, SparkExpression condition) => New(r => r.Filter = new Filter { Input = input, Condition = condition });

    public Relation Sort(Relation input, IEnumerable<SparkExpression.Types.SortOrder> order)
    {
        var sort = new Sort { Input = input, IsGlobal = true };
        sort.Order.AddRange(order);
        return New(r => r.Sort = sort);
    }

    public Relation Limit(Relation input, int limit) => New(r => r.Limit = new Limit { Input = input, Limit_ = limit });

    public Relation Offset(Relation input, int offset) => New(r => r.Offset = new Offset { Input = input, Offset_ = offset });

    public Relation Tail(Relation input, int limit) => New(r => r.Tail = new Tail { Input = input, Limit = limit });

    /// <summary>The official <c>dropDuplicates(cols)</c>: one row per distinct value of the named columns.</summary>
    public Relation Deduplicate(Relation input, IEnumerable<string> columns)
    {
        var deduplicate = new Deduplicate { Input = input, WithinWatermark = false };
        deduplicate.ColumnNames.AddRange(columns);
        return New(r => r.Deduplicate = deduplicate);
    }

    /// <summary>The official <c>drop(names)</c>: every column but the named ones.</summary>
    public Relation Drop(Relation input, IEnumerable<string> columns)
    {
        var drop = new Drop { Input = input };
        drop.ColumnNames.AddRange(columns);
        return New(r => r.Drop = drop);
    }

    public Relation Distinct(Relation input) => New(r => r.Deduplicate = new Deduplicate { Input = input, AllColumnsAsKeys = true });

    public Relation GlobalAggregate(Relation input, IEnumerable<SparkExpression> aggregates)
    {
        var aggregate = new Spark.Connect.Protocol.Aggregate { Input = input, GroupType = Spark.Connect.Protocol.Aggregate.Types.GroupType.Groupby };
        aggregate.AggregateExpressions.AddRange(aggregates);
        return New(r => r.Aggregate = aggregate);
    }

    /// <summary>A GROUP BY aggregate; its output is the grouping expressions followed by the aggregates.</summary>
    public Relation Aggregate(Relation input, IEnumerable<SparkExpression> grouping, IEnumerable<SparkExpression> aggregates)
    {
        var aggregate = new Spark.Connect.Protocol.Aggregate { Input = input, GroupType = Spark.Connect.Protocol.Aggregate.Types.GroupType.Groupby };
        aggregate.GroupingExpressions.AddRange(grouping);
        aggregate.AggregateExpressions.AddRange(aggregates);
        return New(r => r.Aggregate = aggregate);
    }

    public Relation Join(Relation left, Relation right, SparkExpression? condition, Join.Types.JoinType type)
    {
        var join = new Join { Left = left, Right = right, JoinType = type };
        if (condition is not null) join.JoinCondition = condition;
        return New(r => r.Join = join);
    }

    /// <summary>Names <paramref name="input"/> so its columns can be qualified as <c>alias.column</c>.</summary>
    public Relation SubqueryAlias(Relation input, string alias) => New(r => r.SubqueryAlias = new SubqueryAlias { Input = input, Alias = alias });

    /// <summary>UNION / INTERSECT / EXCEPT by column position.</summary>
    public Relation SetOp(Relation left, Relation right, SetOperation.Types.SetOpType type, bool all) =>
        New(r => r.SetOp = new SetOperation { LeftInput = left, RightInput = right, SetOpType = type, IsAll = all });

    private Relation New(Action<Relation> fill)
    {
        var relation = new Relation();
        fill(relation);
        relation.Common = new RelationCommon { PlanId = ids.Next() };
        return relation;
    }
}

/// <summary>Hands out plan ids for one translation, from 0.</summary>
internal sealed class PlanIds
{
    private long _next;
    public long Next() => _next++;
}

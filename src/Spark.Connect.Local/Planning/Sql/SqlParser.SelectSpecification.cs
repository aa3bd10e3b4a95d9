using Spark.Connect.Local.Planning.Expressions;
using GroupType = Spark.Connect.Protocol.Aggregate.Types.GroupType;
using SortOrder = Spark.Connect.Protocol.Expression.Types.SortOrder;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// One SELECT's clauses, turned into relations in Spark's order: FROM, WHERE, then either a projection (DISTINCT,
/// ORDER BY over it) or, with GROUP BY or HAVING, an aggregate whose select items are computed under hidden names;
/// HAVING and ORDER BY then see the select items, their aliases, the grouping columns and any further aggregates
/// they use (added as hidden aggregates, as Spark's analyzer does), and a last projection keeps the select items.
/// </summary>
internal sealed partial class SqlParser
{
    private sealed class SelectSpecification
    {


        internal bool Distinct { get; set; }

        internal List<Expression> Items { get; } = [];

        internal Relation? From { get; set; }

        internal Expression? Where { get; set; }

        internal GroupingClause? Grouping { get; set; }

        internal Expression? Having { get; set; }

        internal Relation Build(SqlParser parser, List<SortOrder> order)
        {
            var input = From;
            if (Where is not null)
            {
                if (ContainsAggregate(Where) && !parser.DeferOuterAggregates(Where, From))
                    throw InvalidWhereCondition(Where);
                // SELECT … WHERE without FROM filters the one row Spark's OneRowRelation has.
                input ??= new Relation { Project = new Project { Expressions = { Literals.Integer(1) } } };
                input = new Relation { Filter = new Filter { Input = input, Condition = Where } };
            }
            // A global aggregate ordered by an aggregate (SELECT max(x) … ORDER BY min(x)) sorts its one row by an aggregate
            // it computes too, as Spark adds the missing aggregate to the Aggregate below the Sort.
            var aggregateOrder = order.Any(o => ContainsAggregate(o.Child)) && Items.Any(ContainsAggregate);
            return Grouping is not null || Having is not null || aggregateOrder
                ? Aggregated(parser, input, order)
                : Projected(parser, input, order);
        }

        /// <summary>Spark's INVALID_WHERE_CONDITION: WHERE filters rows before they are aggregated, so it can't hold an aggregate.</summary>
        internal static LocalEngineException InvalidWhereCondition(Expression where) => new("INVALID_WHERE_CONDITION", "42903",
            $"The WHERE condition \"{ColumnNamer.Name(where)}\" contains aggregate functions, which are not valid there. " +
            "Move the condition to HAVING, or aggregate in a subquery and filter its result.",
            new Dictionary<string, string> { ["condition"] = $"\"{ColumnNamer.Name(where)}\"" });

        private List<string>? OutputNames() =>
            Items.Any(i => i.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedStar) ? null : Items.Select(ColumnNamer.Name).ToList();

        private Relation Projected(SqlParser parser, Relation? input, List<SortOrder> order)
        {
            var project = new Project { Input = input };
            project.Expressions.AddRange(Items);
            var relation = new Relation { Project = project };
            if (Distinct)
                relation = new Relation { Deduplicate = new Deduplicate { Input = relation, AllColumnsAsKeys = true } };
            if (OutputNames() is { } names)
                parser._outputNames[relation] = names;
            return parser.SortRelation(relation, order);
        }

        private Relation Aggregated(SqlParser parser, Relation? input, List<SortOrder> order)
        {
            var names = OutputNames() ?? throw SqlParseErrors.Unsupported("'*' in the select list of an aggregate query", "List the grouped columns.");
            var grouping = Grouping ?? new GroupingClause();
            var values = Items.Select(Unaliased).ToList();
            var groupings = grouping.All
                ? values.Where(v => !ContainsAggregate(v)).Select(v => v.Clone()).ToList()
                : grouping.Expressions.Select(e => ByPosition(e, values)).ToList();
            var sets = grouping.Sets.Select(set => set.Select(e => ByPosition(e, values)).ToList()).ToList();
            groupings = groupings.Select(g => ByAlias(parser, g)).ToList();
            sets = sets.Select(set => set.Select(e => ByAlias(parser, e)).ToList()).ToList();
            // Grouping sets group by every expression any set names.
            foreach (var expression in sets.SelectMany(set => set).Where(e => !groupings.Contains(e)))
                groupings.Add(expression);
            var aggregate = new Aggregate
            {
                Input = input ?? new Relation { Project = new Project { Expressions = { Literals.Integer(1) } } },
                GroupType = grouping.Type,
            };
            for (var i = 0; i < groupings.Count; i++)
                aggregate.GroupingExpressions.Add(Alias(groupings[i], [Hidden("group", i)]));
            foreach (var set in sets)
            {
                var groupingSet = new Aggregate.Types.GroupingSets();
                groupingSet.GroupingSet.AddRange(set.Select(e => e.Clone()));
                aggregate.GroupingSets.Add(groupingSet);
            }
            var rewriter = new AggregateRewriter(groupings, aggregate, (planId, claim) => parser.ClaimOuterAggregates(planId, From, claim));
            var computed = values.Select((v, i) => rewriter.SelectItem(v, i)).ToList();
            rewriter.SelectItems(values, Items);
            var relation = new Relation { Aggregate = aggregate };
            Expression? having = Having is null ? null : rewriter.Rewrite(Having, having: true);
            // HAVING without GROUP BY or any aggregate (SELECT 1 FROM t HAVING true) is still a global aggregate of one
            // row; a hidden count gives the aggregate something to compute.
            if (aggregate.GroupingExpressions.Count + aggregate.AggregateExpressions.Count == 0)
                aggregate.AggregateExpressions.Add(Alias(Call("count", Literals.Integer(1)), [Hidden("rows", 0)]));
            var sortOrder = new List<SortOrder>();
            if (!Distinct)
            {
                foreach (var item in order)
                {
                    item.Child = Ordinal(item.Child) is { } position
                        ? Attribute(Hidden("select", OrdinalIndex(position, values.Count, "ORDER_BY_POS_OUT_OF_RANGE")))
                        : rewriter.Rewrite(item.Child, having: false);
                    sortOrder.Add(item);
                }
            }
            // Every hidden column of the aggregate passes through; the select items are computed over them.
            var computing = new Project { Input = relation };
            computing.Expressions.AddRange(aggregate.GroupingExpressions.Concat(aggregate.AggregateExpressions).Select(e => Attribute(e.Alias.Name[0])));
            computing.Expressions.AddRange(computed.Select((c, i) => Alias(c, [Hidden("select", i)])));
            relation = new Relation { Project = computing };
            if (having is not null)
                relation = new Relation { Filter = new Filter { Input = relation, Condition = having } };
            if (sortOrder.Count > 0)
            {
                var sort = new Sort { Input = relation, IsGlobal = true };
                sort.Order.AddRange(sortOrder);
                relation = new Relation { Sort = sort };
            }
            var project = new Project { Input = relation };
            for (var i = 0; i < values.Count; i++)
            {
                var item = Alias(Attribute(Hidden("select", i)), [names[i]]);
                // An unaliased item holding a subquery is named once the subquery's outer columns are known.
                if (Items[i].ExprTypeCase != Expression.ExprTypeOneofCase.Alias && DeferredItemNames.HasSubquery(values[i]))
                    DeferredItemNames.Register(item, values[i]);
                project.Expressions.Add(item);
            }
            relation = new Relation { Project = project };
            if (Distinct)
                relation = new Relation { Deduplicate = new Deduplicate { Input = relation, AllColumnsAsKeys = true } };
            parser._outputNames[relation] = names;
            return Distinct ? parser.SortRelation(relation, order) : relation;
        }

        /// <summary>GROUP BY k: the k-th select item (spark.sql.groupByOrdinal); an aggregate there is Spark's error.</summary>
        private static Expression ByPosition(Expression expression, List<Expression> values)
        {
            if (Ordinal(expression) is not { } position)
                return expression;
            var value = values[OrdinalIndex(position, values.Count, "GROUP_BY_POS_OUT_OF_RANGE")];
            if (ContainsAggregate(value))
                throw new LocalEngineException("GROUP_BY_POS_AGGREGATE", "42903",
                    $"GROUP BY {position} refers to an expression {ColumnNamer.Name(value)} that contains an aggregate function. Aggregate functions are not allowed in GROUP BY.",
                    new Dictionary<string, string> { ["index"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture), ["aggExpr"] = ColumnNamer.Name(value) });
            return value.Clone();
        }

        /// <summary>
        /// GROUP BY name where the name is a select alias (spark.sql.groupByAliases): noted as a candidate, and replaced by
        /// the item's expression once the input turned out to have no such column (the caller parses again then).
        /// </summary>
        private Expression ByAlias(SqlParser parser, Expression expression)
        {
            if (expression.UnresolvedAttribute is not { HasPlanId: false } attribute
                || MultipartIdentifier.Parse(attribute.UnparsedIdentifier) is not [var name]
                || Items.FirstOrDefault(i => i.Alias is { Name: [var alias] } && string.Equals(alias, name, StringComparison.OrdinalIgnoreCase)) is not { } item)
                return expression;
            parser._aliasCandidates.Add(name);
            return parser._groupByAliases.Contains(name) && !ContainsAggregate(item.Alias.Expr) ? item.Alias.Expr.Clone() : expression;
        }

        private static Expression Unaliased(Expression item) => item.ExprTypeCase == Expression.ExprTypeOneofCase.Alias && item.Alias.Name.Count == 1
            ? item.Alias.Expr
            : item;

        internal static string Hidden(string kind, int index) =>
            HiddenPrefix + kind + "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    }
}

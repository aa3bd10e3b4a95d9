namespace Spark.Connect.Local.Planning.Sql.Statements;

/// <summary>
/// A Spark SQL statement that is not a query, as the statement parser reads it (<see cref="StatementParser"/>): what the
/// service's executors need to carry it out with the engine's own machinery. Names are kept as their parts, never as
/// SQL text; a query inside a statement is kept as its text, planned later as a <c>SQL</c> relation with the
/// statement's arguments, so its values stay bound parameters.
/// </summary>
internal abstract record SparkStatement;

/// <summary>One column of <c>CREATE TABLE t (…)</c>: its name, Spark type, nullability and comment.</summary>
internal sealed record ColumnDefinition(string Name, DataType Type, bool Nullable, string? Comment);

/// <summary>How a CREATE TABLE treats an existing table.</summary>
internal enum CreateMode
{
    /// <summary><c>CREATE TABLE</c>: an existing table is an error.</summary>
    Create,

    /// <summary><c>CREATE TABLE IF NOT EXISTS</c>: an existing table is left alone.</summary>
    IfNotExists,

    /// <summary><c>CREATE OR REPLACE TABLE</c>.</summary>
    CreateOrReplace,

    /// <summary><c>REPLACE TABLE</c>: the table must exist.</summary>
    Replace,
}

/// <summary>
/// <c>CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name [(columns)] [USING format] [PARTITIONED BY (…)] [OPTIONS (…)] [AS query]</c>
/// and <c>REPLACE TABLE …</c>. Either <see cref="Columns"/> or <see cref="Query"/> (CTAS) is set; partition columns are
/// moved last, as Spark lays out a data source table.
/// </summary>
internal sealed record CreateTableStatement(
    IReadOnlyList<string> Name, CreateMode Mode, IReadOnlyList<ColumnDefinition>? Columns, string? Query,
    string? Format, IReadOnlyList<string> PartitionColumns) : SparkStatement
{
    /// <summary><c>LOCATION '…'</c>: an external table over the files there, or null for a managed table.</summary>
    internal string? Location { get; init; }

    /// <summary><c>OPTIONS (…)</c>, which shape an external table's files (a managed table's are never written).</summary>
    internal IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// <c>CREATE [OR REPLACE] VIEW [IF NOT EXISTS] v [(col [COMMENT '…'], …)] [COMMENT '…'] [TBLPROPERTIES (…)] AS query</c>: a
/// persistent view, or <c>ALTER VIEW v AS query</c> (<see cref="Alter"/>: the view must exist and keeps no column list).
/// </summary>
internal sealed record CreateViewStatement(IReadOnlyList<string> Name, bool Replace, bool IfNotExists, IReadOnlyList<string> Columns, string Query, bool Alter) : SparkStatement;

/// <summary>
/// <c>CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW v USING format [OPTIONS (path '…', key 'value', …)]</c>: a temporary view
/// over files, read as <c>spark.read.format(f).options(…).load(path)</c> reads them.
/// </summary>
internal sealed record TempViewUsingStatement(string Name, bool Replace, bool Global, string Format, IReadOnlyDictionary<string, string> Options) : SparkStatement;

/// <summary><c>INSERT INTO|OVERWRITE [TABLE] name [(columns) | BY NAME] query</c> (VALUES is a query too).</summary>
internal sealed record InsertStatement(IReadOnlyList<string> Table, bool Overwrite, IReadOnlyList<string>? Columns, bool ByName, string Query) : SparkStatement;

/// <summary>
/// Spark's multi-insert <c>[WITH …] FROM source INSERT … SELECT … INSERT … SELECT …</c>: one insert per body, each with its
/// whole query (CTEs, select list, the shared source, the body's clauses).
/// </summary>
internal sealed record MultiInsertStatement(IReadOnlyList<InsertStatement> Inserts) : SparkStatement;

/// <summary><c>CREATE TABLE [IF NOT EXISTS] t LIKE source</c>: an empty table with the source's columns.</summary>
internal sealed record CreateTableLikeStatement(IReadOnlyList<string> Name, IReadOnlyList<string> Source, bool IfNotExists) : SparkStatement;

/// <summary><c>ALTER TABLE|VIEW name RENAME TO name</c>.</summary>
internal sealed record RenameTableStatement(IReadOnlyList<string> Name, IReadOnlyList<string> NewName, bool IsView) : SparkStatement;

/// <summary><c>ALTER TABLE t ADD COLUMN[S] …</c>.</summary>
internal sealed record AddColumnsStatement(IReadOnlyList<string> Name, IReadOnlyList<ColumnDefinition> Columns) : SparkStatement;

/// <summary><c>ALTER TABLE|VIEW t SET|UNSET TBLPROPERTIES (…)</c>: properties shape nothing the engine answers, so the table is only checked.</summary>
internal sealed record AlterPropertiesStatement(IReadOnlyList<string> Name, bool IsView) : SparkStatement;

/// <summary><c>SHOW CURRENT NAMESPACE</c>.</summary>
internal sealed record ShowCurrentNamespaceStatement : SparkStatement;

/// <summary><c>DROP TABLE|VIEW [IF EXISTS] name</c>.</summary>
internal sealed record DropTableStatement(IReadOnlyList<string> Name, bool IsView, bool IfExists) : SparkStatement;

/// <summary><c>TRUNCATE TABLE name</c>.</summary>
internal sealed record TruncateTableStatement(IReadOnlyList<string> Name) : SparkStatement;

/// <summary><c>CREATE DATABASE|SCHEMA|NAMESPACE [IF NOT EXISTS] name</c>.</summary>
internal sealed record CreateDatabaseStatement(IReadOnlyList<string> Name, bool IfNotExists) : SparkStatement;

/// <summary><c>DROP DATABASE|SCHEMA|NAMESPACE [IF EXISTS] name [RESTRICT|CASCADE]</c>.</summary>
internal sealed record DropDatabaseStatement(IReadOnlyList<string> Name, bool IfExists, bool Cascade) : SparkStatement;

/// <summary><c>SHOW TABLES [IN db] [[LIKE] 'pattern']</c>, or <c>SHOW VIEWS …</c> when <see cref="ViewsOnly"/>.</summary>
internal sealed record ShowTablesStatement(IReadOnlyList<string>? Database, string? Pattern, bool ViewsOnly) : SparkStatement;

/// <summary><c>SHOW DATABASES|SCHEMAS|NAMESPACES [[LIKE] 'pattern']</c>.</summary>
internal sealed record ShowDatabasesStatement(string? Pattern) : SparkStatement;

/// <summary><c>SHOW [USER|SYSTEM|ALL] FUNCTIONS [[LIKE] 'pattern' | name]</c>; USER functions are none.</summary>
internal sealed record ShowFunctionsStatement(string Scope, string? Pattern) : SparkStatement;

/// <summary><c>SHOW COLUMNS (IN|FROM) table [(IN|FROM) db]</c>.</summary>
internal sealed record ShowColumnsStatement(IReadOnlyList<string> Table) : SparkStatement;

/// <summary><c>SHOW CATALOGS [[LIKE] 'pattern']</c>.</summary>
internal sealed record ShowCatalogsStatement(string? Pattern) : SparkStatement;

/// <summary><c>DESCRIBE [TABLE] [EXTENDED|FORMATTED] name</c>.</summary>
internal sealed record DescribeTableStatement(IReadOnlyList<string> Table, bool Extended) : SparkStatement;

/// <summary><c>DESC[RIBE] FUNCTION [EXTENDED] name</c>: the name's parts (one part for an operator or string literal).</summary>
internal sealed record DescribeFunctionStatement(IReadOnlyList<string> Name, bool Extended) : SparkStatement;

/// <summary><c>DESCRIBE [QUERY] query</c>: the query's columns.</summary>
internal sealed record DescribeQueryStatement(string Query) : SparkStatement;

/// <summary><c>EXPLAIN [EXTENDED|FORMATTED|…] query</c>: the plan as one row.</summary>
internal sealed record ExplainStatement(string Query, string Mode) : SparkStatement;

/// <summary>What a table cache statement does.</summary>
internal enum CacheAction
{
    /// <summary><c>CACHE [LAZY] TABLE name [AS query]</c>.</summary>
    Cache,

    /// <summary><c>UNCACHE TABLE [IF EXISTS] name</c>.</summary>
    Uncache,

    /// <summary><c>REFRESH TABLE name</c>.</summary>
    Refresh,

    /// <summary><c>CLEAR CACHE</c>.</summary>
    ClearAll,
}

/// <summary>The cache statements: DuckDB keeps no cache, so they check the table and remember the mark, as the catalog calls do.</summary>
internal sealed record CacheStatement(CacheAction Action, IReadOnlyList<string>? Table, bool IfExists, string? Query) : SparkStatement;

/// <summary>SET, RESET and USE: answered by the service's session commands, which read the text themselves.</summary>
internal sealed record SessionStatement(string Keyword) : SparkStatement;

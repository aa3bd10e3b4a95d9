using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Sources;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>The marker scanner on its own: which characters are markers and which are inside literals, identifiers or comments.</summary>
public sealed class SqlPlaceholderRewriterTests
{
    private static string Rewrite(string sql) => SqlPlaceholderRewriter.Rewrite(sql, name => "<" + name + ">", () => "<?>");

    [TestCase("SELECT :a, :b_2, ?", "SELECT <a>, <b_2>, <?>")]
    [TestCase("SELECT ':a ?'", "SELECT ':a ?'")]
    [TestCase("SELECT 'it''s :a', :a", "SELECT 'it''s :a', <a>")]
    [TestCase("SELECT \":a\"\"?\" FROM t", "SELECT \":a\"\"?\" FROM t")]
    [TestCase("SELECT 1 -- :a ?\n, :b", "SELECT 1 -- :a ?\n, <b>")]
    [TestCase("SELECT /* :a ? */ :b", "SELECT /* :a ? */ <b>")]
    [TestCase("SELECT /* outer /* inner */ :a ? */ :b", "SELECT /* outer /* inner */ :a ? */ <b>")]
    [TestCase("SELECT 1 -- :a\r, :b", "SELECT 1 -- :a\r, <b>")]
    [TestCase("SELECT x::INT, :a::VARCHAR", "SELECT x::INT, <a>::VARCHAR")]
    [TestCase("SELECT $$:a$$, $q$ ? $q$, :b", "SELECT $$:a$$, $q$ ? $q$, <b>")]
    [TestCase("SELECT E'\\':a', :b", "SELECT E'\\':a', <b>")]
    [TestCase("SELECT 'unterminated :a", "SELECT 'unterminated :a")]
    [TestCase("SELECT /* unterminated :a", "SELECT /* unterminated :a")]
    [TestCase("SELECT :1", "SELECT :1")]
    public void RewritesOnlyRealMarkers(string sql, string expected) => Assert.That(Rewrite(sql), Is.EqualTo(expected));

    [TestCase("SELECT $1")]
    [TestCase("SELECT :a, $12")]
    public void RefusesDuckDbMarkers(string sql)
    {
        var error = Assert.Throws<LocalEngineException>(() => Rewrite(sql))!;
        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public void RenumbersPlannerPlaceholdersOutsideLiterals() =>
        Assert.That(SqlPlaceholderRewriter.RenumberPlaceholders("SELECT $3, '$3', \"$3\", $10 -- $3", n => "#" + n),
            Is.EqualTo("SELECT #3, '$3', \"$3\", #10 -- $3"));
}

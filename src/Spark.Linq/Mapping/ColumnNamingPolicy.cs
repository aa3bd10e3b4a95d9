using System.Text;

namespace Spark.Linq;

/// <summary>
/// Turns a CLR member name into a Spark column name when the member has no <c>[Column]</c>
/// attribute. The translator and the materializer use the same policy, so what one names the
/// other finds.
/// </summary>
public abstract class ColumnNamingPolicy
{
    /// <summary>The member name unchanged (the default): <c>OrderId</c> → <c>OrderId</c>.</summary>
    public static ColumnNamingPolicy AsIs { get; } = new AsIsPolicy();

    /// <summary>snake_case: <c>OrderId</c> → <c>order_id</c>, <c>HTTPStatus</c> → <c>http_status</c>.</summary>
    public static ColumnNamingPolicy SnakeCase { get; } = new SnakeCasePolicy();

    /// <summary>The column name for a member called <paramref name="memberName"/>.</summary>
    public abstract string ColumnName(string memberName);

    private sealed class AsIsPolicy : ColumnNamingPolicy
    {
        public override string ColumnName(string memberName) => memberName;
    }

    private sealed class SnakeCasePolicy : ColumnNamingPolicy
    {
        public override string ColumnName(string memberName)
        {
            var result = new StringBuilder(memberName.Length + 4);
            for (var i = 0; i < memberName.Length; i++)
            {
                var c = memberName[i];
                if (char.IsUpper(c))
                {
                    // A new word starts at an upper-case letter after a lower-case one or a digit,
                    // or at the last capital of an acronym followed by lower case (HTTPStatus → http_status).
                    var previousIsLowerOrDigit = i > 0 && (char.IsLower(memberName[i - 1]) || char.IsDigit(memberName[i - 1]));
                    var acronymEnds = i > 0 && char.IsUpper(memberName[i - 1]) && i + 1 < memberName.Length && char.IsLower(memberName[i + 1]);
                    if (result.Length > 0 && result[^1] != '_' && (previousIsLowerOrDigit || acronymEnds)) result.Append('_');
                    result.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    result.Append(c);
                }
            }
            return result.ToString();
        }
    }
}

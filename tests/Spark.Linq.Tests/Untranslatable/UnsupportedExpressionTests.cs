using System.Numerics;
using System.Text.RegularExpressions;

namespace Spark.Linq.Tests.Untranslatable;

public class UnsupportedExpressionTests : UntranslatableTestBase
{
    private static bool IsBig(double amount) => amount > 1000;

    private readonly struct Money(decimal amount)
    {
        public decimal Amount { get; } = amount;

        public static explicit operator Money(double value) => new((decimal)value);
    }

    // Client-only methods inside lambdas
    [Test] public void A_user_method() => Rejects(Orders.Where(o => IsBig(o.Amount)), "IsBig(o.Amount)", "Where", "SparkFunctions.Call");
    [Test] public void String_Format() => Rejects(Orders.Select(o => string.Format("{0:N2}-{1}", o.Amount, o.Region)).Distinct(), "Format(", "Select", "final Select");
    [Test] public void Regex_IsMatch() => Rejects(Orders.Where(o => Regex.IsMatch(o.Region, "^E")), "IsMatch(o.Region, \"^E\")", "Where", "SparkFunctions.RLike");
    [Test] public void ToString_with_a_format() => Rejects(Orders.Select(o => o.Amount.ToString("N2")).Distinct(), "o.Amount.ToString(\"N2\")", "Select", "final Select");
    [Test] public void GetHashCode_of_a_column() => Rejects(Orders.Where(o => o.Region.GetHashCode() > 0), "o.Region.GetHashCode()", "Where");
    [Test] public void String_Split() => Rejects(Orders.Select(o => o.Region.Split(',', StringSplitOptions.None)).Distinct(), "o.Region.Split(", "Select", "final Select");
    [Test] public void String_Join_of_part_of_an_array() => Rejects(Orders.Select(o => string.Join("-", new[] { o.Region, o.Note }, 1, 1)).Distinct(), "Join(\"-\"", "Select", "final Select");
    [Test] public void GetType_of_a_row() => Rejects(Orders.Where(o => o.GetType() == typeof(Order)), "o.GetType()", "Where");
    [Test] public void A_user_method_in_OrderBy() => Rejects(Orders.OrderBy(o => IsBig(o.Amount)), "IsBig(o.Amount)", "OrderBy");
    [Test] public void A_user_method_in_a_Count_predicate() => RejectsTerminal(() => Orders.Count(o => IsBig(o.Amount)), "IsBig(o.Amount)", "Count");
    [Test] public void A_user_method_in_First() => RejectsTerminal(() => Orders.First(o => IsBig(o.Amount)), "IsBig(o.Amount)", "First");

    // Whole rows used as values
    [Test] public void Comparing_whole_rows() { var other = new Order(); Rejects(Orders.Where(o => o == other), "o", "Where", "members"); }
    [Test] public void Equals_on_a_whole_row() { var other = new Order(); Rejects(Orders.Where(o => o.Equals(other)), "o.Equals(", "Where"); }
    [Test] public void A_whole_row_passed_to_a_function() => Rejects(Orders.Select(o => SparkFunctions.Call<int>("hash", o)), "o", "Select", "members");
    [Test] public void Comparing_a_struct_column_with_a_captured_object() { var a = new Address(); Assert.That(Rejects(Orders.Where(o => o.ShipTo == a), "a", "Where", "Use a primitive").Reason, Does.Contain("Address")); }

    // Delegates
    [Test] public void Invoking_a_captured_delegate() { Func<Order, bool> big = o => o.Amount > 5; Rejects(Orders.Where(o => big(o)), "Invoke(big, o)", "Where", "Expression<Func<"); }
    [Test] public void Invoking_a_delegate_on_a_column() { Func<double, bool> big = a => a > 5; Rejects(Orders.Where(o => big(o.Amount)), "Invoke(big, o.Amount)", "Where", "inline"); }
    [Test] public void Calling_Invoke_explicitly() { Func<string, string> f = s => s; Rejects(Orders.Select(o => f.Invoke(o.Region)).Distinct(), "f.Invoke(o.Region)", "Select", "final Select"); }

    // Type tests
    [Test] public void Is_type_test() => Rejects(Orders.Where(o => (object)o.Region is string), "Is String", "Where", "Test a member");
    [Test] public void As_conversion() => Rejects(Orders.Select(o => (object)o.Amount as string).Distinct(), "As String", "Select");
    [Test] public void Is_type_test_on_a_struct_member() => Rejects(Orders.Where(o => (object)o.ShipTo is Address), "Is Address", "Where", "Test a member");

    // Nested queries over local collections
    // (Lambdas over captured lists of values that read the row translate: Nested/LocalCollectionLambdaPlanTests.)
    [Test] public void A_lambda_over_a_captured_list_of_objects() { var ids = new List<Money> { new(1m) }; Assert.That(Rejects(Orders.Where(o => ids.Any(m => m.Amount > 0 && o.Amount > 1)), "Any(m => ", "Where", "plain values").Reason, Does.Contain("no Spark literal")); }
    [Test] public void A_local_queryable() { var ids = new[] { 1 }.AsQueryable(); Rejects(Orders.Where(o => ids.Any(i => i == o.CustomerId)), "ids.Any(i => (i == o.CustomerId))", "Where", "ids.Contains(x.Id)"); }
    [Test] public void A_captured_list_of_rows() { var rows = new List<Order>(); Rejects(Orders.Where(o => rows.Contains(o)), "o", "Where", "members"); }

    // Values without a Spark literal
    [Test] public void TimeOnly_value() { var t = new TimeOnly(12, 0); Assert.That(Rejects(Orders.Select(o => new { o.Id, T = t }).Distinct(), "t", "Select", "Use a primitive").Reason, Does.Contain("TimeOnly")); }
    [Test] public void Custom_struct_value() { var m = new Money(1m); Assert.That(Rejects(Orders.Select(o => new { o.Id, M = m }).Distinct(), "m", "Select", "Use a primitive").Reason, Does.Contain("Money")); }
    [Test] public void BigInteger_value() { var b = BigInteger.One; Assert.That(Rejects(Orders.Select(o => new { o.Id, B = b }).Distinct(), "b", "Select", "Use a primitive").Reason, Does.Contain("BigInteger")); }
    [Test] public void Uri_value() { var u = new Uri("http://x/"); Assert.That(Rejects(Orders.Select(o => new { o.Id, U = u }).Distinct(), "u", "Select", "Use a primitive").Reason, Does.Contain("Uri")); }
    [Test] public void Half_value() { var h = (Half)1; Assert.That(Rejects(Orders.Select(o => new { o.Id, H = h }).Distinct(), "h", "Select", "Use a primitive").Reason, Does.Contain("Half")); }
    [Test] public void A_user_defined_conversion() => Rejects(Orders.Select(o => (Money)o.Amount).Distinct(), "o.Amount", "Select");
    [Test] public void An_object_sql_argument() => Rejects(Spark.Sql<Order>("SELECT :x", new { x = new Uri("http://x/") }), "x = http://x/", "Sql", "SQL arguments");

    // Shapes with no Spark equivalent
    [Test] public void A_list_initializer_in_a_projection() => Rejects(Orders.Select(o => new List<long> { o.Id }).Distinct(), "new List`1", "Select");
}

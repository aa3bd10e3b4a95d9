using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>String members; values that look like SQL stay values.</summary>
    private static IEnumerable<DifferentialCase> Strings()
    {
        var hostile = "'; DROP TABLE orders; --";
        var quoted = "O'Brien's order";
        var comment = "50% off; -- really";
        var word = "door";

        yield return Rows("contains", s => s.Orders.Where(o => o.Note != null && o.Note.Contains(word)));
        yield return Rows("starts with ordinal", s => s.Customers.Where(c => c.Name.StartsWith("Ad", StringComparison.Ordinal)));
        yield return Rows("ends with ordinal", s => s.Customers.Where(c => c.Name.EndsWith("er", StringComparison.Ordinal)));
        yield return Rows("starts with char", s => s.Orders.Where(o => o.Region.StartsWith('A')));
        yield return Rows("contains ignore case", s => s.Orders.Where(o => o.Note != null && o.Note.Contains("GIFT", StringComparison.OrdinalIgnoreCase)));
        yield return Rows("equals ignore case", s => s.Orders.Where(o => string.Equals(o.Region, "emea", StringComparison.OrdinalIgnoreCase)));
        yield return Rows("to upper and lower", s => s.Customers.Select(c => new { c.Id, Up = c.Name.ToUpper(), Low = c.Name.ToLowerInvariant() }));
        yield return Rows("trim", s => s.Orders.Where(o => o.Note != null).Select(o => new { o.Id, T = o.Note!.Trim() }));
        yield return Rows("trim start and end", s => s.Orders.Where(o => o.Note != null).Select(o => new { o.Id, S = o.Note!.TrimStart(), E = o.Note!.TrimEnd() }));
        yield return Rows("trim chars", s => s.Customers.Select(c => c.Name.Trim('A', 'r')));
        yield return Rows("substring from", s => s.Customers.Select(c => new { c.Id, Rest = c.Name.Substring(2) }));
        yield return Rows("substring from length", s => s.Customers.Select(c => new { c.Id, Head = c.Name.Substring(0, 3) }));
        yield return Rows("replace", s => s.Customers.Select(c => c.Name.Replace("a", "4")));
        yield return Rows("replace char", s => s.Products.Select(p => p.Name.Replace(' ', '_')));
        yield return Rows("index of", s => s.Customers.Select(c => new { c.Id, At = c.Name.IndexOf("a", StringComparison.Ordinal), Space = c.Name.IndexOf(' ') }));
        yield return Rows("length", s => s.Orders.Where(o => o.Note != null).Select(o => new { o.Id, Len = o.Note!.Length }));
        yield return Rows("length filter", s => s.Customers.Where(c => c.Name.Length > 9));
        yield return Rows("string concat method", s => s.Customers.Select(c => string.Concat(c.Country, ":", c.Name)));
        // C# promises only the sign of CompareOrdinal (it returns a char difference); Spark.Linq gives -1/0/1.
        yield return Rows("compare ordinal", s => s.Orders.Select(o => new { o.Id, Cmp = Math.Sign(string.CompareOrdinal(o.Region, "APAC")), After = string.CompareOrdinal(o.Region, "B") > 0 }));
        yield return Rows("int to string", s => s.Orders.Select(o => new { o.Id, Text = o.Quantity.ToString() }));
        yield return Rows("bool to string", s => s.Orders.Select(o => new { o.Id, Text = o.IsGift.ToString() }));
        yield return Rows("unicode contains", s => s.Orders.Where(o => o.Note != null && o.Note.Contains("東京")));
        yield return Rows("unicode equals", s => s.Orders.Where(o => o.Note == "crème brûlée"));
        yield return Rows("quote in value", s => s.Orders.Where(o => o.Note == quoted));
        yield return Rows("comment marker in value", s => s.Orders.Where(o => o.Note == comment));
        yield return Rows("sql text in value matches nothing", s => s.Orders.Where(o => o.Note == hostile || o.Region == hostile));
        yield return Value("table intact after hostile values", s => s.Orders.Count(o => o.Note != hostile));
        yield return Rows("hostile value as column value", s => s.Products.Select(p => new { p.Id, Tag = hostile + p.Name }));
        yield return Rows("tab and padding", s => s.Orders.Where(o => o.Note == "tab\there" || o.Note == "  padded  "));
        yield return Rows("empty string", s => s.Orders.Where(o => o.Note == ""));
    }
}

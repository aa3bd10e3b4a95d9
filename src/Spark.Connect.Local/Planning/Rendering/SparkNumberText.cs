namespace Spark.Connect.Local.Planning.Rendering;

/// <summary>
/// Spark's cast of a double or float to string, which is Java's <c>Double.toString</c> /
/// <c>Float.toString</c>: plain notation with at least one fractional digit for magnitudes in
/// [1e-3, 1e7) (<c>250.0</c>, <c>0.001</c>), otherwise computerized scientific notation (<c>1.0E7</c>,
/// <c>2.5E-10</c>); <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>. DuckDB's own cast prints the same
/// shortest digits but switches notation elsewhere (<c>1e+20</c>, <c>0.0001</c>), so the digits and the
/// decimal exponent are taken from DuckDB's text and laid out again as Java does.
/// </summary>
internal static class SparkNumberText
{
    /// <summary>SQL giving the Spark text of <paramref name="operand"/> (a DOUBLE or FLOAT expression); null stays null.</summary>
    internal static string Render(string operand)
    {
        // Each list_transform over a one-element list binds intermediate values once: v the value, t the text
        // of its magnitude, s its integer part, fraction and exponent, p its significant digits and the
        // decimal exponent of the first one.
        const string layout =
            "CASE WHEN p.e BETWEEN -3 AND 6 THEN (CASE WHEN p.e >= 0 " +
            "THEN rpad(p.d, CAST(p.e + 1 AS INTEGER), '0') || '.' || coalesce(nullif(substr(p.d, p.e + 2), ''), '0') " +
            "ELSE '0.' || repeat('0', CAST(-p.e - 1 AS BIGINT)) || p.d END) " +
            "ELSE substr(p.d, 1, 1) || '.' || coalesce(nullif(substr(p.d, 2), ''), '0') || 'E' || CAST(p.e AS VARCHAR) END";
        const string digits =
            "list_transform([struct_pack(d := rtrim(ltrim(s.ip || s.fp, '0'), '0'), " +
            "e := s.ex + length(s.ip) - 1 - (length(s.ip || s.fp) - length(ltrim(s.ip || s.fp, '0'))))], lambda p: " + layout + ")[1]";
        const string parts =
            "list_transform([CAST(abs(v) AS VARCHAR)], lambda t: list_transform([struct_pack(" +
            "ip := split_part(split_part(t, 'e', 1), '.', 1), fp := split_part(split_part(t, 'e', 1), '.', 2), " +
            "ex := CASE WHEN contains(t, 'e') THEN CAST(split_part(t, 'e', 2) AS INTEGER) ELSE 0 END)], lambda s: " + digits + ")[1])[1]";
        return $"list_transform([{operand}], lambda v: CASE WHEN isnan(v) THEN 'NaN' " +
            "WHEN isinf(v) THEN (CASE WHEN v > 0 THEN 'Infinity' ELSE '-Infinity' END) " +
            "WHEN v = 0 THEN (CASE WHEN CAST(v AS VARCHAR) LIKE '-%' THEN '-0.0' ELSE '0.0' END) " +
            $"ELSE (CASE WHEN v < 0 THEN '-' ELSE '' END) || {parts} END)[1]";
    }
}

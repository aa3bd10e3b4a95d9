namespace Spark.Connect.Local.Tests.CaseMapping;

/// <summary>
/// Texts with Spark 4's <c>upper</c>, <c>lower</c> and <c>initcap</c> of each (UTF8_BINARY, ICU case mappings,
/// the default), worked out from Spark's rules rather than from our code: ICU's full uppercase
/// (SpecialCasing.txt, <c>ß</c> → <c>SS</c>), simple lowercase with <c>İ</c> → <c>i̇</c> and Final_Sigma, and
/// <c>initcap</c> titlecasing (full mapping) the first character and each one after an ASCII space while lowercasing the
/// rest. Rows marked "Spark's test" are the expectations of Spark's own CollationSupportSuite.
/// </summary>
public static class SparkCaseCases
{
    public sealed record Case(string Name, string Text, string Upper, string Lower, string InitCap)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<Case> All() =>
    [
        new("empty", "", "", "", ""),
        new("ascii", "sPark sql-engine 42", "SPARK SQL-ENGINE 42", "spark sql-engine 42", "Spark Sql-engine 42"),
        new("ascii words start only after a space", "a\tb  two  spaces.x", "A\tB  TWO  SPACES.X", "a\tb  two  spaces.x", "A\tb  Two  Spaces.x"),
        new("sharp s", "straße", "STRASSE", "straße", "Straße"),
        new("sharp s starting a word", "ß ßa", "SS SSA", "ß ßa", "Ss Ssa"),
        new("ligatures (Spark's test)", "ß ﬁ ﬃ ﬀ ﬆ ῗ", "SS FI FFI FF ST \u0399\u0308\u0342", "ß ﬁ ﬃ ﬀ ﬆ ῗ", "Ss Fi Ffi Ff St \u0399\u0308\u0342"),
        new("n preceded by apostrophe", "ŉ", "\u02BCN", "ŉ", "\u02BCN"),
        new("j with caron", "ǰx", "J\u030CX", "ǰx", "J\u030Cx"),
        new("iota with dialytika and tonos", "ΐ", "\u0399\u0308\u0301", "ΐ", "\u0399\u0308\u0301"),
        new("alpha with ypogegrammeni", "ᾳ", "\u0391\u0399", "ᾳ", "\u1FBC"),
        new("alpha with prosgegrammeni", "ᾼ ᾼᾼ", "\u0391\u0399 \u0391\u0399\u0391\u0399", "ᾳ ᾳᾳ", "ᾼ ᾼᾳ"),
        new("alpha with perispomeni and ypogegrammeni", "ᾷ", "\u0391\u0342\u0399", "ᾷ", "\u0391\u0342\u0345"),
        new("combining ypogegrammeni", "\u03B1\u0345", "\u0391\u0399", "\u03B1\u0345", "\u0391\u0345"),
        new("final sigma", "ΟΔΟΣ", "ΟΔΟΣ", "οδος", "Οδος"),
        new("sigmas (Spark's test)", "ΘΑΛΑΣΣΙΝΟΣ θαλασσινοσ", "ΘΑΛΑΣΣΙΝΟΣ ΘΑΛΑΣΣΙΝΟΣ", "θαλασσινος θαλασσινοσ", "Θαλασσινος Θαλασσινοσ"),
        new("lone sigma", "Σ", "Σ", "σ", "Σ"),
        new("sigma before a space and after a digit", "ΑΣ Β 1Σ", "ΑΣ Β 1Σ", "ας β 1σ", "Ας Β 1σ"),
        new("sigma with case-ignorable neighbours", "ΑΣ. Α'Σ ΑΣ.Β 'Σ", "ΑΣ. Α'Σ ΑΣ.Β 'Σ", "ας. α'ς ασ.β 'σ", "Ας. Α'ς Ασ.β 'σ"),
        new("sigma then a digit", "ΑΣ1", "ΑΣ1", "ας1", "Ας1"),
        new("final sigma upper-cases back", "ς", "Σ", "ς", "Σ"),
        new("sigmas after backticks (Spark's test)", "a`Σ`` 1`Σ`` AΣ a`Σ``A", "A`Σ`` 1`Σ`` AΣ A`Σ``A", "a`ς`` 1`σ`` aς a`σ``a", "A`ς`` 1`σ`` Aς A`σ``a"),
        new("modifier letter phi is case-ignorable (Spark's test)", "ΘΑᵩΣ\uFFFDΟᵩΣᵩ\uFFFD", "ΘΑ\u1D69Σ\uFFFDΟ\u1D69Σ\u1D69\uFFFD", "θαᵩς\uFFFDοᵩςᵩ\uFFFD", "Θαᵩς\uFFFDοᵩςᵩ\uFFFD"),
        new("capital I with dot above", "İ", "İ", "i\u0307", "İ"),
        new("dotted I inside words (Spark's test)", "FIDELİO İonic i\u0307o", "FIDELİO İONIC I\u0307O", "fideli\u0307o i\u0307onic i\u0307o", "Fideli\u0307o İonic I\u0307o"),
        new("dotless i", "ıi ı", "II I", "ıi ı", "Ii I"),
        new("long s and kelvin sign", "ſ \u212A", "S \u212A", "ſ k", "S \u212A"),
        new("Cherokee", "\u13A0\uAB70 \u13F8", "\u13A0\u13A0 \u13F0", "\uAB70\uAB70 \u13F8", "\u13A0\uAB70 \u13F0"),
        new("Georgian Mkhedruli titlecases to itself", "\u10E5\u10D0 \u1CA5\u1C90", "\u1CA5\u1C90 \u1CA5\u1C90", "\u10E5\u10D0 \u10E5\u10D0", "\u10E5\u10D0 \u1CA5\u10D0"),
        new("digraphs (Spark's test)", "ǆaba ǈubav Ǌegova ǳǱǲ", "ǄABA ǇUBAV ǊEGOVA ǱǱǱ", "ǆaba ǉubav ǌegova ǳǳǳ", "ǅaba ǈubav ǋegova ǲǳǳ"),
        new("Armenian ligature", "\u0587", "\u0535\u0552", "\u0587", "\u0535\u0582"),
        new("emoji and supplementary letters (Spark's test)", "a🙃B🙃c 𐐭𝔸 😄", "A🙃B🙃C 𐐅𝔸 😄", "a🙃b🙃c 𐐭𝔸 😄", "A🙃b🙃c 𐐅𝔸 😄"),
        new("combining marks stay", "e\u0301 É\u0328", "E\u0301 É\u0328", "e\u0301 é\u0328", "E\u0301 É\u0328"),
        new("accents and CJK (Spark's test)", "aB世De ÄBĆΔE", "AB世DE ÄBĆΔE", "ab世de äbćδe", "Ab世de Äbćδe"),
        new("no-break space does not start a word", "a\u00A0b", "A\u00A0B", "a\u00A0b", "A\u00A0b"),
    ];
}

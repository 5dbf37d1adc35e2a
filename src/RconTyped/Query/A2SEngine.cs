namespace RconTyped.Query;

/// <summary>Which layout an answer used: the Source one (type <c>I</c>) or the GoldSource/obsolete one (type <c>m</c>).</summary>
public enum A2SEngine
{
    /// <summary>Source, Source 2 and the many games that copy its layout (Rust, ARK, Arma, Valheim …).</summary>
    Source,

    /// <summary>GoldSource (Half-Life 1, CS 1.6): the obsolete <c>m</c> INFO layout and 4-bit split headers.</summary>
    GoldSource,
}

namespace RconTyped.Schema;

/// <summary>The C# type a cvar gets, by the rules in docs/schema.md.</summary>
internal enum ConsoleValueType
{
    /// <summary>Not known from the input (a Source 1 dump prints every value as a number): <c>RconValue</c>.</summary>
    Unknown,

    /// <summary><c>bool</c>, sent as 1 or 0.</summary>
    Bool,

    /// <summary><c>int</c>.</summary>
    Int,

    /// <summary><c>double</c>.</summary>
    Float,

    /// <summary><c>string</c>, sent quoted.</summary>
    String,

    /// <summary>A generated enum over integer values.</summary>
    Enum,
}

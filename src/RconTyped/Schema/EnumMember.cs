namespace RconTyped.Schema;

/// <summary>One named value of an enum cvar.</summary>
internal sealed record EnumMember(string Name, long Value, string Description);

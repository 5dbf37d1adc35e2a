namespace RconTyped;

/// <summary>Chat: <c>say "…"</c> (everyone) or <c>say_team "…"</c> (the team only).</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who spoke (the console is a player named Console).</param>
/// <param name="Message">The message, as printed (quotes inside kept).</param>
/// <param name="TeamOnly">True for <c>say_team</c>.</param>
public sealed record PlayerSayEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string Message, bool TeamOnly) : LogEvent(Timestamp, Raw);

namespace RconTyped.Testing;

/// <summary>One command of a recorded session and the server's answer, exactly as received.</summary>
/// <param name="Command">The command line sent.</param>
/// <param name="Response">The answer's body bytes, as received (null when the command got no answer).</param>
/// <param name="Started">When the command was sent, from the start of the session.</param>
/// <param name="Duration">How long the answer took.</param>
public sealed record RecordedExchange(string Command, byte[]? Response, TimeSpan Started, TimeSpan Duration);

namespace RconTyped;

/// <summary><c>rcon from "1.2.3.4:5": command "status"</c>, or <c>Bad Rcon: …</c>. Any password in it is replaced by <c>***</c>, in <see cref="LogEvent.Raw"/> too.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Address">Where the command came from.</param>
/// <param name="Command">The command, passwords redacted.</param>
/// <param name="IsRejected">True for <c>Bad Rcon</c> (a wrong password).</param>
public sealed record RconCommandEvent(DateTime? Timestamp, string Raw, string Address, string Command, bool IsRejected) : LogEvent(Timestamp, Raw);

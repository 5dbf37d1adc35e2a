namespace RconTyped.Logs;

/// <summary><c>rcon from "1.2.3.4:5": command "status"</c>, or <c>Bad Rcon: …</c>. Any password in it is replaced by <c>***</c>, in <see cref="LogEvent.Raw"/> too.</summary>
public sealed class RconCommandEvent : LogEvent
{
    internal RconCommandEvent(LogLineHead head, string address, string command, bool isRejected)
        : base(head)
    {
        Address = address;
        Command = command;
        IsRejected = isRejected;
    }

    /// <summary>Where the command came from.</summary>
    public string Address { get; }

    /// <summary>The command, passwords redacted.</summary>
    public string Command { get; }

    /// <summary>True for <c>Bad Rcon</c> and <c>Bad Password</c> (a wrong password).</summary>
    public bool IsRejected { get; }
}

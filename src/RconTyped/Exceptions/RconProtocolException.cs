namespace RconTyped;

/// <summary>The peer sent bytes that break the protocol. A client closes the connection when it sees this: the stream cannot be trusted.</summary>
public class RconProtocolException : RconException
{
    /// <summary>Creates an exception for a broken rule.</summary>
    public RconProtocolException(RconProtocolViolation violation, string message)
        : base(message)
    {
        Violation = violation;
    }

    /// <summary>The rule that was broken.</summary>
    public RconProtocolViolation Violation { get; }
}

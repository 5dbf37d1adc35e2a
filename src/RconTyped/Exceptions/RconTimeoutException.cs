namespace RconTyped;

/// <summary>
/// A command got no (complete) answer in time. The connection stays usable: a late answer is
/// discarded when it arrives and never handed to another command.
/// </summary>
public class RconTimeoutException : RconException
{
    /// <summary>Creates an exception with a message.</summary>
    public RconTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The time that ran out.</summary>
    public TimeSpan Timeout { get; }
}

namespace RconTyped;

/// <summary>
/// Authentication failed. RconTyped never retries authentication by itself: servers ban addresses
/// after repeated failures.
/// </summary>
public class RconAuthenticationException : RconException
{
    /// <summary>Creates an exception for a failure of the given kind.</summary>
    public RconAuthenticationException(RconAuthenticationFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>What kind of failure this is.</summary>
    public RconAuthenticationFailure Failure { get; }
}

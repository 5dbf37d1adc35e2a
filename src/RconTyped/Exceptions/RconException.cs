namespace RconTyped;

/// <summary>The base of every error RconTyped raises about a server or the protocol. Messages never contain a password.</summary>
public class RconException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public RconException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public RconException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

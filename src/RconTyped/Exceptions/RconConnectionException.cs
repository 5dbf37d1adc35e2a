namespace RconTyped;

/// <summary>The connection could not be made, or was lost; the client is closed and every waiting command fails with this.</summary>
public class RconConnectionException : RconException
{
    /// <summary>Creates an exception with a message.</summary>
    public RconConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public RconConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

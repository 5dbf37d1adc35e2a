namespace RconTyped;

/// <summary>A typed call got an answer it cannot read: the cvar is unknown to the server, or its value does not fit the type.</summary>
public class RconUnexpectedAnswerException : RconException
{
    /// <summary>Creates an exception with a message and, optionally, the parser's error.</summary>
    public RconUnexpectedAnswerException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

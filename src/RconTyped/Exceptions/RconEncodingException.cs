namespace RconTyped;

/// <summary>
/// An answer's bytes are not valid in the configured encoding. The raw bytes are always available
/// through <see cref="RconClient.ExecuteRawAsync"/> and <see cref="RconResponse.Body"/>.
/// </summary>
public class RconEncodingException : RconException
{
    /// <summary>Creates an exception with a message and the decoder's error.</summary>
    public RconEncodingException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

namespace RconTyped.Testing;

/// <summary>A file is not a recording this version can read: corrupt, truncated, another format, or a newer version.</summary>
public sealed class RecordingFormatException : Exception
{
    /// <summary>Creates the exception with what is wrong and the file it concerns.</summary>
    public RecordingFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

namespace RconTyped;

/// <summary>A reconnection attempt about to start.</summary>
public sealed class RconReconnectEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public RconReconnectEventArgs(int attempt, TimeSpan delay, Exception? lastError)
    {
        Attempt = attempt;
        Delay = delay;
        LastError = lastError;
    }

    /// <summary>The attempt's number, from 1.</summary>
    public int Attempt { get; }

    /// <summary>The wait before it.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Why the connection was lost, or why the previous attempt failed.</summary>
    public Exception? LastError { get; }
}

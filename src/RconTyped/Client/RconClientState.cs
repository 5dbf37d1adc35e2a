namespace RconTyped;

/// <summary>Where an <see cref="RconClient"/> is in its life; the public Is* properties derive from it.</summary>
internal enum RconClientState
{
    /// <summary>Created; <see cref="RconClient.ConnectAsync"/> not called yet.</summary>
    Created,

    /// <summary>The transport is being opened.</summary>
    Connecting,

    /// <summary>Connected, not (or no longer) authenticated.</summary>
    Connected,

    /// <summary>Authenticated: commands may run.</summary>
    Authenticated,

    /// <summary>The connection dropped and the reconnection policy is at work.</summary>
    Reconnecting,

    /// <summary>Closed for good: by the caller, the server, a protocol error, or a failed reconnection.</summary>
    Closed,
}

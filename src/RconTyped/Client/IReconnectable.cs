namespace RconTyped;

/// <summary>What the <see cref="ReconnectionSupervisor"/> may do to the client it works for.</summary>
internal interface IReconnectable
{
    /// <summary>The password that authenticated the lost connection (kept in memory only, with a reconnection policy).</summary>
    string? Password { get; }

    /// <summary>Makes a new connection over <paramref name="stream"/> the client's current one; null (stream disposed) once the client is closed.</summary>
    RconConnection? Install(Stream stream);

    /// <summary>The new connection authenticated: commands may run again.</summary>
    void OnReconnected(RconConnection connection, RconDialect dialect);

    /// <summary>Closes the client for good.</summary>
    void Close(string reason, Exception failure);

    void RaiseReconnecting(RconReconnectEventArgs args);

    void RaiseReconnected();
}

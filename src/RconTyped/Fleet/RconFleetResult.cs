namespace RconTyped;

/// <summary>What one server of a fleet answered, or why it did not.</summary>
/// <param name="Server">The server's address.</param>
/// <param name="Response">The answer, when the command ran.</param>
/// <param name="Error">The failure (connection, authentication, timeout …), when it did not.</param>
public sealed record RconFleetResult(string Server, string? Response, Exception? Error)
{
    /// <summary>True when the server answered.</summary>
    public bool Succeeded => Error is null;

    /// <summary>True when the answer arrived cut short (<see cref="RconResponse.IsTruncated"/>).</summary>
    public bool IsTruncated { get; init; }

    /// <summary>The parsed players, for <see cref="RconFleet.GetStatusAsync"/>; null otherwise.</summary>
    public ServerStatus? Status { get; init; }

    /// <summary>The server's A2S_INFO answer, from <see cref="RconFleet.QueryInfoAsync"/>; null otherwise or on failure.</summary>
    public Query.ServerInfo? Info { get; init; }
}

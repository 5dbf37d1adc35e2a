using RconTyped.Logs;

namespace RconTyped.AspNetCore;

/// <summary>Points a CS2 server's HTTP log at a <see cref="RconHttpLogListener"/> through RCON.</summary>
public static class RconHttpLogStreamExtensions
{
    /// <summary>
    /// Sends <c>logaddress_add_http "URL"</c> with <paramref name="listener"/>'s <see cref="RconHttpLogListener.Uri"/> (its
    /// secret in the path), then <c>log on</c>. Dispose the result to send <c>logaddress_delall_http</c>.
    /// </summary>
    /// <param name="client">A connected, authenticated client.</param>
    /// <param name="listener">A started listener.</param>
    /// <param name="reachableAt">The URL to give the server instead of the listener's (behind NAT or a proxy).</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <exception cref="InvalidOperationException">The listener is not started.</exception>
    /// <exception cref="RconException">A command failed.</exception>
    public static Task<RconLogStream> StartHttpLogStreamAsync(this RconClient client, RconHttpLogListener listener, Uri? reachableAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return client.StartHttpLogStreamAsync(reachableAt ?? listener.Uri, cancellationToken);
    }
}

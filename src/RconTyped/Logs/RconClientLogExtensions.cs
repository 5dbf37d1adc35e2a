using System.Globalization;
using System.Net;

namespace RconTyped.Logs;

/// <summary>Points a server's log at a listener through RCON.</summary>
public static class RconClientLogExtensions
{
    /// <summary>
    /// Sends <c>logaddress_add IP:PORT</c> with the address the server can reach <paramref name="listener"/> at, then
    /// <c>log on</c>. Dispose the result to send <c>logaddress_del</c>. Set <c>sv_logsecret</c> on the server (server.cfg)
    /// to the listener's <see cref="RconLogListenerOptions.Secret"/>.
    /// </summary>
    /// <param name="client">A connected, authenticated client.</param>
    /// <param name="listener">A started listener.</param>
    /// <param name="reachableAt">
    /// The address to give the server. Default: the listener's own, or when it listens on every address, the address the
    /// server sees the client from with the listener's port (right when both run on the same machine, or NAT forwards that port).
    /// </param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <exception cref="InvalidOperationException">The listener is not started, or the reachable address cannot be told.</exception>
    /// <exception cref="RconException">A command failed.</exception>
    public static async Task<RconLogStream> StartLogStreamAsync(this RconClient client, RconLogListener listener, IPEndPoint? reachableAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(listener);
        IPEndPoint target = RconLogStream.Reachable(client, listener.EndPoint, reachableAt);
        string address = string.Create(CultureInfo.InvariantCulture, $"{target.Address}:{target.Port}");
        await client.ExecuteAsync("logaddress_add " + address, cancellationToken).ConfigureAwait(false);
        await client.ExecuteAsync("log on", cancellationToken).ConfigureAwait(false);
        return new RconLogStream(client, address, "logaddress_del " + address);
    }

    /// <summary>
    /// Sends <c>logaddress_add_http "URL"</c> with <paramref name="listener"/>'s URL (its secret in the path), then
    /// <c>log on</c>: the CS2 form. Dispose the result to send <c>logaddress_delall_http</c>, which removes every HTTP address
    /// of the server (CS2 has no command to remove one).
    /// </summary>
    /// <param name="client">A connected, authenticated client.</param>
    /// <param name="listener">A started listener.</param>
    /// <param name="reachableAt">The URL to give the server instead of the listener's (behind NAT or a proxy).</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <exception cref="RconException">A command failed.</exception>
    public static async Task<RconLogStream> StartHttpLogStreamAsync(this RconClient client, RconHttpLogListener listener, Uri? reachableAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(listener);
        string url = (reachableAt ?? listener.Uri).ToString();
        if (url.Contains('"', StringComparison.Ordinal))
        {
            throw new ArgumentException("A log URL cannot contain a double quote.", nameof(reachableAt));
        }

        await client.ExecuteAsync($"logaddress_add_http \"{url}\"", cancellationToken).ConfigureAwait(false);
        await client.ExecuteAsync("log on", cancellationToken).ConfigureAwait(false);
        return new RconLogStream(client, url, "logaddress_delall_http");
    }
}

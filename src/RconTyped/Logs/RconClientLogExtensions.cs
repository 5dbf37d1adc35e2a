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
    /// Sends <c>logaddress_add_http "URL"</c> then <c>log on</c>: the CS2 form. The URL is a listener's (RconTyped.AspNetCore's
    /// <c>RconHttpLogListener.Uri</c>, or the address of an app that maps <c>MapRconLogs</c>), its secret in the path. Dispose
    /// the result to send <c>logaddress_delall_http</c>, which removes every HTTP address of the server (CS2 has no command
    /// to remove one).
    /// </summary>
    /// <param name="client">A connected, authenticated client.</param>
    /// <param name="url">The URL the server posts to, as the server can reach it.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <exception cref="ArgumentException">The URL holds a double quote, which would end the command's argument.</exception>
    /// <exception cref="RconException">A command failed.</exception>
    public static async Task<RconLogStream> StartHttpLogStreamAsync(this RconClient client, Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(url);
        string text = url.ToString();
        if (text.Contains('"', StringComparison.Ordinal))
        {
            throw new ArgumentException("A log URL cannot contain a double quote.", nameof(url));
        }

        await client.ExecuteAsync($"logaddress_add_http \"{text}\"", cancellationToken).ConfigureAwait(false);
        await client.ExecuteAsync("log on", cancellationToken).ConfigureAwait(false);
        return new RconLogStream(client, text, "logaddress_delall_http");
    }
}

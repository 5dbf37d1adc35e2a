namespace RconTyped;

/// <summary>One-call helpers, like python-valve's <c>valve.rcon.execute()</c>.</summary>
public static class Rcon
{
    /// <summary>
    /// Connects, authenticates, runs one command and closes: a new temporary connection for every call.
    /// To run several commands, keep an <see cref="RconClient"/> instead.
    /// </summary>
    /// <param name="address"><c>host</c>, <c>host:port</c> or <c>[IPv6]:port</c>; the port defaults to 27015.</param>
    /// <param name="password">The RCON password.</param>
    /// <param name="command">The command line.</param>
    /// <param name="options">Client settings; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the whole exchange.</param>
    /// <returns>The command's whole answer.</returns>
    /// <exception cref="FormatException"><paramref name="address"/> is not an address.</exception>
    /// <exception cref="RconConnectionException">The server cannot be reached.</exception>
    /// <exception cref="RconAuthenticationException">The password is wrong, or the server closed the connection (a ban, usually).</exception>
    /// <exception cref="RconTimeoutException">An answer did not come in time.</exception>
    public static async Task<string> ExecuteAsync(string address, string password, string command, RconClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(command);
        (string host, int port) = RconAddress.Parse(address);
        await using var client = new RconClient(host, port, options);
        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await client.AuthenticateAsync(password, cancellationToken).ConfigureAwait(false);
        return await client.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
    }
}

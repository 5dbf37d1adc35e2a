using RconTyped.Logs;

namespace RconTyped;

/// <summary>
/// The base of generated typed server APIs: <c>[RconSchema("cs2.cvarlist.txt")] public partial class Cs2Server : RconServer { }</c>.
/// The raw <see cref="ExecuteAsync"/> is always there as the fallback.
/// </summary>
public abstract class RconServer
{
    /// <summary>Binds the typed API to a connected, authenticated client.</summary>
    protected RconServer(RconClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    /// <summary>The client commands go through.</summary>
    public RconClient Client { get; }

    /// <summary>Runs any console command and returns its whole answer.</summary>
    public virtual Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default) =>
        Client.ExecuteAsync(command, cancellationToken);

    /// <summary>
    /// Sends the dialect's player-list command (<see cref="RconDialect.StatusCommand"/>: <c>status</c> for Source and CS2,
    /// <c>list</c> for Minecraft, <c>ShowPlayers</c> for Palworld, <c>ListPlayers</c> for ARK and Squad) and parses the
    /// answer with <see cref="ServerStatus.Parse"/>; <see cref="ServerStatus.IsTruncated"/> says whether it arrived whole.
    /// </summary>
    /// <exception cref="RconException">The command failed (not connected, timed out, connection lost).</exception>
    public virtual Task<ServerStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Client.GetStatusAsync(cancellationToken);

    /// <summary>
    /// Points the server's log at <paramref name="listener"/> (<c>logaddress_add</c>, <c>log on</c>); dispose the result to
    /// remove it. See <see cref="RconClientLogExtensions.StartLogStreamAsync"/>.
    /// </summary>
    /// <exception cref="RconException">A command failed.</exception>
    public Task<RconLogStream> StartLogStreamAsync(RconLogListener listener, System.Net.IPEndPoint? reachableAt = null, CancellationToken cancellationToken = default) =>
        Client.StartLogStreamAsync(listener, reachableAt, cancellationToken);

    /// <summary>The players of <see cref="GetStatusAsync"/>: bots included, in the order the server prints them.</summary>
    /// <exception cref="RconException">The command failed.</exception>
    public async Task<IReadOnlyList<PlayerInfo>> GetPlayersAsync(CancellationToken cancellationToken = default) =>
        (await GetStatusAsync(cancellationToken).ConfigureAwait(false)).Players;

    /// <summary>
    /// Runs a command with arguments, each quoted when needed so it stays one argument; null arguments (omitted
    /// optional parameters) are left out. Generated command methods call this.
    /// </summary>
    /// <exception cref="ArgumentException">An argument contains a double quote or a line break.</exception>
    protected Task<string> InvokeCommandAsync(string name, IReadOnlyList<string?> arguments, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(arguments);
        var line = new System.Text.StringBuilder(name);
        foreach (string? argument in arguments)
        {
            if (argument is not null)
            {
                line.Append(' ').Append(RconValueFormat.QuoteArgument(argument));
            }
        }

        return ExecuteAsync(line.ToString(), cancellationToken);
    }

    /// <summary>
    /// Runs a command as <see cref="InvokeCommandAsync(string, IReadOnlyList{string?}, CancellationToken)"/> does and reads
    /// its answer with <paramref name="parse"/>. Generated methods of commands whose schema declares an answer call this.
    /// </summary>
    /// <exception cref="ArgumentException">An argument contains a double quote or a line break.</exception>
    protected async Task<TAnswer> InvokeCommandAsync<TAnswer>(string name, IReadOnlyList<string?> arguments, Func<string, TAnswer> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse(await InvokeCommandAsync(name, arguments, cancellationToken).ConfigureAwait(false));
    }
}

namespace RconTyped.Testing;

/// <summary>The emulated server's former name, kept so existing tests compile: use <see cref="EmulatedServer"/>.</summary>
[Obsolete("EmulatedSourceServer is now EmulatedServer (it plays nine games, not only Source); this alias will be removed in a later version.")]
public sealed class EmulatedSourceServer : EmulatedServer
{
    private EmulatedSourceServer(EmulatedServerOptions options)
        : base(options)
    {
    }

    /// <summary>Starts a server (as <see cref="EmulatedServer.Start"/>) under the former name.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    public static new EmulatedSourceServer Start(EmulatedServerOptions? options = null) => new(options ?? new EmulatedServerOptions());
}

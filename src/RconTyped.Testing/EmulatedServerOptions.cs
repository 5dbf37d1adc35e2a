using System.Text;

namespace RconTyped.Testing;

/// <summary>Settings of an <see cref="EmulatedServer"/>.</summary>
public sealed class EmulatedServerOptions
{
    /// <summary>The RCON password (rcon_password). Empty refuses every authentication, as srcds does. Default <c>"test-password"</c>.</summary>
    public string Password { get; set; } = "test-password";

    /// <summary>The port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Which server to behave like. Default <see cref="EmulatedServerMode.Source"/>.</summary>
    public EmulatedServerMode Mode { get; set; } = EmulatedServerMode.Source;

    /// <summary>The text of a <c>cvarlist</c> dump to load the console from; null for the built-in defaults.</summary>
    public string? CvarList { get; set; }

    /// <summary>Failed authentications from one address before it is banned (sv_rcon_maxfailures); 0 never bans. Default 10.</summary>
    public int MaxAuthFailures { get; set; } = 10;

    /// <summary>The largest request packet accepted, in bytes on the wire (sv_rcon_maxpacketsize); a larger one drops the connection. Default 1024 in Source mode, 4096 in CS2 mode.</summary>
    public int? MaxRequestPacketLength { get; set; }

    /// <summary>Whether an oversized request also bans the address (sv_rcon_maxpacketbans). Default true.</summary>
    public bool BanOnOversizedRequest { get; set; } = true;

    /// <summary>The body size at which Source mode splits an answer into several packets. Default 4096.</summary>
    public int SplitSize { get; set; } = 4096;

    /// <summary>The encoding of answers. Default UTF-8; Latin-1 lets tests produce bytes that are not valid UTF-8.</summary>
    public Encoding Encoding { get; set; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// When set, answers every command line instead of the console: the answer's bytes, or null for no answer.
    /// <see cref="ReplayServer"/> uses it to answer from a recording.
    /// </summary>
    public Func<string, byte[]?>? Responder { get; set; }

    /// <summary>Commands per connection in 30 seconds before <see cref="EmulatedServerMode.ConanExiles"/> answers <c>42</c> and closes. Default 10.</summary>
    public int RateLimit { get; set; } = 10;

    /// <summary>The clock behind the games' time rules (Conan Exiles' 30-second rate window); a <c>FakeTimeProvider</c> in tests. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The players on the server when it starts (<see cref="EmulatedPlayer.DefaultRoster"/> unless changed: clear it for an
    /// empty server). Change the roster of a running server through <see cref="ServerConsole.AddPlayer"/> and
    /// <see cref="ServerConsole.RemovePlayer(string)"/>.
    /// </summary>
    public IList<EmulatedPlayer> Players { get; } = [.. EmulatedPlayer.DefaultRoster];

    /// <summary>
    /// When set, the server plays a scripted round (<see cref="ServerConsole.PlayRound"/>) this often, so a log listener
    /// pointed at it (<c>logaddress_add</c>, <c>log on</c>) sees a live match. Default null: no rounds.
    /// </summary>
    public TimeSpan? MatchRoundInterval { get; set; }

    /// <summary>Faults to inject.</summary>
    public FaultInjection Faults { get; } = new();

    /// <summary>How the server answers Steam server queries (A2S) on UDP at its port; may be changed while it runs.</summary>
    public EmulatedQueryOptions Query { get; } = new();

    /// <summary>
    /// When true, every packet goes out in its own write, with <see cref="PacketPause"/> between the packets of one answer, as
    /// real servers send them. Clients that read one packet per socket read (python3-rcon, rcon-srcds) need this; by
    /// default the emulator writes everything it has in one write, like a busy server.
    /// </summary>
    public bool WritePerPacket { get; set; }

    /// <summary>The pause between packets with <see cref="WritePerPacket"/>; 5 ms by default.</summary>
    public TimeSpan PacketPause { get; set; } = TimeSpan.FromMilliseconds(5);
}

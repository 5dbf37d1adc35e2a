using System.Globalization;
using System.Text;
using RconTyped.Protocol;

namespace RconTyped.Testing.Games;

/// <summary>
/// What one game does: the commands its console answers, in its own output format, and its wire rules, as hooks the
/// shared request handling calls (<see cref="EmulatedRequestHandler"/>). The defaults are Source 1 srcds's, read from
/// the game's row of <see cref="EmulatedGame.All"/>; a game overrides what it does differently. The socket loop
/// (<see cref="EmulatedConnection"/>) knows none of this.
/// </summary>
internal abstract class GameBehaviour
{
    private static readonly byte[] MirrorTrailer = [0x00, 0x01, 0x00, 0x00];

    /// <summary>The game's row of the table: its dialect and wire facts.</summary>
    public EmulatedGame Game { get; internal set; } = null!;

    /// <summary>Adds this game's commands to a new console.</summary>
    public abstract void AddCommands(ServerConsole console);

    /// <summary>Whether the game reads one packet per read and closes the connection when more arrived (Minecraft).</summary>
    public virtual bool ReadsOnePacketPerRead => false;

    /// <summary>Queues the answer to an authentication: srcds sends an empty RESPONSE_VALUE first, then AUTH_RESPONSE with the id or -1.</summary>
    public virtual void AnswerAuthentication(int id, bool accepted, EmulatedSession session)
    {
        if (Game.SendsEmptyBeforeAuthentication)
        {
            session.Answer(id, []);
        }

        session.Queue(accepted ? id : -1, RconPacketType.AuthResponse, []);
    }

    /// <summary>Queues the answer to a command before authentication: AUTH_RESPONSE -1, as srcds does.</summary>
    public virtual void AnswerUnauthenticated(int id, EmulatedSession session) => session.Queue(-1, RconPacketType.AuthResponse, []);

    /// <summary>
    /// A packet that is neither AUTH nor EXECCOMMAND. Source 1 mirrors an empty RESPONSE_VALUE (the end marker of the
    /// mirror technique) and adds the 00 01 00 00 trailer, unless it ends a command that was not answered; the others
    /// ignore it.
    /// </summary>
    public virtual void AnswerOtherPacket(RconPacketHeader header, EmulatedSession session)
    {
        if (header.Type != RconPacketType.ResponseValue || !Game.MirrorsEmptyPacket)
        {
            return;
        }

        if (session.MirrorsToSwallow > 0)
        {
            // The end marker of an unanswered command: the whole exchange stays silent.
            session.MirrorsToSwallow--;
            return;
        }

        for (int i = 0; i < MirrorConfirmations; i++)
        {
            session.Answer(header.Id, []);
        }

        session.Answer(header.Id, MirrorTrailer);
    }

    /// <summary>How many empty packets confirm a mirrored one before the trailer (Squad sends two).</summary>
    protected virtual int MirrorConfirmations => 1;

    /// <summary>What the game answers to a command over its rate limit (the connection then closes), or null: no limit, or under it.</summary>
    public virtual string? RateLimitAnswer(EmulatedSession session) => null;

    /// <summary>What the game sends for a command whose output is empty (ARK's "Server received, But no response!!").</summary>
    public virtual byte[] AnswerBody(byte[] output, EmulatedSession session) => output;

    /// <summary>A packet the game sends before each answer (Squad's chat, Rust's stray packet), or null.</summary>
    public virtual OutgoingPacket? PacketBeforeAnswer(Encoding encoding) => null;

    /// <summary>Queues a command's answer: split into packets of <see cref="EmulatedServerOptions.SplitSize"/> bytes when the game mirrors, else one packet.</summary>
    public virtual void QueueAnswer(int id, byte[] body, EmulatedSession session)
    {
        int split = session.Options.SplitSize;
        if (Game.MirrorsEmptyPacket && body.Length > split)
        {
            for (int offset = 0; offset < body.Length; offset += split)
            {
                session.Answer(id, body[offset..Math.Min(body.Length, offset + split)]);
            }

            return;
        }

        session.Answer(id, body);
    }

    /// <summary>A value as <c>cvarlist</c> prints it (Source 1 prints numbers).</summary>
    public virtual string CvarListValue(string value) => value;

    /// <summary>One row of <c>cvarlist</c>: the Source 2 layout unless a game prints another.</summary>
    public virtual string CvarListRow(string name, string value, IReadOnlyList<string> flags, string description) =>
        string.Create(CultureInfo.InvariantCulture, $"{name,-80} : {value,-16} : {string.Join(", ", flags),-32} : {description}\n");

    /// <summary>The answer to a bare cvar name, or null for srcds's one-line form (<c>"name" = "value" ( def. … )</c>).</summary>
    public virtual string? DescribeVariable(ConsoleVariable variable) => null;
}

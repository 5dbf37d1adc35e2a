using RconTyped.Protocol;
using RconTyped.Testing.Games;

namespace RconTyped.Testing;

/// <summary>
/// What the emulated server does with one request packet, by packet type: authentication, commands, and anything else,
/// with each game's rules coming from its <see cref="GameBehaviour"/> hooks. Answers are queued on the
/// <see cref="EmulatedSession"/>; the socket loop writes them.
/// </summary>
internal sealed class EmulatedRequestHandler(EmulatedServer server, GameBehaviour game, EmulatedSession session, System.Net.IPAddress address)
{
    private EmulatedServerOptions Options => server.Options;

    /// <summary>Handles one packet; false when the connection must close (after what is queued is written).</summary>
    /// <param name="header">The packet's id and type.</param>
    /// <param name="body">Its body.</param>
    /// <param name="flushAsync">Writes what is queued now (before a delay, or a verdict that must arrive before a close); false when the connection must close.</param>
    /// <param name="stopping">The server is stopping.</param>
    public async ValueTask<bool> HandleAsync(RconPacketHeader header, byte[] body, Func<ValueTask<bool>> flushAsync, CancellationToken stopping)
    {
        if (header.Type == RconPacketType.Auth)
        {
            return await AuthenticateAsync(header.Id, body, flushAsync).ConfigureAwait(false);
        }

        if (header.Type == RconPacketType.ExecCommand)
        {
            if (!session.Authenticated)
            {
                game.AnswerUnauthenticated(header.Id, session);
                return true;
            }

            return await ExecuteAsync(header.Id, body, flushAsync, stopping).ConfigureAwait(false);
        }

        game.AnswerOtherPacket(header, session);
        return true;
    }

    private async ValueTask<bool> AuthenticateAsync(int id, byte[] body, Func<ValueTask<bool>> flushAsync)
    {
        string attempt = Options.Encoding.GetString(body);
        bool accepted = Options.Password.Length > 0 && attempt == Options.Password;
        game.AnswerAuthentication(id, accepted, session);

        // The failure is counted before the verdict goes out, so a client that has read it sees the ban in place.
        bool banned = !accepted && server.RecordAuthFailure(address);
        if (!await flushAsync().ConfigureAwait(false))
        {
            return false;
        }

        if (!accepted)
        {
            // srcds closes the connection of an address it has just banned.
            return !banned;
        }

        session.Authenticated = true;
        return !Options.Faults.CloseAfterAuthentication;
    }

    private async ValueTask<bool> ExecuteAsync(int id, byte[] body, Func<ValueTask<bool>> flushAsync, CancellationToken stopping)
    {
        string line = Options.Encoding.GetString(body);
        if (game.RateLimitAnswer(session) is { } rateLimitAnswer)
        {
            session.Answer(id, Options.Encoding.GetBytes(rateLimitAnswer));
            return false;
        }

        if (Options.Faults.ResponseDelay > TimeSpan.Zero)
        {
            if (!await flushAsync().ConfigureAwait(false))
            {
                return false;
            }

            await Task.Delay(Options.Faults.ResponseDelay, stopping).ConfigureAwait(false);
        }

        byte[]? output = Options.Responder is { } responder
            ? responder(line)
            : server.Console.Execute(line) is { } text ? Options.Encoding.GetBytes(text) : null;
        string firstWord = Schema.ConsoleLine.SplitWords(line).FirstOrDefault() ?? string.Empty;
        if (output is null || Options.Faults.UnansweredCommands.Contains(firstWord))
        {
            session.MirrorsToSwallow++;
            return true;
        }

        if (game.PacketBeforeAnswer(Options.Encoding) is { } before)
        {
            session.Outbox.Add(before);
        }

        game.QueueAnswer(id, game.AnswerBody(output, session), session);
        return true;
    }
}

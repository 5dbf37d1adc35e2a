using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using RconTyped.Protocol;
using RconTyped.Testing.Games;

namespace RconTyped.Testing;

/// <summary>
/// One client connection of the emulated server, and only its socket loop: read packets, hand each to the
/// <see cref="EmulatedRequestHandler"/>, write what it queued. What each game does lives in its
/// <see cref="GameBehaviour"/>; the loop ends in one place, its <c>finally</c>.
/// </summary>
internal sealed class EmulatedConnection
{
    private readonly EmulatedServer _server;
    private readonly Stream _stream;
    private readonly IPAddress _address;

    /// <summary>A connection over a stream: a TCP connection's, or one end of an in-memory pair.</summary>
    /// <param name="server">The server it belongs to.</param>
    /// <param name="stream">The connection's bytes; the connection disposes it when it ends.</param>
    /// <param name="address">The client's address, for bans.</param>
    public EmulatedConnection(EmulatedServer server, Stream stream, IPAddress address)
    {
        _server = server;
        _stream = stream;
        _address = address.MapToIPv4();
    }

    public void Abort() => _stream.Dispose();

    public async Task RunAsync(CancellationToken stopping)
    {
        PipeReader? reader = null;
        try
        {
            if (_server.IsBanned(_address))
            {
                // srcds refuses banned addresses: the connection is dropped before anything is said.
                return;
            }

            EmulatedServerOptions options = _server.Options;
            GameBehaviour game = _server.Console.Behaviour;
            var session = new EmulatedSession(options);
            var writer = new EmulatedPacketWriter(_stream, options);
            var handler = new EmulatedRequestHandler(_server, game, session, _address);
            Func<ValueTask<bool>> flush = () => writer.FlushAsync(session.Outbox, stopping);
            int maxRequest = options.MaxRequestPacketLength ?? game.Game.MaxRequestPacketLength;
            reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
            while (true)
            {
                ReadResult result = await reader.ReadAsync(stopping).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = result.Buffer;
                while (true)
                {
                    RconDecodeStatus status;
                    RconPacketHeader header;
                    ReadOnlySequence<byte> body;
                    SequencePosition end;
                    try
                    {
                        status = RconCodec.Decode(buffer, out header, out body, out end, maxRequest - RconCodec.SizeFieldLength);
                    }
                    catch (RconProtocolException e)
                    {
                        if (e.Violation == RconProtocolViolation.SizeTooLarge && options.BanOnOversizedRequest)
                        {
                            _server.Ban(_address);
                        }

                        return;
                    }

                    if (status == RconDecodeStatus.NeedMoreData)
                    {
                        break;
                    }

                    byte[] bodyBytes = body.ToArray();
                    buffer = buffer.Slice(end);
                    if (game.ReadsOnePacketPerRead && !buffer.IsEmpty)
                    {
                        return;
                    }

                    if (!await handler.HandleAsync(header, bodyBytes, flush, stopping).ConfigureAwait(false))
                    {
                        await flush().ConfigureAwait(false);
                        return;
                    }
                }

                // Answers go out once every request received so far is handled, as a busy server's do.
                if (!await flush().ConfigureAwait(false))
                {
                    return;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            // The loop ends here whatever ended it: the reader is completed (its buffers go back to the pool), then the stream closes.
            if (reader is not null)
            {
                await reader.CompleteAsync().ConfigureAwait(false);
            }

            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}

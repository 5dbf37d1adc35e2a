using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using RconTyped.Logging;
using RconTyped.Protocol;

namespace RconTyped;

/// <summary>The read side: one loop that decodes packets, routes each to its command, and always ends in one place.</summary>
internal sealed partial class RconConnection
{
    private readonly List<PendingCommand> _staged = [];
    private bool _rateLimited;
    private bool _sawIdZeroAnswers;
    private int _ended;

    private async Task ReadLoopAsync()
    {
        string reason = "the server closed the connection";
        Exception? failure = null;
        using ShortPacketWatch? shortPackets = _dialect.ShortPacketWait is { } wait ? new ShortPacketWatch(_reader, wait, _settings.Time) : null;
        try
        {
            while (true)
            {
                ReadResult result = await _reader.ReadAsync().ConfigureAwait(false);
                if (Volatile.Read(ref _abort) is not null || !OnRead(result, shortPackets, ref reason))
                {
                    break;
                }
            }
        }
        catch (RconProtocolException e)
        {
            failure = e;
            reason = e.Message;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reason = $"the connection failed: {e.Message}";
        }
        catch (Exception e)
        {
            // A fault of ours: the connection cannot be trusted to be in step any more. Said once, never a silent stop.
            reason = $"the client failed reading the connection ({e.GetType().Name}: {e.Message})";
            failure = RconErrors.ConnectionLost(_settings.Display, reason, e);
            if (_settings.Logger is not null)
            {
                Log.ReadLoopFailed(_settings.Logger, _settings.Display, e);
            }
        }
        finally
        {
            // Answers already claimed still reach their callers; everything else fails with the reason.
            CompletedCommands.Deliver(_staged);
            try
            {
                await _reader.CompleteAsync().ConfigureAwait(false);
                await _stream.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // A transport that fails to close is closed as far as this connection is concerned.
            }
            finally
            {
                Finish(reason, failure);
            }
        }
    }

    /// <summary>
    /// One read's packets: decoded, routed, the buffer advanced, the finished answers handed over. False when the server
    /// closed the connection (<paramref name="reason"/> says how). A method of its own, compiled optimised from its first
    /// call: the async loop around it stays at tier 0 until tiering reaches it, and on one CPU that takes seconds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool OnRead(in ReadResult result, ShortPacketWatch? shortPackets, ref string reason)
    {
        ReadOnlySequence<byte> buffer = result.Buffer;
        while (RconCodec.Decode(buffer, out RconPacketHeader header, out ReadOnlySequence<byte> body, out SequencePosition end, _settings.MaxPacketSize) == RconDecodeStatus.Complete)
        {
            OnPacket(header, body);
            buffer = buffer.Slice(end);
        }

        if (shortPackets is not null && shortPackets.HasExpired(buffer.Length) && TryTakeShortPacket(buffer))
        {
            buffer = buffer.Slice(buffer.End);
        }

        _reader.AdvanceTo(buffer.Start, buffer.End);
        CompletedCommands.Deliver(_staged);
        shortPackets?.Observe(buffer.Length, result.IsCanceled);
        if (!result.IsCompleted)
        {
            return true;
        }

        if (!buffer.IsEmpty)
        {
            reason = $"the server closed the connection in the middle of a packet ({buffer.Length} bytes of it had arrived)";
        }

        return false;
    }

    /// <summary>
    /// The one place a connection ends, reached once (from the read loop's end, or from <see cref="Abort"/>): the owner hears
    /// why first, so its state is right by the time any caller sees the failure; then every waiting command fails.
    /// </summary>
    private void Finish(string reason, Exception? failure)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        if (Volatile.Read(ref _abort) is { } abort)
        {
            (reason, failure) = (abort.Reason, abort.Failure);
        }
        else if (_rateLimited && failure is null)
        {
            reason = RconErrors.RateLimitedReason(_dialect);
        }

        failure ??= RconErrors.ConnectionLost(_settings.Display, reason);
        Interlocked.CompareExchange(ref _abort, new Ending(reason, failure), null);
        List<(PendingCommand Command, int Generation)> waiting = _pending.Close();
        _pending.Dispose();
        if (_settings.Logger is not null)
        {
            Log.ConnectionClosed(_settings.Logger, _settings.Display, reason);
        }

        _owner.OnEnded(this, reason, failure);
        foreach ((PendingCommand pending, int generation) in waiting)
        {
            pending.TryFail(failure, generation);
        }

        Volatile.Read(ref _authentication)?.TrySetException(RconErrors.AuthenticationClosed(_settings.Display, reason, failure));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnPacket(in RconPacketHeader header, in ReadOnlySequence<byte> body)
    {
        if (_settings.IsTraceEnabled)
        {
            Log.PacketReceived(_settings.Logger!, header.Id, header.Type, header.PacketLength, Lenient(body));
        }

        if (_dialect.RateLimitAnswer is { } limit && header.Type == RconPacketType.ResponseValue && body.Length == limit.Length && Lenient(body) == limit)
        {
            // Conan Exiles' "42": the server is about to close the connection; the close is reported with the reason.
            _rateLimited = true;
            return;
        }

        if (Volatile.Read(ref _authentication) is { } authentication && !_authenticated)
        {
            if (header.Type == RconPacketType.AuthResponse)
            {
                authentication.TrySetResult(header.Id);
                return;
            }

            if (header.Type == RconPacketType.ResponseValue)
            {
                // Source 1 sends an empty RESPONSE_VALUE before the AUTH_RESPONSE; CS2 does not. Skip it, and remember.
                _sawResponseBeforeAuthentication = true;
                return;
            }
        }

        if (header.Type != RconPacketType.ResponseValue && header.Type != RconPacketType.AuthResponse)
        {
            // Chat (Squad's type 1), stray packets (Rust's type 4): reported, never part of an answer.
            _owner.OnUnsolicitedPacket(header.Id, header.Type, body);
            return;
        }

        if (header.Type == RconPacketType.AuthResponse && header.Id == -1 && _authenticated)
        {
            _authenticated = false;

            // The owner's state changes first, so a caller that catches the failure already sees the client unauthenticated.
            _owner.OnAuthenticationRevoked(this);
            RconAuthenticationException revoked = RconErrors.Revoked(_settings.Display);
            foreach ((PendingCommand waiting, int generation) in _pending.Close(refuseNew: false))
            {
                waiting.TryFail(revoked, generation);
            }

            return;
        }

        PendingCommand? pending = header.Type == RconPacketType.ResponseValue ? _answerEnd.Route(_pending, header.Id) : _pending.Find(header.Id);
        if (pending is null || pending.IsFinished)
        {
            if (_settings.Logger is not null)
            {
                Log.PacketDiscarded(_settings.Logger, header.Id, header.Type);
            }

            // Ids start at 1, so an answer with id 0 is no late answer: the server does not echo ids (Palworld). Said on timeout.
            _sawIdZeroAnswers |= header.Id == 0 && header.Type == RconPacketType.ResponseValue && !body.IsEmpty;
            return;
        }

        switch (_answerEnd.OnPacket(pending, header.Id, body, _settings.MaxResponseBytes))
        {
            case AnswerEnd.Step.Complete:
                if (pending.TryStage(_settings.AnswerEncoding, _dialect))
                {
                    _staged.Add(pending);
                }

                _pending.Remove(pending);
                break;
            case AnswerEnd.Step.SendProbe:
                // The server has started answering, so this packet cannot reach it in the same read as the command.
                // If the write side has failed, the connection is ending and fails the command.
                Write(pending.EndMarkerId, RconPacketType.ResponseValue, string.Empty, 0, NoEndMarker);
                break;
        }
    }

    /// <summary>
    /// The bytes left over are an answer packet that stopped short of its size field and has not grown for the dialect's
    /// wait (Palworld overstates non-ASCII sizes): when a command waits for it, it gets what arrived, marked truncated.
    /// </summary>
    private bool TryTakeShortPacket(in ReadOnlySequence<byte> unfinished)
    {
        if (!RconCodec.TryReadHeader(unfinished, out RconPacketHeader header) || header.Type != RconPacketType.ResponseValue || _pending.Single() is not { } pending)
        {
            return false;
        }

        ReadOnlySequence<byte> body = unfinished.Slice(RconCodec.HeaderLength);
        for (int terminators = 0; terminators < 2 && !body.IsEmpty && body.Slice(body.Length - 1).FirstSpan[0] == 0; terminators++)
        {
            body = body.Slice(0, body.Length - 1);
        }

        if (_settings.Logger is not null)
        {
            Log.ShortPacketTaken(_settings.Logger, header.Id, header.PacketLength, unfinished.Length, _dialect.ShortPacketWait!.Value);
        }

        pending.Truncated = true;
        OnPacket(header, body);
        return true;
    }

    /// <summary>Text for logs and checks, never an exception: invalid bytes become U+FFFD.</summary>
    private string Lenient(in ReadOnlySequence<byte> body) => System.Text.EncodingExtensions.GetString(_settings.LenientEncoding, body);
}

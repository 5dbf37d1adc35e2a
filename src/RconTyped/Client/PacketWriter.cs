using System.Net.Sockets;

namespace RconTyped;

/// <summary>
/// Writes whole packets to a socket, one write at a time. Packets queued while a write is under way go out
/// together in the next write, so pipelined commands share system calls; a packet is never split across writes.
/// A failed write is reported once, through the callback, and every later write fails at once.
/// </summary>
internal sealed class PacketWriter
{
    private readonly Socket _socket;
    private readonly Action<Exception> _onFailure;
    private readonly CancellationToken _lifetime;
    private readonly object _gate = new();
    private byte[] _pending = new byte[4096];
    private byte[] _spare = new byte[4096];
    private int _pendingLength;
    private bool _writing;
    private TaskCompletionSource? _pendingWritten;
    private Exception? _failure;

    public PacketWriter(Socket socket, Action<Exception> onFailure, CancellationToken lifetime)
    {
        _socket = socket;
        _onFailure = onFailure;
        _lifetime = lifetime;
    }

    /// <summary>Queues whole packets. If no write is under way, the caller starts one, which may complete later.</summary>
    /// <returns>False when an earlier write already failed; nothing was queued.</returns>
    public bool Enqueue(ReadOnlySpan<byte> packets)
    {
        if (!TryQueue(packets, wantCompletion: false, out _, out bool startWriting))
        {
            return false;
        }

        if (startWriting)
        {
            _ = WriteQueuedAsync(inline: true);
        }

        return true;
    }

    /// <summary>Queues whole packets and completes once they are written.</summary>
    /// <exception cref="RconConnectionException">The write failed (the connection is then closed).</exception>
    public Task EnqueueAndWaitAsync(ReadOnlySpan<byte> packets)
    {
        if (!TryQueue(packets, wantCompletion: true, out Task? written, out bool startWriting))
        {
            return Task.FromException(new RconConnectionException("The connection is closed: an earlier write failed.", _failure));
        }

        if (startWriting)
        {
            _ = WriteQueuedAsync(inline: true);
        }

        return written!;
    }

    private bool TryQueue(ReadOnlySpan<byte> packets, bool wantCompletion, out Task? written, out bool startWriting)
    {
        lock (_gate)
        {
            written = null;
            startWriting = false;
            if (_failure is not null)
            {
                return false;
            }

            if (_pendingLength + packets.Length > _pending.Length)
            {
                Array.Resize(ref _pending, Math.Max(_pendingLength + packets.Length, _pending.Length * 2));
            }

            packets.CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += packets.Length;
            if (wantCompletion)
            {
                _pendingWritten ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                written = _pendingWritten.Task;
            }

            startWriting = !_writing;
            _writing = true;
            return true;
        }
    }

    /// <summary>
    /// Writes what is queued until nothing is. The caller that started writing sends its own batch inline;
    /// if more arrived meanwhile, the rest continues on the thread pool so that caller is not held up.
    /// </summary>
    private async Task WriteQueuedAsync(bool inline)
    {
        while (true)
        {
            byte[] batch;
            int length;
            TaskCompletionSource? written;
            lock (_gate)
            {
                if (_pendingLength == 0)
                {
                    _writing = false;
                    return;
                }

                (batch, _pending) = (_pending, _spare);
                length = _pendingLength;
                _pendingLength = 0;
                written = _pendingWritten;
                _pendingWritten = null;
            }

            try
            {
                await _socket.SendAsync(batch.AsMemory(0, length), SocketFlags.None, _lifetime).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Fail(e, written);
                return;
            }

            written?.TrySetResult();
            lock (_gate)
            {
                _spare = batch;
                if (_pendingLength == 0)
                {
                    _writing = false;
                    return;
                }
            }

            if (inline)
            {
                _ = Task.Run(() => WriteQueuedAsync(inline: false));
                return;
            }
        }
    }

    private void Fail(Exception error, TaskCompletionSource? written)
    {
        TaskCompletionSource? queued;
        lock (_gate)
        {
            _failure = error;
            _writing = false;
            queued = _pendingWritten;
            _pendingWritten = null;
            _pendingLength = 0;
        }

        var failure = new RconConnectionException($"Sending to the server failed: {error.Message}", error);
        written?.TrySetException(failure);
        queued?.TrySetException(failure);
        _onFailure(error);
    }
}

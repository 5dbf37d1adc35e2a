using System.Buffers;
using System.Runtime.CompilerServices;

namespace RconTyped;

/// <summary>
/// Writes whole packets to the transport, one write at a time. Packets queued while a write is under way go out
/// together in the next write, so pipelined commands share system calls; a packet is never split across writes.
/// A failed write is reported once, through the callback, and every later write fails at once.
/// Its buffers come from the shared pool and go back whenever nothing is queued, so an idle connection holds none.
/// </summary>
internal sealed class PacketWriter : IThreadPoolWorkItem
{
    private const int InitialBuffer = 4096;

    [ThreadStatic]
    private static bool t_coalescing;

    private readonly Stream _stream;
    private readonly Action<Exception> _onFailure;
    private readonly object _gate = new();
    private byte[]? _pending;
    private int _pendingLength;
    private bool _writing;
    private TaskCompletionSource? _pendingWritten;
    private Exception? _failure;

    public PacketWriter(Stream stream, Action<Exception> onFailure)
    {
        _stream = stream;
        _onFailure = onFailure;
    }

    /// <summary>
    /// While the scope lasts, packets queued on this thread do not start a write at once: the write is queued to the
    /// thread pool (this thread's local queue first), so that packets queued by the callers whose answers were just
    /// delivered leave together. If this thread stays busy, another pool thread takes the write, so nothing waits on it.
    /// </summary>
    public static CoalescingScope Coalesce() => new();

    /// <summary>Queues whole packets. If no write is under way, one starts (inline, or queued while coalescing).</summary>
    /// <returns>False when an earlier write already failed; nothing was queued.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Enqueue(ReadOnlySpan<byte> packets)
    {
        if (!TryQueue(packets, wantCompletion: false, out _, out bool startWriting))
        {
            return false;
        }

        if (startWriting)
        {
            StartWriting();
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
            StartWriting();
        }

        return written!;
    }

    void IThreadPoolWorkItem.Execute() => _ = WriteQueuedAsync(inline: false);

    private void StartWriting()
    {
        if (t_coalescing)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
        else
        {
            _ = WriteQueuedAsync(inline: true);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

            if (_pending is null || _pendingLength + packets.Length > _pending.Length)
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(InitialBuffer, (_pendingLength + packets.Length) * (_pending is null ? 1 : 2)));
                if (_pending is not null)
                {
                    _pending.AsSpan(0, _pendingLength).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(_pending);
                }

                _pending = larger;
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
                if (_pendingLength == 0 || _pending is null)
                {
                    _writing = false;
                    return;
                }

                batch = _pending;
                length = _pendingLength;
                _pending = null;
                _pendingLength = 0;
                written = _pendingWritten;
                _pendingWritten = null;
            }

            try
            {
                await _stream.WriteAsync(batch.AsMemory(0, length)).ConfigureAwait(false);
                await _stream.FlushAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                ArrayPool<byte>.Shared.Return(batch);
                Fail(e, written);
                return;
            }

            ArrayPool<byte>.Shared.Return(batch);
            written?.TrySetResult();
            lock (_gate)
            {
                if (_pendingLength == 0)
                {
                    _writing = false;
                    return;
                }
            }

            if (inline)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
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
            if (_pending is not null)
            {
                ArrayPool<byte>.Shared.Return(_pending);
                _pending = null;
            }
        }

        RconConnectionException failure = RconErrors.SendFailed(error);
        written?.TrySetException(failure);
        queued?.TrySetException(failure);
        _onFailure(error);
    }

    /// <summary>Ends a <see cref="Coalesce"/> scope.</summary>
    public readonly struct CoalescingScope : IDisposable
    {
        private readonly bool _outer;

        public CoalescingScope()
        {
            _outer = t_coalescing;
            t_coalescing = true;
        }

        public void Dispose() => t_coalescing = _outer;
    }
}

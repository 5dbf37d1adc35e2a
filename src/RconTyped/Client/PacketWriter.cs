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

    void IThreadPoolWorkItem.Execute() => WriteQueued(inline: false);

    private void StartWriting()
    {
        if (t_coalescing)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
        else
        {
            WriteQueued(inline: true);
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
    /// A write the transport finishes at once (a socket with room in its buffer: nearly always) stays in this method,
    /// compiled optimised from its first call; only a write that has to wait goes through <see cref="FinishWriteAsync"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteQueued(bool inline)
    {
        while (TryTakeBatch(out byte[] batch, out int length, out TaskCompletionSource? written))
        {
            ValueTask unfinishedWrite = default; // the write, when it did not finish at once; else the flush did not
            Task? flush = null;
            try
            {
                ValueTask write = _stream.WriteAsync(batch.AsMemory(0, length));
                if (!write.IsCompletedSuccessfully)
                {
                    unfinishedWrite = write;
                }
                else
                {
                    write.GetAwaiter().GetResult();
                    flush = _stream.FlushAsync();
                    if (flush.IsCompletedSuccessfully)
                    {
                        if (!AfterWrite(batch, written, inline))
                        {
                            return;
                        }

                        continue;
                    }
                }
            }
            catch (Exception e)
            {
                ArrayPool<byte>.Shared.Return(batch);
                Fail(e, written);
                return;
            }

            _ = FinishWriteAsync(unfinishedWrite, flush, batch, written);
            return;
        }
    }

    /// <summary>A write (or flush) that did not finish at once: awaited, then the rest is written from the thread pool.</summary>
    private async Task FinishWriteAsync(ValueTask write, Task? flush, byte[] batch, TaskCompletionSource? written)
    {
        try
        {
            await write.ConfigureAwait(false);
            await (flush ?? _stream.FlushAsync()).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            ArrayPool<byte>.Shared.Return(batch);
            Fail(e, written);
            return;
        }

        if (AfterWrite(batch, written, inline: false))
        {
            WriteQueued(inline: false);
        }
    }

    /// <summary>Takes what is queued as the next batch; false (and writing stops) when nothing is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryTakeBatch(out byte[] batch, out int length, out TaskCompletionSource? written)
    {
        lock (_gate)
        {
            if (_pendingLength == 0 || _pending is null)
            {
                _writing = false;
                (batch, length, written) = (null!, 0, null);
                return false;
            }

            (batch, length, written) = (_pending, _pendingLength, _pendingWritten);
            _pending = null;
            _pendingLength = 0;
            _pendingWritten = null;
            return true;
        }
    }

    /// <summary>
    /// A batch is written: its buffer goes back and its waiters hear. True when more is queued and this thread writes it;
    /// false when nothing is (writing stops), or when an inline writer hands the rest to the thread pool.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AfterWrite(byte[] batch, TaskCompletionSource? written, bool inline)
    {
        ArrayPool<byte>.Shared.Return(batch);
        written?.TrySetResult();
        lock (_gate)
        {
            if (_pendingLength == 0)
            {
                _writing = false;
                return false;
            }
        }

        if (inline)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            return false;
        }

        return true;
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
